import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditLog } from '@alphagraph/auth';
import { BARS_DATASET } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import { ZodError } from 'zod';
import { IngestError } from '../modules/ingest/errors.ts';
import type { Actor } from '../modules/ingest/ingest.ts';
import { BUILT_IN_MAPPINGS } from '../modules/ingest/mappings.ts';
import { createIngestModule } from '../modules/ingest/module.ts';
import {
  allowedActions,
  DEFAULT_JUMP_THRESHOLD,
  DEFAULT_RULES,
  FIXES,
  parseRuleList,
  RULES,
  resolveRules,
} from '../modules/ingest/rules.ts';
import { createInstrumentStore } from '../modules/instruments/store.ts';
import { createProgressBars } from './progress.ts';
import { formatReport } from './report.ts';

export const INGEST_USAGE = `alphagraph ingest <what>

  ingest bars <file> --mapping <name> [--rules rule=action,…] [--jump-threshold X]
                     [--conflicts correct|keep_stored] [--force] [--json] [--no-progress]
      Validate a CSV (plain or .gz) or Parquet file of bars and land it as one atomic batch; prints
      the report (rows read, accepted, fixed, quarantined, rejected, and every rejected or
      quarantined row with its line and reason). Re-ingesting the same file is a no-op (--force
      compares it row by row with what is stored instead).
  ingest mappings    the declared column mappings
  ingest rules       the data rules: default action, allowed actions, what "fix" does
`;

type Out = { out: (s: string) => void; err: (s: string) => void };
const stdio: Out = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export interface CliDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly audit?: AuditLog;
  readonly actor: Actor;
}

/** Runs `ingest …`; returns the exit code (0 done, 1 the batch was refused, 2 bad usage). */
export async function runIngestCli(argv: readonly string[], deps: CliDeps, io: Out = stdio): Promise<number> {
  const [command, what, ...rest] = argv;
  if (command !== 'ingest' || !what || what === 'help' || what === '--help') {
    (command === 'ingest' && what ? io.out : io.err)(INGEST_USAGE);
    return command === 'ingest' && what ? 0 : 2;
  }
  switch (what) {
    case 'mappings':
      for (const m of BUILT_IN_MAPPINGS.values()) io.out(`${m.name.padEnd(18)} ${m.interval}  ${m.description}\n`);
      return 0;
    case 'rules':
      for (const r of RULES) {
        io.out(
          `${r.padEnd(26)} default ${DEFAULT_RULES[r].padEnd(10)} allowed ${allowedActions(r).join('|').padEnd(26)} ` +
            `fix: ${FIXES[r] ?? '(none)'}\n`,
        );
      }
      io.out(`split_like_jump threshold: ${DEFAULT_JUMP_THRESHOLD} (--jump-threshold)\n`);
      return 0;
    case 'bars':
      return ingestBars(rest, deps, io);
    default:
      io.err(`ingest: unknown subcommand ${JSON.stringify(what)}\n\n${INGEST_USAGE}`);
      return 2;
  }
}

async function ingestBars(argv: readonly string[], deps: CliDeps, io: Out): Promise<number> {
  let parsed: ReturnType<typeof parseBarsArgs>;
  try {
    parsed = parseBarsArgs(argv);
  } catch (error) {
    io.err(`ingest bars: ${(error as Error).message}\n\n${INGEST_USAGE}`);
    return 2;
  }
  const { values, file } = parsed;
  await deps.lake.registerDataset(BARS_DATASET);
  const ingest = createIngestModule({
    db: deps.db,
    lake: deps.lake,
    instruments: createInstrumentStore(deps.db),
    audit: deps.audit,
  });
  const progress = values['no-progress'] ? null : createProgressBars();
  try {
    const report = await ingest.ingestion.ingestFile({
      path: resolve(file),
      mapping: values.mapping,
      rules: parsed.rules,
      conflicts: values.conflicts as 'correct' | 'keep_stored',
      force: values.force,
      actor: deps.actor,
      onProgress: progress?.listener,
    });
    progress?.stop();
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : await formatReport(report, ingest.reports));
    return 0;
  } catch (error) {
    progress?.stop();
    if (error instanceof IngestError) {
      io.err(`ingest bars refused ${file}: ${error.code}: ${error.message}\nNothing was stored.\n`);
      return 1;
    }
    throw error;
  }
}

function parseBarsArgs(argv: readonly string[]) {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      rules: { type: 'string' },
      'jump-threshold': { type: 'string' },
      conflicts: { type: 'string', default: 'correct' },
      force: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'no-progress': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new Error('pass exactly one file');
  if (!values.mapping) throw new Error(`pass --mapping (one of ${[...BUILT_IN_MAPPINGS.keys()].join(', ')})`);
  if (values.conflicts !== 'correct' && values.conflicts !== 'keep_stored') {
    throw new Error('--conflicts is correct or keep_stored');
  }
  const threshold = values['jump-threshold'];
  if (threshold !== undefined && !(Number(threshold) > 0)) throw new Error('--jump-threshold is a positive number');
  let rules: ReturnType<typeof parseRuleList>;
  try {
    rules = resolveRuleOverrides(values.rules, threshold);
  } catch (error) {
    throw new Error(
      `--rules: ${error instanceof ZodError ? error.issues.map((i) => i.message).join('; ') : String(error)}`,
    );
  }
  return { values: { ...values, mapping: values.mapping }, file: positionals[0]!, rules };
}

function resolveRuleOverrides(list: string | undefined, threshold: string | undefined) {
  const overrides = {
    ...(list ? parseRuleList(list) : {}),
    ...(threshold ? { jump_threshold: Number(threshold) } : {}),
  };
  resolveRules(overrides);
  return overrides;
}
