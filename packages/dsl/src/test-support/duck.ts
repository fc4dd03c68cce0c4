import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { MARKET_FIELDS } from '../check.ts';
import { type CompiledQuery, type CompileOptions, compileFeatureSet } from '../compile.ts';

/** Test-only DuckDB access: an in-memory instance running compiled queries over small tables. */
export interface TestDuck {
  readonly connection: DuckDBConnection;
  all(sql: string): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openTestDuck(): Promise<TestDuck> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1', autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  return {
    connection,
    async all(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Values of each field per row, for one entity; `null` is a missing value. */
export type Series = Readonly<Record<string, readonly (number | null)[]>>;

const DAY_MS = 86_400_000;
const START = Date.UTC(2024, 0, 1);

export const dayOf = (i: number): Date => new Date(START + i * DAY_MS);

let tables = 0;

function literal(v: number | null | undefined): string {
  if (v === null || v === undefined) return 'NULL';
  if (!Number.isFinite(v)) throw new Error(`test data must be finite, got ${v}`);
  return `CAST(${JSON.stringify(v)} AS DOUBLE)`;
}

/**
 * Loads entities' series into a fresh table: row i of every entity is day i (2024-01-01 + i),
 * available at 22:00 that day unless `availableAt` gives hours after midnight per row.
 */
export async function loadSeries(
  duck: TestDuck,
  data: Readonly<Record<string, Series>>,
  availableAt?: Readonly<Record<string, readonly number[]>>,
): Promise<string> {
  const table = `t${++tables}`;
  const fields = [...new Set(Object.values(data).flatMap((s) => Object.keys(s)))];
  const rows: string[] = [];
  for (const [entity, series] of Object.entries(data)) {
    const length = Math.max(...Object.values(series).map((v) => v.length));
    for (let i = 0; i < length; i++) {
      const hours = availableAt?.[entity]?.[i] ?? 22;
      const at = new Date(dayOf(i).getTime() + hours * 3_600_000).toISOString();
      const values = fields.map((f) => literal(series[f]?.[i]));
      rows.push(`('${entity}', TIMESTAMP '${dayOf(i).toISOString()}', TIMESTAMP '${at}', ${values.join(', ')})`);
    }
  }
  const columns = fields.map((f) => `"${f}" DOUBLE`).join(', ');
  await duck.all(`CREATE TABLE ${table} (entity VARCHAR, ts TIMESTAMP, avail TIMESTAMP, ${columns})`);
  await duck.all(`INSERT INTO ${table} VALUES ${rows.join(',\n')}`);
  return table;
}

/** A catalog and source for tables made by `loadSeries`: market fields plus `alt.*` fields. */
export function testOptions(
  table: string,
  fields: readonly string[],
  mode: 'feature' | 'label' = 'feature',
): CompileOptions {
  const catalog = Object.fromEntries(
    fields.map((f) => [f, { dataset: MARKET_FIELDS.includes(f) ? 'market' : f.split('.')[0]! }]),
  );
  return {
    fields: catalog,
    mode,
    source: {
      relation: table,
      entityColumn: 'entity',
      timeColumn: 'ts',
      availableAtColumn: 'avail',
      columns: Object.fromEntries(fields.map((f) => [f, f])),
    },
  };
}

export interface Evaluated {
  readonly compiled: CompiledQuery;
  /** Values per output column, per entity, in time order. */
  readonly values: Record<string, Record<string, (number | null)[]>>;
  readonly availableAt: Record<string, Date[]>;
}

/** Compiles expressions over `data`, runs them in DuckDB and returns each column per entity. */
export async function evaluate(
  duck: TestDuck,
  expressions: Readonly<Record<string, string>>,
  data: Readonly<Record<string, Series>>,
  options: { mode?: 'feature' | 'label'; availableAt?: Readonly<Record<string, readonly number[]>> } = {},
): Promise<Evaluated> {
  const table = await loadSeries(duck, data, options.availableAt);
  const fields = [...new Set(Object.values(data).flatMap((s) => Object.keys(s)))];
  const compiled = compileFeatureSet(expressions, testOptions(table, fields, options.mode));
  const rows = await duck.all(`SELECT * FROM (${compiled.sql}) ORDER BY entity, time`);
  const values: Record<string, Record<string, (number | null)[]>> = {};
  const availableAt: Record<string, Date[]> = {};
  for (const row of rows) {
    const entity = String(row.entity);
    (availableAt[entity] ??= []).push(row.available_at as Date);
    for (const column of compiled.columns) {
      ((values[column] ??= {})[entity] ??= []).push(row[column] as number | null);
    }
  }
  return { compiled, values, availableAt };
}

/** One expression over one entity's series: its values in time order. */
export async function valuesOf(duck: TestDuck, expression: string, series: Series, mode?: 'feature' | 'label') {
  const { values } = await evaluate(duck, { v: expression }, { A: series }, mode ? { mode } : {});
  return values.v!.A!;
}
