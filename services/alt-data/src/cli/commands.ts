import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditLog } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import { altDatasets } from '@alphagraph/db/schema/alt';
import { type Lake, type LakeSession, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { eq } from 'drizzle-orm';
import type { DatasetField } from '../modules/datasets/spec.ts';
import type { RawObservation } from '../modules/ingest/ingest.ts';
import { createIngestProvider } from '../modules/ingest/module.ts';
import { createObservationStore } from '../modules/observations/store.ts';

export const OBSERVATIONS_USAGE = `alphagraph ingest observations <file> --dataset <name> [--batch-id ID] [--backfill] [--json] [--no-progress]
    Push a CSV or Parquet file of observations to a registered dataset as ONE batch, through the
    same validation, rules and atomic commit as the ingestObservations mutation. Columns: entity,
    event_time (ISO-8601 with a zone, or a TIMESTAMPTZ), optional seq and available_at, and the
    dataset's fields by name. A re-delivered file (same batch id, or same content) is a no-op.
`;

type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
const PAGE = 100_000;

export interface ObservationsCliDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly audit: AuditLog;
  readonly actor: string;
}

/** Runs `ingest observations …`; returns the exit code (0 done, 1 refused, 2 bad usage). */
export async function runObservationsCli(
  argv: readonly string[],
  deps: ObservationsCliDeps,
  io: Out = stdio,
): Promise<number> {
  const [command, what, ...rest] = argv;
  if (command !== 'ingest' || what !== 'observations') {
    io.err(OBSERVATIONS_USAGE);
    return 2;
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(rest);
  } catch (error) {
    io.err(`${(error as Error).message}\n${OBSERVATIONS_USAGE}`);
    return 2;
  }
  const { file, values } = parsed;
  const [dataset] = await deps.db.select().from(altDatasets).where(eq(altDatasets.name, values.dataset));
  if (!dataset) {
    io.err(
      `ingest observations: no dataset is named ${JSON.stringify(values.dataset)} (register it with registerDataset)\n`,
    );
    return 1;
  }
  const progress = (s: string) => {
    if (!values['no-progress']) io.err(s);
  };
  const started = Date.now();
  let rows: RawObservation[];
  try {
    rows = await readObservationFile(deps.lake, file, dataset.fields, (done, total) =>
      progress(
        `\r read ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} rows${done === total ? '\n' : ''}`,
      ),
    );
  } catch (error) {
    io.err(`ingest observations: ${(error as Error).message.split('\n')[0]}\n`);
    return 1;
  }
  progress(` read done in ${((Date.now() - started) / 1000).toFixed(1)} s; validating and committing\n`);
  const provider = createIngestProvider({ ...deps, observations: createObservationStore(deps.lake) });
  const outcome = await provider.ingest(
    {
      actor: { userId: deps.actor, roles: ['service'], scopes: ['service'], tokenId: undefined },
      requestId: `cli:${Date.now()}`,
    },
    { dataset, source: file, batchId: values['batch-id'] ?? null, backfill: values.backfill ?? false, rows },
  );
  if (!outcome.ok) {
    io.err(`ingest observations: ${outcome.error.code}: ${outcome.error.message}\n`);
    return 1;
  }
  const r = outcome.report;
  if (values.json) {
    io.out(`${JSON.stringify({ repeated: outcome.repeated, ...r })}\n`);
    return 0;
  }
  io.out(
    `${outcome.repeated ? 'already delivered (nothing written): ' : ''}batch ${r.id} -> ${dataset.name} v${r.datasetVersion}` +
      `, snapshot ${r.snapshotId ?? '-'}: read ${r.rowsRead}, accepted ${r.accepted}, fixed ${r.fixed}, ` +
      `quarantined ${r.quarantined}, rejected ${r.rejected}, warnings ${r.warnings} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  for (const i of r.issues.slice(0, 50)) {
    io.out(`  line ${i.line}${i.field ? ` ${i.field}` : ''}: ${i.rule} ${i.outcome}: ${i.message}\n`);
  }
  if (r.issues.length > 50) io.out(`  … ${r.issues.length - 50} more findings (see Dataset.ingestReports)\n`);
  return 0;
}

function parse(args: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      dataset: { type: 'string' },
      'batch-id': { type: 'string' },
      backfill: { type: 'boolean' },
      json: { type: 'boolean' },
      'no-progress': { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new Error('ingest observations: give exactly one file');
  if (!values.dataset) throw new Error('ingest observations: --dataset is required');
  return { file: resolve(positionals[0]!), values: { ...values, dataset: values.dataset } };
}

/**
 * Reads the file with DuckDB (CSV as text, typed here exactly as the mutation's JSON rows are;
 * Parquet with its own types) into rows for ingestion, page by page. Lines of a CSV count from the
 * header (= 1); a Parquet row's is its row number from 1.
 */
export async function readObservationFile(
  lake: Lake,
  file: string,
  fields: readonly DatasetField[],
  onProgress?: (done: number, total: number) => void,
): Promise<RawObservation[]> {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new Error(`${file}: no such file`);
  const parquet = /\.parquet$/i.test(file);
  const source = parquet
    ? `read_parquet(${quoteLiteral(file)})`
    : `read_csv(${quoteLiteral(file)}, header = true, all_varchar = true)`;
  return lake.withSession(async (s: LakeSession) => {
    await s.run(
      `CREATE TEMP TABLE obs_file AS SELECT row_number() OVER () + ${parquet ? 0 : 1} AS line, * FROM ${source}`,
    );
    const columns = new Set((await s.all<{ column_name: string }>(`DESCRIBE obs_file`)).map((c) => c.column_name));
    const missing = ['entity', 'event_time'].filter((c) => !columns.has(c));
    if (missing.length) throw new Error(`${file} lacks the column(s) ${missing.join(', ')}`);
    const present = fields.filter((f) => columns.has(f.name));
    const extra = [...columns].filter(
      (c) => !['line', 'entity', 'event_time', 'seq', 'available_at'].includes(c) && !fields.some((f) => f.name === c),
    );
    if (extra.length) throw new Error(`${file} has column(s) ${extra.join(', ')} that are not fields of the dataset`);
    const select = [
      'line',
      'entity',
      parquet ? `CAST(event_time AS VARCHAR) AS event_time` : 'event_time',
      columns.has('seq') ? 'seq' : 'NULL AS seq',
      columns.has('available_at')
        ? parquet
          ? 'CAST(available_at AS VARCHAR) AS available_at'
          : 'available_at'
        : 'NULL AS available_at',
      ...present.map((f) => quoteIdent(f.name)),
    ].join(', ');
    const [count] = await s.all<{ n: bigint | number }>('SELECT count(*) AS n FROM obs_file');
    const total = Number(count?.n ?? 0);
    if (total === 0) throw new Error(`${file} has no rows`);
    const out: RawObservation[] = new Array(total);
    let k = 0;
    for (let from = 0; from < total; from += PAGE) {
      const page = await s.all<Record<string, unknown>>(
        `SELECT ${select} FROM obs_file WHERE line > ${from + (parquet ? 0 : 1)} AND line <= ${from + PAGE + (parquet ? 0 : 1)} ORDER BY line`,
      );
      for (const r of page) {
        const values: Record<string, unknown> = {};
        for (const f of present)
          values[f.name] = parquet ? fromParquet(r[f.name]) : fromText(f, r[f.name] as string | null);
        out[k++] = {
          line: Number(r.line),
          entity: r.entity,
          eventTime: instantText(r.event_time),
          seq: r.seq == null || r.seq === '' ? null : Number(r.seq),
          availableAt: r.available_at == null || r.available_at === '' ? null : instantText(r.available_at),
          values,
        };
      }
      onProgress?.(Math.min(total, from + PAGE), total);
    }
    await s.run('DROP TABLE obs_file');
    return out;
  });
}

/** DuckDB prints TIMESTAMPTZ as `2016-03-01 14:31:07+00`; ISO-8601 wants a T and minutes in the offset. */
function instantText(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)([+-]\d{2})$/.exec(v);
  return m ? `${m[1]}T${m[2]}${m[3]}:00` : v;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A CSV cell as the value JSON would carry: empty is missing; text that is no number stays text (WRONG_TYPE). */
function fromText(f: DatasetField, v: string | null): unknown {
  if (v === null || v === '') return null;
  switch (f.type) {
    case 'float':
    case 'int':
      return NUMBER.test(v.trim()) ? Number(v) : v;
    case 'boolean':
      return v === 'true' ? true : v === 'false' ? false : v;
    default:
      return v;
  }
}

function fromParquet(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : (v ?? null);
}
