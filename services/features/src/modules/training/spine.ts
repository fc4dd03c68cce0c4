import { randomUUID } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CalendarCode, getCalendar, sessionDays, zonedToUtc } from '@alphagraph/calendar';
import { type Lake, LakeError, type LakeSession, quoteIdent, quoteLiteral, type StagedValue } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { z } from 'zod';
import { TrainingSetError } from './errors.ts';
import { type SpineSpec, UPLOAD_NAME } from './spec.ts';

/** How a build gets its spine: generated from recorded instants x entities, or a stored snapshot. */
export type SpinePlan =
  | { readonly kind: 'schedule'; readonly instants: readonly string[]; readonly entities: readonly string[] }
  | { readonly kind: 'stored'; readonly lakeDataset: string; readonly snapshotId: number };

export const spinePlanSchema: z.ZodType<SpinePlan> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('schedule'), instants: z.array(z.string()), entities: z.array(z.string()) }),
  z.object({ kind: z.literal('stored'), lakeDataset: z.string(), snapshotId: z.number().int() }),
]);

const SPINE_COLUMNS = [
  { name: 'row_no', type: 'BIGINT' },
  { name: 'entity', type: 'VARCHAR' },
  { name: 't', type: 'TIMESTAMPTZ' },
] as const;

/** Every session of `calendar` in [from, to] at each wall-clock time, as UTC instants, ascending. */
export function scheduleInstants(options: {
  calendar: CalendarCode;
  times: readonly string[];
  from: string;
  to: string;
}): string[] {
  const { timeZone } = getCalendar(options.calendar);
  const out = new Set<number>();
  for (const date of sessionDays(options.calendar, options.from, options.to)) {
    for (const time of options.times) out.add(zonedToUtc(date, time, timeZone).getTime());
  }
  return [...out].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
}

/** The lake directory that uploaded spines are read from; nothing outside it is ever read. */
export function uploadsDir(lake: Lake): string {
  return join(lake.root, '_uploads');
}

/** Default of the spine size cap (FEATURES_SPINE_MAX_BYTES): 256 MiB. */
export const DEFAULT_SPINE_MAX_BYTES = 256 * 1024 * 1024;

function tooLarge(what: string, bytes: number, maxBytes: number): TrainingSetError {
  return new TrainingSetError(
    'INVALID_SPEC',
    `${what} is ${bytes.toLocaleString('en-US')} bytes, more than the limit of ${maxBytes.toLocaleString('en-US')} (FEATURES_SPINE_MAX_BYTES)`,
  );
}

/**
 * The real path of an uploaded spine, read by nothing else: the name is a bare file name
 * (UPLOAD_NAME), and after resolving every symlink (`realpath`) the file must still be a regular
 * file directly in the uploads directory, at most `maxBytes` long. A symlink placed in `_uploads/`
 * that points outside it is refused like a missing file; DuckDB is given the resolved path, so
 * swapping the link afterwards changes nothing.
 */
export function resolveUpload(lake: Lake, name: string, maxBytes: number): string {
  const missing = () =>
    new TrainingSetError(
      'INVALID_SPEC',
      `no uploaded spine named ${name} (files are read from the lake's _uploads/ directory; links out of it are not followed)`,
    );
  if (!UPLOAD_NAME.test(name))
    throw new TrainingSetError('INVALID_SPEC', 'spine.uploadedFile must be a bare file name');
  mkdirSync(uploadsDir(lake), { recursive: true });
  const dir = realpathSync(uploadsDir(lake));
  let real: string;
  try {
    real = realpathSync(join(dir, name));
  } catch {
    throw missing();
  }
  if (dirname(real) !== dir) throw missing();
  const stat = statSync(real);
  if (!stat.isFile()) throw missing();
  if (stat.size > maxBytes) throw tooLarge(`uploaded spine ${name}`, stat.size, maxBytes);
  return real;
}

/**
 * A DuckDB relation (row_no, entity, t) for a plan, staging what it needs on `session`. A schedule
 * numbers its rows by (instant, entity) arithmetically: row_no = instant index x entities + entity
 * index, so generating a million rows needs no sort.
 */
