import type { IrNode, WindowNode } from './ir.ts';
import { SCALAR_OPS, WINDOW_OPS, type WindowContext, type WindowOp } from './ops/index.ts';
import { quoteIdent, sqlNumber } from './sql.ts';

/** The base relation, every name already validated and quoted by the caller of `emitQuery`. */
export interface EmitSource {
  readonly relation: string;
  readonly entity: string;
  readonly time: string;
  readonly availableAt: string;
  /** The column time windows (`5d`) range over (an as-of series' event time); default `time`. */
  readonly eventTime?: string | undefined;
  /** The entity's row position column, when the relation provides it (else row_number() over it). */
  readonly rowNumber?: string | undefined;
  /** Base column name (as used by IR column nodes) -> quoted source column. */
  readonly fields: ReadonlyMap<string, string>;
}

export interface EmitInput {
  readonly source: EmitSource;
  readonly outputs: readonly { readonly name: string; readonly node: IrNode }[];
  readonly availability: IrNode;
}

/** Base column names used by IR column nodes besides the fields. */
export const BASE = { availableAt: 'a', rowNumber: 'rn' } as const;
/** The base column time windows range over. */
const EVENT_TIME = 'et';

interface Layer {
  readonly name: string;
  readonly columns: { name: string; sql: string }[];
  readonly refs: Set<string>;
  readonly windows: Map<string, string>;
  pass: string[];
}

/**
 * Emits one SELECT computing every output. Layers: `src` projects the source (fields as finite
 * doubles, the row number when a positional operator needs it); then for each window depth k,
 * `args{k}` materialises the elementwise arguments of depth-k windows, `win{k}_value`,
 * `win{k}_time` and `win{k}` evaluate the depth-k window functions (DuckDB cannot nest them), one
 * layer per partitioning (an entity by value, a time across entities, an entity by time), and
 * `fin{k}` combines window results into values where an operator needs several. Each layer carries
 * forward only the columns used later, so large intermediates (lists) do not travel into the next sort.
 */
export function emitQuery(input: EmitInput): string {
  const reachable = collect([...input.outputs.map((o) => o.node), input.availability]);
  const maxDepth = Math.max(0, ...reachable.map((n) => n.depth));
  const producedAt = new Map<string, number>();
  const layers: Layer[] = [];
  const newLayer = (name: string): Layer => {
    const layer: Layer = { name, columns: [], refs: new Set(), windows: new Map(), pass: [] };
    layers.push(layer);
    return layer;
  };
  const add = (layer: Layer, name: string, sql: string) => {
    layer.columns.push({ name, sql });
    producedAt.set(name, layers.indexOf(layer));
  };

  const src = newLayer('src');
  const usesRowNumber = reachable.some((n) => n.kind === 'column' && n.column === BASE.rowNumber);
  add(src, 'e', input.source.entity);
  add(src, 't', input.source.time);
  add(src, BASE.availableAt, input.source.availableAt);
  for (const [column, quoted] of input.source.fields) {
    if (!reachable.some((n) => n.kind === 'column' && n.column === column)) continue;
    const asDouble = `CAST(${quoted} AS DOUBLE)`;
    add(src, column, `CASE WHEN isfinite(${asDouble}) THEN ${asDouble} END`);
  }
  if (reachable.some((n) => n.kind === 'window' && n.op.endsWith('_time'))) {
    add(src, EVENT_TIME, input.source.eventTime ?? input.source.time);
  }
  if (usesRowNumber) {
    const { entity, time, rowNumber } = input.source;
    add(
      src,
      BASE.rowNumber,
      rowNumber === undefined
        ? `row_number() OVER (PARTITION BY ${entity} ORDER BY ${time})`
        : `CAST(${rowNumber} AS BIGINT)`,
    );
  }

  // A window call another operator already made in the same layer (the Std that Corr and Rsquare
  // also need) is computed once; the later node reads the earlier column.
  const aliases = new Map<string, string>();
  const colOf = (n: IrNode) => {
    const own = n.kind === 'column' ? n.column : `n${n.id}`;
    return aliases.get(own) ?? own;
  };
  const render = (n: IrNode, layer: Layer): string => {
    const name = colOf(n);
    const at = producedAt.get(name);
    if (at !== undefined && at < layers.indexOf(layer)) {
      layer.refs.add(name);
      return name;
    }
    if (n.kind === 'const') return sqlNumber(n.value);
    if (n.kind === 'scalar')
      return SCALAR_OPS[n.op]!(
        n.args.map((a) => render(a, layer)),
        n.params,
      );
    throw new Error(`internal: ${name} used before it is computed`);
  };

  const windows = reachable.filter((n): n is WindowNode => n.kind === 'window');
  for (let depth = 1; depth <= maxDepth; depth++) {
    const atDepth = windows.filter((n) => n.depth === depth);
    const args = newLayer(`args${depth}`);
    for (const w of atDepth) {
      for (const a of w.args) {
        if (a.kind === 'scalar' && !producedAt.has(colOf(a))) add(args, colOf(a), render(a, args));
      }
    }
    const finishes: { node: WindowNode; raw: string[]; ctx: WindowContext }[] = [];
    // One layer per way of partitioning rows, cheapest payload first: DuckDB stacks a window
    // operator per partitioning, and each sorts every column its input carries.
    for (const group of GROUP_ORDER) {
      const members = atDepth.filter((n) => (opOf(n).group ?? 'entity') === group);
      if (members.length === 0) continue;
      const win = newLayer(`win${depth}${group === 'entity' ? '' : `_${group}`}`);
      const bySql = new Map<string, string>();
      const addRaw = (name: string, sql: string): string => {
        const existing = bySql.get(sql);
        if (existing) return existing;
        bySql.set(sql, name);
        add(win, name, sql);
        return name;
      };
      for (const w of members) {
        const op = opOf(w);
        const ctx = contextFor(w, win, (a) => render(a, win));
        const raws = op.raws(ctx);
        if (!op.finish && raws.length === 1) {
          const name = addRaw(colOf(w), raws[0]!);
          if (name !== colOf(w)) aliases.set(colOf(w), name);
          continue;
        }
        const rawNames = raws.map((sql, i) => addRaw(`${colOf(w)}_${i}`, sql));
        finishes.push({ node: w, raw: rawNames, ctx });
      }
    }
    const fin = newLayer(`fin${depth}`);
    for (const f of finishes) {
      const ctx = contextFor(f.node, fin, (a) => render(a, fin));
      for (const r of f.raw) fin.refs.add(r);
      add(fin, colOf(f.node), WINDOW_OPS[f.node.op]!.finish!(f.raw, ctx));
    }
  }

  const final = newLayer('final');
  const selected = [
    `e AS entity`,
    `t AS time`,
    `${render(input.availability, final)} AS available_at`,
    ...input.outputs.map((o) => `${render(o.node, final)} AS ${quoteIdent(o.name)}`),
  ];
  return toSql(layers, producedAt, selected, input.source.relation);
}

