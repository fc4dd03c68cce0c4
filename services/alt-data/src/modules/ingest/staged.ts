import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { type LakeSession, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { z } from 'zod';
import type { DatasetField } from '../datasets/spec.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import { fieldColumns, INT32, VALUE_KIND } from './rules-sql.ts';

/**
 * Staging a batch into a DuckDB table the SQL rules read (rules-sql.ts): one row per observation
 * with its position, line, entity, event time and seq as parsed, its available_at if given, and
 * each field as (kind, text, number; a Parquet DOUBLE or integer without its text) — what a JSON
 * row would have carried, so that the rules treat a CSV cell, a Parquet value and a GraphQL value
 * alike. Inline rows are appended column by column; files are read, parsed and typed by DuckDB.
 */

/** A file the CLI cannot push as it is (no such file, missing or foreign columns, no rows). */
export class ObservationFileError extends Error {
  override readonly name = 'ObservationFileError';
}

/** One pushed observation as a source gives it (GraphQL rows, or rows the CLI read from a file). */
export interface RawObservation {
  /** Row number in the batch, or the line of a CSV file (header = 1). */
  readonly line: number;
  readonly entity: unknown;
  readonly eventTime: unknown;
  readonly seq?: unknown;
  readonly availableAt?: unknown;
  readonly values: unknown;
}

export type ShapeResult =
  | { readonly ok: true; readonly rows: number }
  | { readonly ok: false; readonly message: string };

const instant = z.union([z.date(), z.string().datetime({ offset: true })]).transform((v) => new Date(v).getTime());
/** zod for a row's shape: a wrong shape refuses the whole batch (the source does not fit the dataset). */
const shapeSchema = z.object({
  line: z.number().int().positive(),
  entity: z.string(),
  eventTime: instant,
  seq: z.number().int().min(0).max(INT32).nullish(),
  availableAt: instant.nullish(),
  values: z.record(z.string(), z.unknown()),
});

const shapeMessage = (source: string, line: unknown, error: z.ZodError) => {
  const issue = error.issues[0]!;
  return `${source} line ${line}: ${issue.path.join('.') || 'row'}: ${issue.message}; nothing of the batch was stored`;
};

export function stagedTableSql(table: string, fields: readonly DatasetField[]): string {
  const cols = fields.map((_, i) => {
    const c = fieldColumns(i);
    return `, ${c.kind} INTEGER, ${c.text} VARCHAR, ${c.num} DOUBLE`;
  });
  return `CREATE TABLE ${table} (pos INTEGER, line INTEGER, entity VARCHAR, event_ms DOUBLE, seq INTEGER, available_ms DOUBLE${cols.join('')})`;
}

/** Inline rows (a GraphQL batch): zod shape per row, then a columnar append. */
export async function stageRows(
  s: LakeSession,
  table: string,
  options: { dataset: DatasetRecord; source: string; rows: readonly RawObservation[] },
): Promise<ShapeResult> {
  const { dataset, source, rows } = options;
  const fields = dataset.fields as readonly DatasetField[];
  const known = new Set(fields.map((f) => f.name));
  const n = rows.length;
  const pos = new Int32Array(n);
  const line = new Int32Array(n);
  const entity: string[] = new Array(n);
  const eventMs = new Float64Array(n);
  const seq = new Int32Array(n);
  const availableMs = new Float64Array(n);
  const kinds = fields.map(() => new Int32Array(n));
  const texts = fields.map(() => new Array<string | null>(n));
  const nums = fields.map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const raw = rows[i]!;
    const shape = shapeSchema.safeParse(raw);
    if (!shape.success) return { ok: false, message: shapeMessage(source, raw.line, shape.error) };
    const r = shape.data;
    const extra = Object.keys(r.values).filter((k) => !known.has(k));
    if (extra.length > 0) {
      return {
        ok: false,
        message:
          `${source} line ${r.line}: ${dataset.name} (version ${dataset.version}) has no field ${extra.join(', ')}; ` +
          `its fields are ${[...known].join(', ')}; nothing of the batch was stored`,
      };
    }
    pos[i] = i;
    line[i] = r.line;
    entity[i] = r.entity;
    eventMs[i] = r.eventTime;
    seq[i] = r.seq ?? 0;
    availableMs[i] = r.availableAt ?? Number.NaN;
    fields.forEach((f, j) => {
      const v = r.values[f.name] ?? null;
      const [kind, text, num] =
        v === null
          ? [VALUE_KIND.missing, null, Number.NaN]
          : typeof v === 'number'
            ? [VALUE_KIND.number, String(v), v]
            : typeof v === 'string'
              ? [VALUE_KIND.text, v, Number.NaN]
              : typeof v === 'boolean'
                ? [VALUE_KIND.boolean, String(v), Number.NaN]
                : [VALUE_KIND.other, JSON.stringify(v) ?? 'null', Number.NaN];
      kinds[j]![i] = kind;
      texts[j]![i] = text;
      nums[j]![i] = num;
    });
  }
  await s.run(stagedTableSql(table, fields));
  await s.appendColumns(table, [
    pos,
    line,
    entity,
    eventMs,
    seq,
    availableMs,
    ...fields.flatMap((_, j) => [kinds[j]!, texts[j]!, nums[j]!]),
  ]);
  return { ok: true, rows: n };
}

