import { sessionClose, sessionDays } from '@alphagraph/calendar';
import { BAR_FIELDS, BARS_DATASET, MARKET_ENTITY } from '@alphagraph/datasets';
import {
  type Lake,
  type LakeParam,
  type LakeSession,
  latestAsOf,
  quoteIdent,
  quoteLiteral,
  sessionAggregates,
} from '@alphagraph/lake';
import { z } from 'zod';
import type { AltField, AltSource } from '../registry/catalog.ts';
import type { PinnedInputs } from './changes.ts';

/** What a materialization reads. */
export interface SourceRequest {
  readonly lake: Lake;
  readonly session: LakeSession;
  /**
   * INSTRUMENT views: a row per (instrument, daily bar). MARKET views: a row per XNYS session of
   * the market-wide series read (entity `MARKET`), from the session of their first observation
   * to that of their last, each a closed session; the fields are those series' session aggregates.
   */
  readonly entityKind: 'instrument' | 'market';
  /** Inputs are read as known at this instant (versions published later are invisible). */
  readonly asOf: Date;
  /** The snapshots to read, pinned at the run's start (see `pinInputs`). */
  readonly inputs: PinnedInputs;
  readonly universe: readonly string[];
  /** Inclusive lower bound on the event times written (null: from the start of history). */
  readonly from: Date | null;
  /** Exclusive upper bound on the event times written. */
  readonly to: Date | null;
  /** Incremental runs: per entity, the first and last event time the view holds (later rows are new). */
  readonly stored: ReadonlyMap<string, { readonly first: Date; readonly last: Date }> | null;
  /**
   * Incremental runs: per entity, the earliest event time whose inputs changed since its
   * baseline run (null: no baseline, every stored period is recomputed). Periods from there on
   * are recomputed too; the caller writes only those whose values or stamp differ.
   */
  readonly changed: ReadonlyMap<string, Date | null> | null;
  /** Warm-up rows the expressions read before a value (the dsl's lookback). */
  readonly lookback: number;
  /** Whether an expression compares entities (CSRank, CSZScore): all entities then share one warm-up start. */
  readonly crossSectional: boolean;
  readonly altFields: readonly AltField[];
  readonly alt: ReadonlyMap<string, AltSource>;
}

/** The staged relation the compiled query reads, and which snapshots it came from. */
export interface StagedSource {
  readonly relation: string;
  /** `$field` -> column of the relation. */
  readonly columns: Record<string, string>;
  /**
   * Per entity, `out_from`: the first event time to compute (rows before it are warm-up only),
   * and `after`: the last event time the view already holds (rows up to it are recomputations).
   */
  readonly bounds: string;
  readonly inputSnapshots: Record<string, number>;
  readonly rows: number;
}

/**
 * Positions of the warm-up start are rounded down to a multiple of this (in the entity's whole
 * history). DuckDB evaluates a rolling aggregate over a segment tree whose nodes start at the
 * partition's first row; starting every run at the same alignment as a run over the whole
 * history makes the trees, and so the floating-point sums, identical: an incremental run's values
 * equal a full backfill's bit for bit. Nodes span 16^k rows; 4096 covers windows below 4096 rows.
 */
export function alignmentFor(lookback: number): number {
  let unit = 16;
  while (unit <= lookback + 1) unit *= 16;
  return unit;
}

const count = z.object({ n: z.union([z.bigint(), z.number()]).transform(Number) });
const span = z.object({ first: z.date().nullable(), last: z.date().nullable() });
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const DAY_MS = 86_400_000;
const clampDate = (d: string) => (d < '1980-01-01' ? '1980-01-01' : d > '2035-12-31' ? '2035-12-31' : d);