export async function spineRelation(session: LakeSession, lake: Lake, plan: SpinePlan): Promise<string> {
  if (plan.kind === 'stored') return lake.scan(await lake.snapshot(plan.lakeDataset, plan.snapshotId));
  await session.run('CREATE OR REPLACE TEMP TABLE spine_instants (i BIGINT, t TIMESTAMPTZ)');
  await session.run('CREATE OR REPLACE TEMP TABLE spine_entities (j BIGINT, entity VARCHAR)');
  await session.append(
    'spine_instants',
    plan.instants.map((t, i): StagedValue[] => [BigInt(i), t]),
  );
  const entities = [...plan.entities].sort();
  await session.append(
    'spine_entities',
    entities.map((e, j): StagedValue[] => [BigInt(j), e]),
  );
  return `(SELECT i * ${entities.length} + j AS row_no, entity, t FROM spine_instants CROSS JOIN spine_entities)`;
}

/**
 * Writes a given spine (inline rows or a Parquet file) to its own lake dataset, so a rebuild reads
 * exactly the same rows. Row order is the order given (array index, or row number in the file).
 * Rows outside `period` ([from, to + 1 day)) or with a missing entity or time are refused.
 */
export async function storeSpine(options: {
  lake: Lake;
  spine: Exclude<SpineSpec, { kind: 'schedule' }>;
  lakeDataset: string;
  period: { from: string; to: string } | null;
  /** The largest Parquet spine accepted, in bytes (default DEFAULT_SPINE_MAX_BYTES). */
  maxBytes?: number;
  /**
   * The canonical spelling of each distinct entity, refusing unknown ones (see ./entities.ts);
   * `argument` names the spine input they came from.
   */
  canonical: (entities: readonly string[], argument: string) => Promise<ReadonlyMap<string, string>>;
}): Promise<{ snapshotId: number; rows: number }> {
  const { lake, spine } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_SPINE_MAX_BYTES;
  let temporary: string | null = null;
  let file: string | null = null;
  if (spine.kind === 'parquet') {
    // Judged on the text before decoding it: 4 base64 characters carry 3 bytes.
    const decoded = Math.floor((spine.base64.length * 3) / 4);
    if (decoded > maxBytes) throw tooLarge('spine.parquetBase64', decoded, maxBytes);
    const bytes = Buffer.from(spine.base64, 'base64');
    if (bytes.length < 8 || bytes.subarray(0, 4).toString() !== 'PAR1') {
      throw new TrainingSetError(
        'INVALID_SPEC',
        'spine.parquetBase64 is not a Parquet file (base64 of the file bytes)',
      );
    }
    mkdirSync(uploadsDir(lake), { recursive: true });
    temporary = join(uploadsDir(lake), `request-${randomUUID()}.parquet`);
    writeFileSync(temporary, bytes);
    file = temporary;
  } else if (spine.kind === 'upload') {
    file = resolveUpload(lake, spine.file, maxBytes);
  }
  try {
    await lake.registerDataset({
      name: options.lakeDataset,
      owner: 'features',
      description: 'the spine of a training set, as given',
      columns: [...SPINE_COLUMNS],
    });
    let rows = 0;
    const snapshot = await commitUnwrapped(lake, options.lakeDataset, async (w) => {
      const s = w.session;
      await s.run('CREATE TEMP TABLE spine_in (row_no BIGINT, entity VARCHAR, t TIMESTAMPTZ)');
      if (spine.kind === 'rows') {
        await s.append(
          'spine_in',
          spine.rows.map((r, i): StagedValue[] => [BigInt(i), r.entity, r.t]),
        );
      } else {
        await s.run(`INSERT INTO spine_in ${await parquetSpineSql(s, file!)}`);
      }
      await checkSpine(s, options.period);
      await canonicalizeSpine(s, (entities) => options.canonical(entities, SPINE_ARGUMENT[spine.kind]));
      rows = await w.writeQuery('SELECT row_no, entity, t FROM spine_in ORDER BY row_no');
    });
    return { snapshotId: snapshot.id, rows };
  } finally {
    if (temporary) rmSync(temporary, { force: true });
  }
}

/** lake.commit, rethrowing a DomainError raised while writing as itself (the lake wraps every failure). */
export async function commitUnwrapped(
  lake: Lake,
  dataset: string,
  write: Parameters<Lake['commit']>[2],
  summary: Record<string, unknown> = {},
) {
  try {
    return await lake.commit(dataset, { mode: 'overwrite', summary }, write);
  } catch (error) {
    if (error instanceof LakeError && error.cause instanceof DomainError) throw error.cause;
    throw error;
  }
}