/** sha256 of a file's bytes (a file batch's content, beside the dataset version and availability mode). */
export async function fileSha256(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

const NUMBER_RE = '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?';
/**
 * An ISO-8601 instant with an offset, times checked as zod 4's `datetime({ offset: true })` checks
 * them; the calendar date is left to DuckDB's cast, which refuses what zod's date pattern refuses
 * (2015-02-29, 2016-04-31). A text passing both is one zod accepts; any other goes to zod itself.
 */
const INSTANT_RE =
  '\\d{4}-\\d\\d-\\d\\dT(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
/** DuckDB prints TIMESTAMPTZ as `2016-03-01 14:31:07+00`; ISO-8601 wants a T and minutes in the offset. */
const isoText = (expr: string) =>
  `CASE WHEN contains(${expr}, ' ') THEN regexp_replace(${expr}, '^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)([+-]\\d{2})$', '\\1T\\2\\3:00') ELSE ${expr} END`;
const instantMs = (text: string) =>
  `CASE WHEN regexp_full_match(${text}, '${INSTANT_RE}') THEN CAST(epoch_ms(TRY_CAST(${text} AS TIMESTAMPTZ)) AS DOUBLE) END`;

/** Whether the session prints TIMESTAMPTZ values in UTC (`+00`), as the text check expects. */
async function sessionIsUtc(s: LakeSession): Promise<boolean> {
  const [row] = await s.all<{ tz: string }>(`SELECT current_setting('TimeZone') AS tz`);
  return ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'].includes(row?.tz ?? '');
}

/** Bounds of years 1 to 9999 (infinities fall outside; comparing costs less than `year()`). */
const YEAR_1 = "TIMESTAMPTZ '0001-01-01 00:00:00+00'";
const YEAR_9999_END = "TIMESTAMPTZ '9999-12-31 23:59:59.999999+00'";

/** Parquet number types whose value, printed as a DOUBLE, reads back as the number itself. */
const EXACT_NUMBER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|DOUBLE)$/;
const NUMERIC_TYPES =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const describeRow = z.object({ column_name: z.string(), column_type: z.string() });
const badRow = z.object({
  line: z.coerce.number(),
  entity: z.unknown(),
  ev_t: z.string().nullable(),
  seq_t: z.string().nullable(),
  av_t: z.string().nullable(),
});

/**
 * A CSV or Parquet file, read and typed by DuckDB into `table`. Lines of a CSV count from the
 * header (= 1); a Parquet row's is its row number from 1. A CSV cell is read as text and typed as
 * the mutation's JSON would be (a number where a number field holds one, true/false for a
 * boolean); Parquet keeps its own types. The shape check is zod's, in SQL; the first row it
 * refuses is refused by zod itself, so the message is the one an inline batch gets.
 */
