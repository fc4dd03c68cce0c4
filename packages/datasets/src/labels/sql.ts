import { compileFeatureSet, type FieldCatalog } from '@alphagraph/dsl';
import { type LakeParam, latestAsOf, quoteIdent } from '@alphagraph/lake';
import { BAR_FIELDS, BARS_DATASET } from '../market-data.ts';
import { type LabelSpec, labelColumns } from './spec.ts';

/** The bar fields a label expression may read. */
const LABEL_FIELDS: FieldCatalog = Object.fromEntries(BAR_FIELDS.map((f) => [f, { dataset: BARS_DATASET.name }]));
const BAR_COLUMNS = Object.fromEntries(BAR_FIELDS.map((f) => [f, f]));
const RETURN = '($close / Ref($close, 1) - 1)';

/** A finite number as a DuckDB DOUBLE literal (never user text). */
function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return `CAST(${JSON.stringify(value)} AS DOUBLE)`;
}

/**
 * The bars labels read, one row per (entity, bar time): the latest version available at `asOf`
 * (corrections included) and `known_at`, when the bar's first version became available. Only the
 * entities of `entities` (a relation with an `entity` column) and bars of `interval`.
 */
export function labelBarsSql(options: { bars: string; entities: string; interval: string; asOf: Date | string }): {
  sql: string;
  params: LakeParam[];
} {
  return {
    sql: `SELECT symbol AS entity, time, open, high, low, close, volume, known_at
      FROM ${latestAsOf(options.bars, {
        dataset: BARS_DATASET,
        asOf: '$2::TIMESTAMPTZ',
        where: ['interval = $1', `symbol IN (SELECT entity FROM ${options.entities})`],
        columns: ['symbol', 'time', ...BAR_FIELDS],
        firstAvailableAs: 'known_at',
      })}`,
    params: [options.interval, options.asOf],
  };
}

type TripleBarrier = Extract<LabelSpec, { kind: 'triple_barrier' }>;
type ExpressionLabel = Exclude<LabelSpec, TripleBarrier>;

/** The feature-language text of a label that is an expression (a forward return is one). */
function expressionOf(label: ExpressionLabel): string {
  return label.kind === 'forward_return' ? `Ref($close, -${label.horizon}) / $close - 1` : label.expression;
}

/** Bars as `labelBarsSql` returns them, as a source of the feature language (availability: `known_at`). */
function sourceOf(bars: string) {
  return {
    relation: bars,
    entityColumn: 'entity',
    timeColumn: 'time',
    availableAtColumn: 'known_at',
    columns: BAR_COLUMNS,
  };
}

/**
 * When a forward-return or expression label became knowable, per bar of `bars` as its anchor:
 * entity, time, `label_known_at`. The label is compiled on its own in `label` mode, whose
 * `available_at` is the latest `known_at` among the bars its value can read (the anchor through
 * anchor + lookahead, the furthest `Ref(x, -k)`): for a forward return over n bars, bar anchor+n's
 * first-known time when bars are published in order. Null while fewer than lookahead bars follow
 * the anchor: the value may still change then, so it is not known yet.
 */
export function labelKnownAtSql(label: ExpressionLabel, bars: string): string {
  const compiled = compileFeatureSet(
    { x: expressionOf(label) },
    { source: sourceOf(bars), fields: LABEL_FIELDS, mode: 'label' },
  );
  const ahead = compiled.lookahead;
  const complete =
    ahead === 0
      ? 'true'
      : `count(*) OVER (PARTITION BY entity ORDER BY time ROWS BETWEEN 1 FOLLOWING AND ${ahead} FOLLOWING) = ${ahead}`;
  return `SELECT entity, time, CASE WHEN ${complete} THEN available_at END AS label_known_at FROM (${compiled.sql})`;
}

/**
 * One row per bar of `bars` (a table name; a table as `labelBarsSql` returns) with every label's value at that
 * bar as anchor, shaped as a feature source for the point-in-time join: entity, event_time (the bar
 * time), available_at (`known_at`: the anchor exists from then on), tiebreak, then the label
 * columns. See ./spec.ts for each label's definition.
 */