/** The GraphQL argument each kind of given spine comes from, for refusals. */
const SPINE_ARGUMENT = { rows: 'spine.rows', parquet: 'spine.parquetBase64', upload: 'spine.uploadedFile' } as const;

/** Rewrites the staged spine's entities to their canonical symbols (`aapl` -> `AAPL`). */
async function canonicalizeSpine(
  s: LakeSession,
  canonical: (entities: readonly string[]) => Promise<ReadonlyMap<string, string>>,
): Promise<void> {
  const distinct = (await s.all('SELECT DISTINCT entity FROM spine_in ORDER BY entity')).map(
    (r) => z.object({ entity: z.string() }).parse(r).entity,
  );
  const renamed = [...(await canonical(distinct))].filter(([given, symbol]) => given !== symbol);
  if (renamed.length === 0) return;
  await s.run('CREATE TEMP TABLE spine_renamed (given VARCHAR, symbol VARCHAR)');
  await s.append(
    'spine_renamed',
    renamed.map(([given, symbol]): StagedValue[] => [given, symbol]),
  );
  await s.run('UPDATE spine_in SET entity = r.symbol FROM spine_renamed r WHERE spine_in.entity = r.given');
}

const describeRow = z.object({ column_name: z.string(), column_type: z.string() });

async function parquetSpineSql(s: LakeSession, path: string): Promise<string> {
  const source = `read_parquet(${quoteLiteral(path)}, file_row_number = true)`;
  let described: z.infer<typeof describeRow>[];
  try {
    described = (await s.all(`DESCRIBE SELECT * FROM ${source}`)).map((r) => describeRow.parse(r));
  } catch (cause) {
    throw new TrainingSetError('INVALID_SPEC', 'the spine file could not be read as Parquet', { cause });
  }
  const types = new Map(described.map((r) => [r.column_name, r.column_type]));
  const tType = types.get('t');
  if (!types.has('entity') || !tType) {
    throw new TrainingSetError(
      'INVALID_SPEC',
      `a spine file needs columns entity and t; it has ${[...types.keys()].filter((c) => c !== 'file_row_number').join(', ')}`,
    );
  }
  // A zone-less TIMESTAMP is read as UTC, whatever the server's time zone.
  const t =
    tType === 'TIMESTAMP WITH TIME ZONE'
      ? quoteIdent('t')
      : tType.startsWith('TIMESTAMP')
        ? `timezone('UTC', ${quoteIdent('t')})`
        : null;
  if (!t) throw new TrainingSetError('INVALID_SPEC', `spine column t must be a timestamp, not ${tType}`);
  return `SELECT file_row_number, CAST(entity AS VARCHAR), ${t} FROM ${source}`;
}

const checkRow = z.object({
  rows: z.coerce.number(),
  missing: z.coerce.number(),
  outside: z.coerce.number(),
  long: z.coerce.number(),
});

async function checkSpine(s: LakeSession, period: { from: string; to: string } | null): Promise<void> {
  const outside = period
    ? `count(*) FILTER (WHERE t < ${quoteLiteral(`${period.from}T00:00:00Z`)}::TIMESTAMPTZ OR t >= ${quoteLiteral(`${period.to}T00:00:00Z`)}::TIMESTAMPTZ + INTERVAL 1 DAY)`
    : '0';
  const [r] =
    await s.all(`SELECT count(*) AS rows, count(*) FILTER (WHERE entity IS NULL OR entity = '' OR t IS NULL) AS missing,
      ${outside} AS outside, count(*) FILTER (WHERE length(entity) > 64) AS long FROM spine_in`);
  const c = checkRow.parse(r);
  const problems = [
    c.rows === 0 ? 'the spine has no rows' : null,
    c.missing > 0 ? `${c.missing} spine rows lack an entity or a time` : null,
    c.outside > 0 ? `${c.outside} spine rows fall outside the period ${period?.from}..${period?.to}` : null,
    c.long > 0 ? `${c.long} spine entities are longer than 64 characters` : null,
  ].filter((p) => p !== null);
  if (problems.length > 0) throw new TrainingSetError('INVALID_SPEC', problems.join('; '));
}
