/**
 * The 20 Alpha158 factors the materialization benchmark computes three ways (the feature store's
 * compiled query, this hand-written DuckDB SQL, and pandas in bench/python/alpha20.py).
 */
export const SUBSET_20 = [
  'KMID',
  'KLEN',
  'KMID2',
  'KUP',
  'KLOW',
  'KSFT',
  'OPEN0',
  'HIGH0',
  'LOW0',
  'ROC5',
  'ROC20',
  'MA5',
  'MA20',
  'MA60',
  'STD5',
  'STD20',
  'MAX20',
  'MIN20',
  'VMA20',
  'VSTD20',
] as const;

/** One hand-written query for the 20: window frames per entity, as a person would write it. */
export const HAND_WRITTEN_20 = (relation: string) => `
  SELECT symbol, time,
    (close - open) / open AS kmid,
    (high - low) / open AS klen,
    (close - open) / (high - low + 1e-12) AS kmid2,
    (high - greatest(open, close)) / open AS kup,
    (least(open, close) - low) / open AS klow,
    (2 * close - high - low) / open AS ksft,
    open / close AS open0,
    high / close AS high0,
    low / close AS low0,
    lag(close, 5) OVER w / close AS roc5,
    lag(close, 20) OVER w / close AS roc20,
    avg(close) OVER w5 / close AS ma5,
    avg(close) OVER w20 / close AS ma20,
    avg(close) OVER w60 / close AS ma60,
    stddev_samp(close) OVER w5 / close AS std5,
    stddev_samp(close) OVER w20 / close AS std20,
    max(high) OVER w20 / close AS max20,
    min(low) OVER w20 / close AS min20,
    avg(volume) OVER w20 / (volume + 1e-12) AS vma20,
    stddev_samp(volume) OVER w20 / (volume + 1e-12) AS vstd20
  FROM ${relation}
  WINDOW w AS (PARTITION BY symbol ORDER BY time),
    w5 AS (PARTITION BY symbol ORDER BY time ROWS BETWEEN 4 PRECEDING AND CURRENT ROW),
    w20 AS (PARTITION BY symbol ORDER BY time ROWS BETWEEN 19 PRECEDING AND CURRENT ROW),
    w60 AS (PARTITION BY symbol ORDER BY time ROWS BETWEEN 59 PRECEDING AND CURRENT ROW)`;
