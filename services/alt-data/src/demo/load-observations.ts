import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataDir } from '@alphagraph/config';
import { quoteLiteral } from '@alphagraph/lake';
import type { Stores } from '../context.ts';
import type { DatasetRecord } from '../modules/datasets/store.ts';

/**
 * How each shipped file becomes observations: a DuckDB query producing `entity, event_time, seq,
 * published_at, <fields>` (see modules/observations/layout.ts). Every column is read as text and
 * cast explicitly, so an empty field is NULL, never a guessed type. `published_at` is NULL: the
 * dataset's declared publication rule and latency give `available_at`.
 */
const DEMO_FILES: readonly { dataset: string; file: string; select: (csv: string) => string }[] = [
  {
    // Per tweet: entity = ticker, event_time = created_at (UTC in the file). Tweets about one ticker
    // in the same second (486 such keys, up to 15 tweets) are told apart by seq, numbered in a
    // fixed order of their values so that a reload numbers them the same way.
    dataset: 'stocknet_tweets',
    file: 'stocknet_tweets_sentiment.csv.gz',
    select: (csv) => `
      SELECT ticker AS entity, event_time,
             CAST(row_number() OVER (PARTITION BY ticker, event_time ORDER BY sentiment, tokens) - 1 AS INTEGER) AS seq,
             CAST(NULL AS TIMESTAMPTZ) AS published_at, sentiment, tokens
      FROM (SELECT ticker, CAST(created_at AS TIMESTAMPTZ) AS event_time,
                   CAST(NULLIF(sentiment, '') AS DOUBLE) AS sentiment, CAST(NULLIF(tokens, '') AS INTEGER) AS tokens
            FROM ${csv})`,
  },
  {
    // A daily, market-wide series: event_time = the date at 00:00 UTC (as a daily bar's time).
    dataset: 'cboe_vix_daily',
    file: 'vix_daily.csv.gz',
    select: (csv) => `
      SELECT 'MARKET' AS entity, timezone('UTC', CAST(CAST("DATE" AS DATE) AS TIMESTAMP)) AS event_time,
             0 AS seq, CAST(NULL AS TIMESTAMPTZ) AS published_at,
             CAST(NULLIF("OPEN", '') AS DOUBLE) AS open, CAST(NULLIF("HIGH", '') AS DOUBLE) AS high,
             CAST(NULLIF("LOW", '') AS DOUBLE) AS low, CAST(NULLIF("CLOSE", '') AS DOUBLE) AS close
      FROM ${csv}`,
  },
  {
    dataset: 'eia_wti_spot_daily',
    file: 'oil_wti_daily.csv.gz',
    select: (csv) => `
      SELECT 'MARKET' AS entity, timezone('UTC', CAST(CAST("Date" AS DATE) AS TIMESTAMP)) AS event_time,
             0 AS seq, CAST(NULL AS TIMESTAMPTZ) AS published_at, CAST(NULLIF("Price", '') AS DOUBLE) AS price
      FROM ${csv}`,
  },
];

export const demoSource = (file: string) => `demo:${file}`;

/**
 * Loads the shipped alternative data into the lake (idempotent: a dataset whose demo snapshot is
 * already recorded is skipped).
 *
 * Coverage (`Dataset.coverage`, instruments) is what seed.json declares: the symbols the demo's
 * instrument master (market-data) lists, because a covered symbol it does not know would be an
 * entity reference no subgraph can resolve. `Dataset.entities` lists every entity with data.
 */
export async function loadDemoObservations(options: {
  stores: Stores;
  datasets: ReadonlyMap<string, DatasetRecord>;
  dir?: string | undefined;
  log?: (line: string) => void;
}): Promise<Record<string, { loaded: boolean; rows: number }>> {
  const log = options.log ?? ((line: string) => console.log(`[alt-data] ${line}`));
  const { observations, datasets: catalog } = options.stores;
  const result: Record<string, { loaded: boolean; rows: number }> = {};
  const total = DEMO_FILES.length;
  for (const [i, spec] of DEMO_FILES.entries()) {
    const step = `demo data [${i + 1}/${total}] ${spec.dataset}`;
    const dataset = options.datasets.get(spec.dataset);
    if (!dataset) throw new Error(`demo dataset ${spec.dataset} is not in seed.json`);
    const file = join(options.dir ?? demoDataDir(), spec.file);
    if (!existsSync(file)) throw new Error(`demo data file is missing: ${file}`);
    await observations.register(dataset);
    if (await observations.hasSource(dataset, demoSource(spec.file))) {
      log(`${step}: already loaded from ${spec.file}; skipping`);
      result[spec.dataset] = { loaded: false, rows: 0 };
      continue;
    }
    log(`${step}: writing observations from ${spec.file}`);
    const csv = `read_csv(${quoteLiteral(file)}, header = true, all_varchar = true)`;
    const snapshot = await observations.appendQuery(dataset, {
      inputSql: spec.select(csv),
      source: demoSource(spec.file),
    });
    if (dataset.entityKind === 'instrument') {
      const covered = new Set((await catalog.coverageOf([dataset.id])).map((c) => c.symbol));
      const entities = await observations.entities(dataset);
      const outside = entities.filter((e) => !covered.has(e));
      log(
        `${step}: ${entities.length} entities with observations; ${covered.size} are the declared coverage` +
          (outside.length ? `, the other ${outside.length} are not in the demo instrument master` : ''),
      );
    }
    log(`${step}: published snapshot ${snapshot.id} with ${snapshot.addedRows.toLocaleString('en-US')} observations`);
    result[spec.dataset] = { loaded: true, rows: snapshot.addedRows };
  }
  return result;
}