/**
 * Stages the source relation on `session`: one row per (entity, daily bar) from the latest
 * version of each bar known at `asOf` (MARKET views: per XNYS session, `stageMarketSessions`),
 * the entity's position in its whole history (`rn`), the bar's fields, and the session
 * aggregates of the alternative fields the view reads, joined by entity and session date
 * (market-wide series by session date alone, the same value for every instrument). A row's
 * `available_at` is the latest of the bar's and the joined aggregates'. Only the rows a run needs
 * are kept: its output rows and the aligned warm-up before them.
 */
export async function stageSource(req: SourceRequest): Promise<StagedSource> {
  const { session } = req;
  const inputSnapshots: Record<string, number> = {};
  for (const [dataset, snapshot] of req.inputs) if (snapshot) inputSnapshots[dataset] = snapshot.id;

  await session.run('CREATE OR REPLACE TEMP TABLE fs_universe (entity VARCHAR)');
  await session.append(
    'fs_universe',
    req.universe.map((e) => [e]),
  );
  await session.run('CREATE OR REPLACE TEMP TABLE fs_after (entity VARCHAR, first TIMESTAMPTZ, after TIMESTAMPTZ)');
  if (req.stored)
    await session.append(
      'fs_after',
      [...req.stored].map(([e, s]) => [e, s.first, s.last]),
    );
  await session.run('CREATE OR REPLACE TEMP TABLE fs_changed (entity VARCHAR, changed_from TIMESTAMPTZ)');
  if (req.changed)
    await session.append(
      'fs_changed',
      [...req.changed].map(([e, t]) => [e, t]),
    );

  const baseFields = req.entityKind === 'market' ? [] : BAR_FIELDS;
  if (req.entityKind === 'market') await stageMarketSessions(req);
  else await stageBars(req);

  // The first event time each entity computes: after its last materialized row, or from the
  // earliest changed input when that is earlier (but not before its first stored row: periods
  // never materialized stay so), and never before `from`. A cross-sectional value reads every
  // entity, so a change anywhere recomputes every entity from there.
  const from = req.from ? `TIMESTAMPTZ '${req.from.toISOString()}'` : 'NULL::TIMESTAMPTZ';
  const redo = req.crossSectional ? 'CASE WHEN g.m IS NULL THEN NULL ELSE greatest(e.first, g.m) END' : 'e.redo';
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_bounds AS
     WITH e AS (
       SELECT u.entity, a.first, a.after,
              CASE WHEN a.after IS NULL OR c.entity IS NULL THEN NULL
                   ELSE greatest(a.first, coalesce(c.changed_from, a.first)) END AS redo
       FROM fs_universe u LEFT JOIN fs_after a USING (entity) LEFT JOIN fs_changed c USING (entity)
     ), g AS (SELECT min(redo) AS m FROM e)
     SELECT e.entity, e.after,
            greatest(${from}, CASE WHEN e.after IS NULL THEN NULL
                                   ELSE least(e.after + INTERVAL 1 MICROSECOND, ${redo}) END) AS out_from
     FROM e, g`,
  );
  const unit = alignmentFor(req.lookback);
  const firstRow = req.crossSectional
    ? // Every entity starts at its first row at or after the earliest time any entity writes.
      `SELECT b.entity, min(b.rn) AS first_rn FROM fs_bars b
       WHERE b.time >= (SELECT min(b2.time) FROM fs_bars b2 JOIN fs_bounds d USING (entity)
                        WHERE d.out_from IS NULL OR b2.time >= d.out_from)
       GROUP BY b.entity`
    : `SELECT b.entity, min(b.rn) AS first_rn FROM fs_bars b JOIN fs_bounds d USING (entity)
       WHERE d.out_from IS NULL OR b.time >= d.out_from GROUP BY b.entity`;
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_rows AS
     WITH first_row AS (${firstRow}),
     start AS (SELECT entity, ((greatest(first_rn - ${req.lookback}, 1) - 1) // ${unit}) * ${unit} + 1 AS start_rn FROM first_row)
     SELECT b.* FROM fs_bars b JOIN start s USING (entity) WHERE b.rn >= s.start_rn`,
  );

  const columns: Record<string, string> = Object.fromEntries(baseFields.map((f) => [f, f]));
  const joins: string[] = [];
  const availability = ['s.available_at'];
  const selects: string[] = [];
  const byDataset = new Map<string, AltField[]>();
  for (const f of req.altFields) byDataset.set(f.dataset, [...(byDataset.get(f.dataset) ?? []), f]);
  let i = 0;
  for (const [dataset, fields] of byDataset) {
    const source = req.alt.get(dataset);
    if (!source) throw new Error(`alternative dataset ${dataset} is not registered`);
    const table = `fs_alt${i}`;
    await stageAltSessions(req, source, fields, table);
    fields.forEach((f, j) => {
      columns[f.name] = `a${i}_${j}`;
      selects.push(`${table}.${quoteIdent(`v${j}`)} AS ${quoteIdent(`a${i}_${j}`)}`);
    });
    const entityMatch = source.entityKind === 'market' ? '' : ` AND ${table}.entity = s.entity`;
    joins.push(`LEFT JOIN ${table} ON ${table}.session = CAST(timezone('UTC', s.time) AS DATE)${entityMatch}`);
    availability.push(`${table}.available_at`);
    i++;
  }
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_input AS
     SELECT s.entity, s.time, s.rn, greatest(${availability.join(', ')}) AS available_at,
            ${[...baseFields.map((f) => `s.${quoteIdent(f)}`), ...selects].join(', ')}
     FROM fs_rows s ${joins.join(' ')}`,
  );
  const [n] = await session.all('SELECT count(*) AS n FROM fs_input');
  return { relation: 'fs_input', columns, bounds: 'fs_bounds', inputSnapshots, rows: count.parse(n).n };
}

/**
 * Aggregates one alternative dataset per (entity, NYSE session) into `table(entity, session,
 * available_at, v0, v1, …)`, one value column per field read, by the lake's session aggregation
 * of the latest versions known at `asOf`.
 */
async function stageAltSessions(
  req: SourceRequest,
  source: AltSource,
  fields: readonly AltField[],
  table: string,
): Promise<void> {
  const { session } = req;
  const snapshot = req.inputs.get(source.lakeDataset) ?? null;
  const [rawSpan] = await session.all('SELECT min(time) AS first, max(time) AS last FROM fs_rows');
  const { first, last } = span.parse(rawSpan);
  const values = fields.map((f, j) => {
    const col = f.source ? quoteIdent(f.source) : '';
    const sql =
      f.kind === 'count'
        ? 'CAST(count(*) AS DOUBLE)'
        : f.kind === 'mean'
          ? `avg(CAST(k.${col} AS DOUBLE))`
          : `arg_max(CAST(k.${col} AS DOUBLE), {'t': k.event_time, 's': k.seq})`;
    return `${sql} AS v${j}`;
  });
  if (!snapshot || !first || !last) {
    await session.run(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT NULL::VARCHAR AS entity, NULL::DATE AS session,
         NULL::TIMESTAMPTZ AS available_at, ${fields.map((_, j) => `NULL::DOUBLE AS v${j}`).join(', ')} WHERE false`,
    );
    return;
  }
  const params: LakeParam[] = [req.asOf];
  const sessions = sessionAggregates(snapshot, {
    dataset: source.dataset,
    params,
    asOf: '$1::TIMESTAMPTZ',
    where: [
      source.entityKind === 'market'
        ? `entity = ${quoteLiteral(MARKET_ENTITY)}`
        : 'entity IN (SELECT entity FROM fs_universe)',
    ],
    columns: [...new Set(fields.flatMap((f) => (f.source ? [f.source] : [])))],
    aggregates: values,
    calendar: 'XNYS',
    from: first,
    to: last,
    latencySeconds: source.latencySeconds,
  });
  await session.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS
     SELECT entity, session, available_at, ${fields.map((_, j) => `v${j}`).join(', ')} FROM ${sessions}`,
    params,
  );
}

/** `fs_bars`: the latest version of each daily bar of the universe known at `asOf`, numbered per entity. */
async function stageBars(req: SourceRequest): Promise<void> {
  const bars = req.inputs.get(BARS_DATASET.name) ?? null;
  const params: LakeParam[] = [req.asOf];
  const where = ["interval = '1d'", 'symbol IN (SELECT entity FROM fs_universe)'];
  if (req.to) where.push(`time < $${params.push(req.to)}::TIMESTAMPTZ`);
  await req.session.run(
    `CREATE OR REPLACE TEMP TABLE fs_bars AS
     SELECT symbol AS entity, time, available_at, ${BAR_FIELDS.map(quoteIdent).join(', ')},
            row_number() OVER (PARTITION BY symbol ORDER BY time) AS rn
     FROM ${latestAsOf(bars ?? '(SELECT NULL AS symbol WHERE false)', { dataset: BARS_DATASET, asOf: '$1::TIMESTAMPTZ', where })}`,
    params,
  );
}

/** The XNYS session an instant belongs to: the first whose close is after it (null past the calendar). */
function sessionOfInstant(instant: Date): string | null {
  const from = clampDate(isoDate(instant));
  const days = sessionDays('XNYS', from, clampDate(isoDate(new Date(instant.getTime() + 14 * DAY_MS))));
  return days.find((d) => sessionClose('XNYS', d) > instant) ?? null;
}

/**
 * `fs_bars` of a MARKET view: entity `MARKET`, one row per XNYS session from the session of the
 * first observation of any series read to the session of the last, closed by `asOf` (and before
 * `to`), numbered from the first. A row's time and `available_at` follow daily bars: the session
 * date at 00:00 UTC, and its close (the joined aggregates then add their own publication).
 * Sessions without an observation stay as rows with null fields, so `Ref($x, 1)` is always the
 * previous session.
 */
async function stageMarketSessions(req: SourceRequest): Promise<void> {
  const { lake, session } = req;
  let first: Date | null = null;
  let last: Date | null = null;
  for (const dataset of new Set(req.altFields.map((f) => f.dataset))) {
    const source = req.alt.get(dataset);
    if (!source) throw new Error(`alternative dataset ${dataset} is not registered`);
    if (source.entityKind !== 'market') {
      throw new Error(`a MARKET view reads market-wide series only, and ${dataset} is per instrument`);
    }
    const snapshot = req.inputs.get(source.lakeDataset) ?? null;
    if (!snapshot) continue;
    const [raw] = await session.all(
      `SELECT min(event_time) AS first, max(event_time) AS last FROM ${lake.scan(snapshot)}
       WHERE entity = ${quoteLiteral(MARKET_ENTITY)} AND available_at <= $1::TIMESTAMPTZ`,
      [req.asOf],
    );
    const s = span.parse(raw);
    if (s.first && (!first || s.first < first)) first = s.first;
    if (s.last && (!last || s.last > last)) last = s.last;
  }
  const firstDay = first ? sessionOfInstant(first) : null;
  const lastDay = last ? sessionOfInstant(last) : null;
  const days = firstDay && lastDay ? sessionDays('XNYS', firstDay, lastDay) : [];
  const rows: [string, Date, Date, number][] = [];
  days.forEach((day, i) => {
    const time = new Date(`${day}T00:00:00Z`);
    const close = sessionClose('XNYS', day);
    if (close <= req.asOf && (!req.to || time < req.to)) rows.push([MARKET_ENTITY, time, close, i + 1]);
  });
  await session.run(
    'CREATE OR REPLACE TEMP TABLE fs_bars (entity VARCHAR, time TIMESTAMPTZ, available_at TIMESTAMPTZ, rn BIGINT)',
  );
  await session.append(
    'fs_bars',
    rows.filter(([entity]) => req.universe.includes(entity)),
  );
}