export function labelValuesSql(labels: readonly LabelSpec[], bars: string): string {
  const expressions: Record<string, string> = {};
  for (const l of labels) {
    if (l.kind !== 'triple_barrier') expressions[`x_${l.name}`] = expressionOf(l);
  }
  const barriers = labels.filter((l): l is TripleBarrier => l.kind === 'triple_barrier');
  const spans = [...new Set(barriers.map((l) => l.volatilitySpan))];
  const volatility: Record<string, string> = {};
  for (const s of spans) {
    // EWM variance with bias (pandas bias=True): E[r^2] - E[r]^2 with the same weights.
    volatility[`x_var_${s}`] = `EMA(Power(${RETURN}, 2), ${s}) - Power(EMA(${RETURN}, ${s}), 2)`;
    volatility[`x_cnt_${s}`] = `Count(${RETURN}, ${s})`;
  }
  const source = sourceOf(bars);
  const joins: string[] = [];
  const carried: string[] = [];
  // Forward-looking label expressions in `label` mode; the volatility in `feature` mode (it must only look back).
  for (const [i, [set, mode]] of (
    [
      [expressions, 'label'],
      [volatility, 'feature'],
    ] as const
  ).entries()) {
    if (Object.keys(set).length === 0) continue;
    const compiled = compileFeatureSet(set, { source, fields: LABEL_FIELDS, mode });
    joins.push(`LEFT JOIN (${compiled.sql}) d${i} ON d${i}.entity = lb.entity AND d${i}.time = lb.time`);
    carried.push(...compiled.columns.map((c) => `d${i}.${quoteIdent(c)}`));
  }
  const horizons = [...new Set(barriers.map((l) => l.horizon))];
  for (const n of horizons) {
    const frame = `(w ROWS BETWEEN 1 FOLLOWING AND ${n} FOLLOWING)`;
    carried.push(
      `list(lb.close) OVER ${frame} AS path_close_${n}`,
      `list(lb.known_at) OVER ${frame} AS path_known_${n}`,
    );
  }
  const base = `SELECT lb.entity, lb.time, lb.close, lb.known_at${carried.map((c) => `, ${c}`).join('')}
    FROM ${quoteIdent(bars)} lb ${joins.join(' ')}
    WINDOW w AS (PARTITION BY lb.entity ORDER BY lb.time)`;

  // sigma, then the first touch of each barrier (1-based position in the path), then the label.
  const sigmas = barriers.map(
    (l, k) => `CASE WHEN x_cnt_${l.volatilitySpan} >= ${l.volatilityMinPeriods} AND x_var_${l.volatilitySpan} > 0
      THEN sqrt(x_var_${l.volatilitySpan}) END AS sigma_${k}`,
  );
  const touches = barriers.flatMap((l, k) => {
    const path = `path_close_${l.horizon}`;
    const first = (multiple: number | null, cmp: '>=' | '<=', sign: 1 | -1) =>
      multiple === null
        ? 'CAST(NULL AS BIGINT)'
        : `list_position(list_transform(${path}, lambda c: c ${cmp} close * (1 + ${num(sign * multiple)} * sigma_${k})), true)`;
    return [`${first(l.profitTake, '>=', 1)} AS up_${k}`, `${first(l.stopLoss, '<=', -1)} AS dn_${k}`];
  });
  const outputs = labels.flatMap((l) => {
    const [value, touch] = labelColumns(l).map((c) => quoteIdent(c.name));
    if (l.kind !== 'triple_barrier') return [`x_${l.name} AS ${value}`];
    const k = barriers.indexOf(l);
    const [up, dn, n] = [`up_${k}`, `dn_${k}`, l.horizon];
    const valid = `close IS NOT NULL AND sigma_${k} IS NOT NULL`;
    const hit = `least(${up}, ${dn})`;
    const complete = `len(path_close_${n}) = ${n}`;
    return [
      `CASE WHEN NOT (${valid}) THEN NULL WHEN ${hit} IS NOT NULL THEN CASE WHEN ${hit} = ${up} THEN ${num(1)} ELSE ${num(-1)} END
        WHEN ${complete} THEN ${num(0)} END AS ${value}`,
      `CASE WHEN NOT (${valid}) THEN NULL WHEN ${hit} IS NOT NULL THEN path_known_${n}[${hit}]
        WHEN ${complete} THEN path_known_${n}[${n}] END AS ${touch}`,
    ];
  });
  return `SELECT entity, time AS event_time, known_at AS available_at, '' AS tiebreak, ${outputs.join(', ')}
    FROM (SELECT *${touches.map((t) => `, ${t}`).join('')}
      FROM (SELECT *${sigmas.map((s) => `, ${s}`).join('')} FROM (${base})))`;
}