export async function stageFile(
  s: LakeSession,
  table: string,
  options: { dataset: DatasetRecord; source: string; file: string },
): Promise<ShapeResult> {
  const { dataset, source, file } = options;
  const fields = dataset.fields as readonly DatasetField[];
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new ObservationFileError(`${file}: no such file`);
  const parquet = /\.parquet$/i.test(file);
  const reader = parquet
    ? `read_parquet(${quoteLiteral(file)})`
    : `read_csv(${quoteLiteral(file)}, header = true, all_varchar = true)`;
  const described = (await s.all(`DESCRIBE SELECT * FROM ${reader}`)).map((r) => describeRow.parse(r));
  const types = new Map(described.map((c) => [c.column_name, c.column_type]));
  const missing = ['entity', 'event_time'].filter((c) => !types.has(c));
  if (missing.length) throw new ObservationFileError(`${file} lacks the column(s) ${missing.join(', ')}`);
  const extra = [...types.keys()].filter(
    (c) => !['entity', 'event_time', 'seq', 'available_at'].includes(c) && !fields.some((f) => f.name === c),
  );
  if (extra.length) {
    throw new ObservationFileError(`${file} has column(s) ${extra.join(', ')} that are not fields of the dataset`);
  }
  const text = (c: string) => (types.get(c) === 'VARCHAR' ? quoteIdent(c) : `CAST(${quoteIdent(c)} AS VARCHAR)`);
  const fieldSql = fields.map((f, i) => {
    const c = fieldColumns(i);
    const type = types.get(f.name);
    const x = quoteIdent(f.name);
    if (type === undefined)
      return `, 0 AS ${c.kind}, CAST(NULL AS VARCHAR) AS ${c.text}, CAST(NULL AS DOUBLE) AS ${c.num}`;
    if (!parquet) {
      const numeric = f.type === 'float' || f.type === 'int';
      const kind = `CASE WHEN ${x} IS NULL OR ${x} = '' THEN 0
        ${numeric ? `WHEN regexp_full_match(trim(${x}), '${NUMBER_RE}') THEN 1` : ''}
        ${f.type === 'boolean' ? `WHEN ${x} IN ('true', 'false') THEN 3` : ''} ELSE 2 END`;
      return `, ${kind} AS ${c.kind}, ${x} AS ${c.text}, ${numeric ? `TRY_CAST(trim(${x}) AS DOUBLE)` : 'CAST(NULL AS DOUBLE)'} AS ${c.num}`;
    }
    const kind = NUMERIC_TYPES.test(type) ? 1 : type === 'VARCHAR' ? 2 : type === 'BOOLEAN' ? 3 : 4;
    // A DOUBLE or an integer reads back as itself from its DOUBLE value, which is how readFindings
    // (rules-sql.ts) words a number staged without text: no text is printed for every row.
    const asText =
      kind === 4
        ? `CAST(to_json(${x}) AS VARCHAR)`
        : EXACT_NUMBER_TYPES.test(type)
          ? 'CAST(NULL AS VARCHAR)'
          : text(f.name);
    return `, CASE WHEN ${x} IS NULL THEN 0 ELSE ${kind} END AS ${c.kind}, ${asText} AS ${c.text},
              ${kind === 1 ? `CAST(${x} AS DOUBLE)` : 'CAST(NULL AS DOUBLE)'} AS ${c.num}`;
  });
  // An instant column: its text as zod would see it, and its epoch milliseconds. A TIMESTAMPTZ printed
  // in UTC between years 1 and 9999 always passes the text check and casts back to itself, so its
  // milliseconds are read directly; other values take the text path. `iso` stays NULL on the fast
  // path (the text is printed later, for rows the shape check doubts only).
  const utc = await sessionIsUtc(s);
  const instant = (c: string, raw: string) => {
    const type = types.get(c);
    const isoOf = (x: string) => isoText(type === 'VARCHAR' ? x : `CAST(${x} AS VARCHAR)`);
    if (utc && type === 'TIMESTAMP WITH TIME ZONE') {
      return {
        iso: 'CAST(NULL AS VARCHAR)',
        present: `${raw} IS NOT NULL`,
        ms: `CASE WHEN ${raw} BETWEEN ${YEAR_1} AND ${YEAR_9999_END} THEN CAST(epoch_ms(${raw}) AS DOUBLE)
                  ELSE ${instantMs(isoOf(raw))} END`,
        doubted: isoOf(raw),
      };
    }
    const iso = `${c === 'event_time' ? 'ev' : 'av'}_iso`;
    return {
      iso: isoOf(raw),
      present: type === 'VARCHAR' ? `nullif(${raw}, '') IS NOT NULL` : `nullif(${isoOf(raw)}, '') IS NOT NULL`,
      ms: instantMs(iso),
      doubted: iso,
    };
  };
  const ev = instant('event_time', 'ev_raw');
  const av = types.has('available_at') ? instant('available_at', 'av_raw') : null;
  const seqText = types.has('seq') ? `nullif(${text('seq')}, '')` : 'CAST(NULL AS VARCHAR)';
  const fieldNames = fields.map((_, i) => `, ${Object.values(fieldColumns(i)).join(', ')}`).join('');
  // ev_t, seq_t and av_t keep the texts as zod would see them, for the shape check; only rows the
  // SQL check doubts need them, so the others keep NULL there.
  const doubted = (expr: string) =>
    `CASE WHEN entity IS NULL OR event_ms IS NULL OR seq IS NULL OR (av_present AND available_ms IS NULL) THEN ${expr} END`;
  // A CSV has no row number of its own: read in parallel into a table first, whose rowid is then
  // the row's position (row_number() OVER () over the reader ran the whole staging on one thread).
  // (A field that takes the name of the numbering column is numbered as before.)
  const raw = `${table}_raw`;
  const numbering = parquet
    ? types.has('file_row_number')
      ? { pos: 'row_number() OVER () - 1', from: reader }
      : { pos: 'file_row_number', from: `read_parquet(${quoteLiteral(file)}, file_row_number = true)` }
    : types.has('rowid')
      ? { pos: 'row_number() OVER () - 1', from: reader }
      : { pos: 'rowid', from: raw };
  try {
    if (numbering.from === raw) await s.run(`CREATE TABLE ${raw} AS SELECT * FROM ${reader}`);
    await s.run(
      `CREATE TABLE ${table} AS
     SELECT pos, line, entity, event_ms, seq, available_ms ${fieldNames},
            ${doubted(ev.doubted)} AS ev_t, ${doubted('seq_t')} AS seq_t,
            ${av ? doubted(`nullif(${av.doubted}, '')`) : 'CAST(NULL AS VARCHAR)'} AS av_t, ${doubted('seq_d')} AS seq_d
     FROM (SELECT CAST(pos AS INTEGER) AS pos, CAST(pos + ${parquet ? 1 : 2} AS INTEGER) AS line, entity, event_ms,
                  CASE WHEN seq_d IS NOT NULL AND seq_d = trunc(seq_d) AND seq_d BETWEEN 0 AND ${INT32} THEN CAST(seq_d AS INTEGER)
                       WHEN seq_t IS NULL THEN 0 END AS seq,
                  available_ms, av_present ${fieldNames}, ev_raw, ev_iso, av_raw, av_iso, seq_t, seq_d
           FROM (SELECT *, ${ev.ms} AS event_ms, CASE WHEN av_present THEN ${av ? av.ms : 'NULL'} END AS available_ms
                 FROM (SELECT *, ${ev.iso} AS ev_iso, ${av ? av.iso : 'CAST(NULL AS VARCHAR)'} AS av_iso,
                              ${av ? av.present : 'false'} AS av_present, TRY_CAST(seq_t AS DOUBLE) AS seq_d
                       FROM (SELECT ${numbering.pos} AS pos,
                                    ${types.get('entity') === 'VARCHAR' ? 'entity' : 'CAST(NULL AS VARCHAR) AS entity'},
                                    ${quoteIdent('event_time')} AS ev_raw,
                                    ${av ? quoteIdent('available_at') : 'CAST(NULL AS VARCHAR)'} AS av_raw,
                                    ${seqText} AS seq_t ${fieldSql.join('')}
                             FROM ${numbering.from}))))`,
    );
  } finally {
    if (numbering.from === raw) await s.run(`DROP TABLE IF EXISTS ${raw}`);
  }
  const [count] = await s.all<{ n: bigint | number }>(`SELECT count(*) AS n FROM ${table}`);
  const total = Number(count?.n ?? 0);
  if (total === 0) throw new ObservationFileError(`${file} has no rows`);
  if (types.get('entity') !== 'VARCHAR') {
    // Not text at all: zod names the first row's entity.
    const [first] = await s.all(`SELECT entity FROM ${reader} LIMIT 1`);
    const shape = shapeSchema.safeParse({ line: parquet ? 1 : 2, entity: first?.entity, eventTime: null, values: {} });
    return { ok: false, message: shapeMessage(source, parquet ? 1 : 2, shape.error!) };
  }
  // Rows the SQL check doubts: zod decides. A row zod accepts in a form DuckDB did not parse is
  // completed with zod's values; the first row zod refuses refuses the batch.
  const suspect = `entity IS NULL OR event_ms IS NULL OR seq IS NULL OR (av_t IS NOT NULL AND available_ms IS NULL)`;
  for (;;) {
    const doubted = (
      await s.all(`SELECT line, entity, ev_t, seq_t, av_t FROM ${table} WHERE ${suspect} ORDER BY line LIMIT 1000`)
    ).map((r) => badRow.parse(r));
    if (doubted.length === 0) break;
    const repaired: string[] = [];
    for (const r of doubted) {
      const shape = shapeSchema.safeParse({
        line: r.line,
        entity: r.entity,
        eventTime: r.ev_t,
        seq: r.seq_t === null ? null : Number(r.seq_t),
        availableAt: r.av_t,
        values: {},
      });
      if (!shape.success) return { ok: false, message: shapeMessage(source, r.line, shape.error) };
      const d = shape.data;
      repaired.push(`(${d.line}, ${d.eventTime}, ${d.seq ?? 0}, ${d.availableAt ?? 'NULL'})`);
    }
    await s.run(
      `UPDATE ${table} SET event_ms = r.e, seq = r.q, available_ms = r.a, av_t = NULL
       FROM (VALUES ${repaired.join(', ')}) r(l, e, q, a) WHERE ${table}.line = r.l`,
    );
  }
  return { ok: true, rows: total };
}