const GROUP_ORDER = ['value', 'time', 'entity'] as const;

function opOf(node: WindowNode): WindowOp {
  const op = WINDOW_OPS[node.op];
  if (!op) throw new Error(`internal: no SQL for window operator ${node.op}`);
  return op;
}

function contextFor(node: WindowNode, layer: Layer, render: (a: IrNode) => string): WindowContext {
  const name = (key: string, spec: string): string => {
    layer.windows.set(key, spec);
    return key;
  };
  const sorted = (spec: string): string => {
    const existing = [...layer.windows].find(([, s]) => s === spec);
    return existing ? existing[0] : name(`v${layer.windows.size}`, spec);
  };
  const byEntity = 'PARTITION BY e ORDER BY t';
  return {
    args: node.args.map(render),
    params: node.params,
    frame: (rows) => name(`r${rows}`, `${byEntity} ROWS BETWEEN ${rows - 1} PRECEDING AND CURRENT ROW`),
    timeFrame: (seconds) => {
      layer.refs.add(EVENT_TIME);
      // (t - d, t]: RANGE frames are closed, so the start is 1 µs (TIMESTAMPTZ's resolution) after t - d.
      return name(
        `d${seconds}`,
        `PARTITION BY e ORDER BY ${EVENT_TIME} RANGE BETWEEN INTERVAL '${seconds * 1_000_000 - 1} microseconds' PRECEDING AND CURRENT ROW`,
      );
    },
    span: (pre, post) =>
      Number.isFinite(pre)
        ? name(`s${pre}_${post}`, `${byEntity} ROWS BETWEEN ${pre} PRECEDING AND ${post} FOLLOWING`)
        : name(`su_${post}`, `${byEntity} ROWS BETWEEN UNBOUNDED PRECEDING AND ${post} FOLLOWING`),
    sortedBy: (by, nullsLast) => sorted(`PARTITION BY e ORDER BY ${by} ASC NULLS ${nullsLast ? 'LAST' : 'FIRST'}`),
    get ordered() {
      return name('ord', byEntity);
    },
    get byTime() {
      return name('bytime', 'PARTITION BY t');
    },
  };
}

function collect(roots: readonly IrNode[]): IrNode[] {
  const seen = new Map<number, IrNode>();
  const visit = (n: IrNode) => {
    if (seen.has(n.id)) return;
    seen.set(n.id, n);
    if (n.kind === 'scalar' || n.kind === 'window') n.args.forEach(visit);
  };
  roots.forEach(visit);
  return [...seen.values()].sort((a, b) => a.id - b.id);
}

function toSql(all: Layer[], producedAt: Map<string, number>, selected: string[], relation: string): string {
  const final = all[all.length - 1]!;
  const layers = all.slice(0, -1).filter((l, i) => i === 0 || l.columns.length > 0);
  // Columns each layer must pass through: those read by a later layer and produced by an earlier one.
  let needed = new Set(final.refs);
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    const index = all.indexOf(layer);
    layer.pass = [...needed].filter((c) => producedAt.get(c)! < index).sort(byNumber);
    const mine = new Set(layer.columns.map((c) => c.name));
    needed = new Set([...[...needed].filter((c) => !mine.has(c)), ...layer.refs]);
  }
  const ctes = layers.map((layer, i) => {
    const cols = i === 0 ? [] : ['e', 't', ...layer.pass];
    const exprs = [...cols, ...layer.columns.map((c) => (c.sql === c.name ? c.name : `${c.sql} AS ${c.name}`))];
    const from = i === 0 ? relation : layers[i - 1]!.name;
    const win = [...layer.windows].map(([k, spec]) => `${k} AS (${spec})`);
    const windowClause = win.length > 0 ? `\n    WINDOW ${win.join(',\n      ')}` : '';
    return `  ${layer.name} AS (\n    SELECT ${exprs.join(',\n      ')}\n    FROM ${from}${windowClause}\n  )`;
  });
  const last = layers[layers.length - 1]!.name;
  return `WITH\n${ctes.join(',\n')}\nSELECT ${selected.join(',\n  ')}\nFROM ${last}`;
}

function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
