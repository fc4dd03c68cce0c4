import { MARKET_ENTITY } from '@alphagraph/datasets';
import { type LakeSession, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { z } from 'zod';
import type { DatasetField } from '../datasets/spec.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import type { ObservationRule, RuleAction } from './rules.ts';

/**
 * The seven data rules as set-based SQL over a staged batch (see staged.ts for its layout): each
 * rule is one query yielding the rows it flags, so a batch of a million rows is checked by DuckDB,
 * not row by row in JavaScript. JavaScript only words the findings a report shows.
 */

export const INT32 = 2_147_483_647;

/** How a staged value arrived, so the rules see what a JSON row would have carried. */
export const VALUE_KIND = { missing: 0, number: 1, text: 2, boolean: 3, other: 4 } as const;

/** Staged column names of field i: its kind, its text and (when a number) its value. */
export const fieldColumns = (i: number) => ({ kind: `f${i}_k`, text: `f${i}_t`, num: `f${i}_n` });

const ENTITY_PATTERN: Record<DatasetRecord['entityKind'], string> = {
  instrument: '[A-Z0-9][A-Z0-9.\\-/^]{0,23}',
  market: MARKET_ENTITY.replace(/[^A-Za-z0-9_]/g, (c) => `\\${c}`),
  key: '[A-Za-z0-9][A-Za-z0-9._:\\-/@#]{0,127}',
};
export const ENTITY_RULE: Record<DatasetRecord['entityKind'], string> = {
  instrument: 'an instrument symbol (upper-case, at most 24 characters)',
  market: `${MARKET_ENTITY} (the dataset is one market-wide series)`,
  key: 'a key of letters, digits and ._:-/@# (at most 128 characters)',
};

const describeType = (f: DatasetField) =>
  ({ float: 'a finite number', int: 'a 32-bit integer', string: 'text', boolean: 'true or false' })[f.type];

export interface RuleContext {
  readonly dataset: DatasetRecord;
  readonly fields: readonly DatasetField[];
  readonly rules: Record<ObservationRule, RuleAction>;
  readonly receivedMs: number;
  readonly backfill: boolean;
}

/** Names of the tables one evaluation creates (dropped by the caller). */
export interface RuleTables {
  /** The staged batch (input). */
  readonly staged: string;
  /** Every row with its checked, fixed values (`pos`, `line`, entity, event_ms, seq, avail_ms, v0…). */
  readonly checked: string;
  /** One row per finding: pos, line, ord, field, rule, effect, other_line. */
  readonly findings: string;
  /** One row per flagged row: pos, rejected, quarantined. */
  readonly flagged: string;
}

/** SQL for field i's checks: does the value fit the type, is it out of range, its stored value. */
function fieldSql(f: DatasetField, i: number, rules: RuleContext['rules']) {
  const c = fieldColumns(i);
  const [k, t, n] = [c.kind, c.text, c.num];
  const fits = {
    float: `(${k} = 1 AND coalesce(isfinite(${n}), false))`,
    int: `(${k} = 1 AND coalesce(isfinite(${n}) AND ${n} = trunc(${n}) AND abs(${n}) <= ${INT32}, false))`,
    string: `(${k} = 2)`,
    boolean: `(${k} = 3)`,
  }[f.type];
  const numeric = f.type === 'float' || f.type === 'int';
  const bounds = [f.minimum != null ? `${n} < ${f.minimum}` : null, f.maximum != null ? `${n} > ${f.maximum}` : null]
    .filter(Boolean)
    .join(' OR ');
  const outOfRange = numeric && bounds ? `(${fits} AND (${bounds}))` : 'false';
  let num = n;
  if (numeric && rules.out_of_range === 'fix' && bounds) {
    if (f.minimum != null) num = `greatest(${num}, ${f.minimum})`;
    if (f.maximum != null) num = `least(${num}, ${f.maximum})`;
    num = `CASE WHEN ${outOfRange} THEN ${num} ELSE ${n} END`;
  }
  const typed = { float: num, int: `CAST(${num} AS INTEGER)`, string: t, boolean: `(${t} = 'true')` }[f.type];
  return {
    wrong: `(${k} <> 0 AND NOT ${fits})`,
    missing: f.required ? `(${k} = 0)` : 'false',
    outOfRange,
    value: `CASE WHEN ${fits} THEN ${typed} END`,
  };
}

/**
 * Runs the rules over `tables.staged` into `checked`, `findings` and `flagged`. Findings carry the
 * effect on their row (reject, quarantine, fix, warn): a duplicate fixed by keeping the later
 * occurrence rejects the earlier one.
 */
export async function evaluateRules(s: LakeSession, tables: RuleTables, ctx: RuleContext): Promise<void> {
  const { dataset, fields, rules } = ctx;
  const periodMs = dataset.eventTime.kind === 'period' ? dataset.eventTime.periodSeconds * 1000 : 0;
  const latencyMs = dataset.latencySeconds * 1000;
  const per = fields.map((f, i) => fieldSql(f, i, rules));
  const availDefault = ctx.backfill ? `event_ms + ${periodMs + latencyMs}` : `${ctx.receivedMs}`;
  const fixAvailable = rules.available_before_event === 'fix';
  await s.run(
    `CREATE TABLE ${tables.checked} AS
     SELECT *, CASE WHEN ${fixAvailable ? 'before_event' : 'false'} THEN end_ms + ${latencyMs} ELSE avail0 END AS avail_ms
     FROM (
       SELECT pos, line, entity, event_ms, seq,
              coalesce(regexp_full_match(entity, ${quoteLiteral(ENTITY_PATTERN[dataset.entityKind])}), false) AS entity_ok,
              event_ms + ${periodMs} AS end_ms,
              coalesce(available_ms, ${availDefault}) AS avail0,
              coalesce(available_ms, ${availDefault}) < event_ms + ${periodMs} AS before_event,
              event_ms > ${ctx.receivedMs} AS future
              ${per.map((p, i) => `, ${p.wrong} AS w${i}, ${p.missing} AS m${i}, ${p.outOfRange} AS r${i}, ${p.value} AS v${i}`).join('')}
       FROM ${tables.staged})`,
  );
  const effect = (rule: ObservationRule) => quoteLiteral(rules[rule]);
  const F = fields.length;
  const finding = (ord: number, field: string | null, rule: ObservationRule, where: string) =>
    `SELECT pos, line, ${ord} AS ord, ${field === null ? 'NULL' : quoteLiteral(field)} AS field, '${rule}' AS rule,
            ${effect(rule)} AS effect, CAST(NULL AS INTEGER) AS other_line FROM ${tables.checked} WHERE ${where}`;
  const parts = [
    finding(0, 'entity', 'invalid_entity', 'NOT entity_ok'),
    ...fields.flatMap((f, i) => [
      finding(1 + i, f.name, 'wrong_type', `w${i}`),
      finding(1 + i, f.name, 'missing_value', `m${i}`),
      finding(1 + i, f.name, 'out_of_range', `r${i}`),
    ]),
    finding(F + 1, 'eventTime', 'future_event', 'future'),
    finding(F + 2, 'availableAt', 'available_before_event', 'before_event'),
  ];
  // The same version of the same observation twice: fix keeps the later, else the repeat is flagged.
  // A hash aggregate finds the repeated keys; only their rows are ordered.
  const keepLast = rules.duplicate === 'fix';
  parts.push(
    `SELECT ${keepLast ? 'prev_pos, prev_line' : 'pos, line'}, ${F + 3} AS ord, NULL AS field, 'duplicate' AS rule,
            ${keepLast ? "'reject'" : effect('duplicate')} AS effect, ${keepLast ? 'line' : 'prev_line'} AS other_line
     FROM (SELECT pos, line, lag(pos) OVER w AS prev_pos, lag(line) OVER w AS prev_line
           FROM ${tables.checked} SEMI JOIN (SELECT entity, event_ms, seq, avail_ms FROM ${tables.checked}
                                             GROUP BY ALL HAVING count(*) > 1) d USING (entity, event_ms, seq, avail_ms)
           WINDOW w AS (PARTITION BY entity, event_ms, seq, avail_ms ORDER BY pos))
     WHERE prev_pos IS NOT NULL`,
  );
  await s.run(`CREATE TABLE ${tables.findings} AS ${parts.join('\nUNION ALL\n')}`);
  await s.run(
    `CREATE TABLE ${tables.flagged} AS
     SELECT pos, bool_or(effect = 'reject') AS rejected, bool_or(effect = 'quarantine') AND NOT bool_or(effect = 'reject') AS quarantined,
            bool_or(effect = 'fix') AS fixed, bool_or(effect = 'warn') AS warned
     FROM ${tables.findings} GROUP BY pos`,
  );
}

const countsRow = z.object({
  rows: z.coerce.number(),
  rejected: z.coerce.number(),
  quarantined: z.coerce.number(),
  fixed: z.coerce.number(),
  warned: z.coerce.number(),
});
const ruleCountRow = z.object({ rule: z.string(), n: z.coerce.number() });
const findingRow = z.object({
  pos: z.coerce.number(),
  line: z.coerce.number(),
  ord: z.coerce.number(),
  field: z.string().nullable(),
  rule: z.string(),
  effect: z.string(),
  other_line: z.coerce.number().nullable(),
  entity: z.string(),
  event_ms: z.coerce.number(),
  end_ms: z.coerce.number(),
  avail0: z.coerce.number(),
  kind: z.coerce.number().nullable(),
  text: z.string().nullable(),
});
export type FindingRow = z.infer<typeof findingRow>;

export interface Finding {
  readonly pos: number;
  readonly line: number;
  readonly entity: string;
  readonly eventTime: string;
  readonly field: string | null;
  readonly rule: ObservationRule;
  readonly effect: RuleAction;
  readonly outcome: 'rejected' | 'quarantined' | 'fixed' | 'warned';
  readonly message: string;
}

/** Row counts of an evaluated batch and findings by rule, in the order the rules first fired. */
export async function ruleTotals(s: LakeSession, tables: RuleTables) {
  const [c] = await s.all(
    `SELECT (SELECT count(*) FROM ${tables.checked}) AS rows, count(*) FILTER (rejected) AS rejected,
            count(*) FILTER (quarantined) AS quarantined, count(*) FILTER (fixed) AS fixed, count(*) FILTER (warned) AS warned
     FROM ${tables.flagged}`,
  );
  const totals = countsRow.parse(c);
  const byRule = (
    await s.all(
      `SELECT rule, count(*) AS n FROM ${tables.findings} GROUP BY rule
       ORDER BY min(CASE WHEN rule = 'duplicate' THEN 1 ELSE 0 END), min(CAST(pos AS BIGINT) * 100000 + ord)`,
    )
  ).map((r) => ruleCountRow.parse(r));
  return { ...totals, byRule: byRule.map((r) => ({ rule: r.rule as ObservationRule, rows: r.n })) };
}

/** Findings in report order (by line, then as the rules ran), worded; `where` narrows them. */
export async function readFindings(
  s: LakeSession,
  tables: RuleTables,
  ctx: RuleContext,
  options: { where?: string; limit?: number },
): Promise<Finding[]> {
  // A number staged without its text (a Parquet DOUBLE or integer) is worded from its value.
  const column = (i: number, col: 'kind' | 'text') => {
    const c = fieldColumns(i);
    return col === 'kind'
      ? `st.${c.kind}`
      : `coalesce(st.${c.text}, CASE WHEN st.${c.kind} = 1 THEN CAST(st.${c.num} AS VARCHAR) END)`;
  };
  const fieldCase = (col: 'kind' | 'text') =>
    ctx.fields.length === 0
      ? 'NULL'
      : `CASE f.field ${ctx.fields.map((x, i) => `WHEN ${quoteLiteral(x.name)} THEN ${column(i, col)}`).join(' ')} END`;
  const rows = await s.all(
    `SELECT f.*, c.entity, c.event_ms, c.end_ms, c.avail0, ${fieldCase('kind')} AS kind, ${fieldCase('text')} AS text
     FROM ${tables.findings} f JOIN ${tables.checked} c ON c.pos = f.pos JOIN ${tables.staged} st ON st.pos = f.pos
     ${options.where ? `WHERE ${options.where}` : ''}
     ORDER BY f.line, f.rule = 'duplicate', f.pos, f.ord
     ${options.limit != null ? `LIMIT ${options.limit}` : ''}`,
  );
  return rows.map((r) => wordFinding(findingRow.parse(r), ctx));
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A staged value as the JSON row carried it. */
function jsonOf(kind: number | null, text: string | null): string {
  if (kind === VALUE_KIND.other) return text ?? 'null';
  const v = kind === VALUE_KIND.number ? Number(text) : kind === VALUE_KIND.boolean ? text === 'true' : text;
  return JSON.stringify(v) ?? 'null';
}

function wordFinding(r: FindingRow, ctx: RuleContext): Finding {
  const rule = r.rule as ObservationRule;
  const action = ctx.rules[rule];
  const f = ctx.fields.find((x) => x.name === r.field);
  const outcome =
    rule === 'duplicate'
      ? action === 'fix'
        ? 'fixed'
        : action === 'quarantine'
          ? 'quarantined'
          : 'rejected'
      : action === 'reject'
        ? 'rejected'
        : action === 'quarantine'
          ? 'quarantined'
          : action === 'fix'
            ? 'fixed'
            : 'warned';
  const periodMs = ctx.dataset.eventTime.kind === 'period' ? ctx.dataset.eventTime.periodSeconds * 1000 : 0;
  let message: string;
  switch (rule) {
    case 'invalid_entity':
      message = `entity ${JSON.stringify(r.entity.slice(0, 40))} is not ${ENTITY_RULE[ctx.dataset.entityKind]}`;
      break;
    case 'wrong_type':
      message = `${f!.name} holds ${jsonOf(r.kind, r.text).slice(0, 40)}, not ${describeType(f!)}`;
      break;
    case 'missing_value':
      message = `${f!.name} is required and missing`;
      break;
    case 'out_of_range':
      message = `${f!.name} = ${Number(r.text)} is outside its allowed range [${f!.minimum ?? '-inf'}, ${f!.maximum ?? '+inf'}]${f!.unit ? ` ${f!.unit}` : ''}`;
      break;
    case 'future_event':
      message = `event time ${iso(r.event_ms)} is after the batch was received`;
      break;
    case 'available_before_event':
      message = `available_at ${iso(r.avail0)} is before the event${periodMs ? "'s end" : ''} ${iso(r.end_ms)}: nothing is known before it happens`;
      break;
    case 'duplicate':
      message =
        action === 'fix'
          ? `line ${r.line} is repeated by line ${r.other_line} (same entity, event time, seq and available_at): the later is kept`
          : `repeats line ${r.other_line} (same entity, event time, seq and available_at)`;
      break;
  }
  return {
    pos: r.pos,
    line: r.line,
    entity: r.entity,
    eventTime: iso(r.event_ms),
    field: r.field,
    rule,
    effect: r.effect as RuleAction,
    outcome,
    message,
  };
}

/** The checked value columns under their field names (for writing and quarantine). */
export const valueColumns = (fields: readonly DatasetField[]) =>
  fields.map((f, i) => `v${i} AS ${quoteIdent(f.name)}`).join(', ');
