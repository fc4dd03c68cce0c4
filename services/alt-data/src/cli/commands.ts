import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditLog } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import { altDatasets } from '@alphagraph/db/schema/alt';
import type { Lake } from '@alphagraph/lake';
import { eq } from 'drizzle-orm';
import { ObservationFileError } from '../modules/ingest/ingest.ts';
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
  progress(` reading and checking ${file} with DuckDB…\n`);
  const provider = createIngestProvider({ ...deps, observations: createObservationStore(deps.lake) });
  let outcome: Awaited<ReturnType<typeof provider.ingestFile>>;
  try {
    outcome = await provider.ingestFile(
      {
        actor: { userId: deps.actor, roles: ['service'], scopes: ['service'], tokenId: undefined },
        requestId: `cli:${Date.now()}`,
      },
      { dataset, source: file, file, batchId: values['batch-id'] ?? null, backfill: values.backfill ?? false },
    );
  } catch (error) {
    if (!(error instanceof ObservationFileError)) throw error;
    io.err(`ingest observations: ${error.message.split('\n')[0]}\n`);
    return 1;
  }
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
