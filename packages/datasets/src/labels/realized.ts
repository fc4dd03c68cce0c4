import { randomUUID } from 'node:crypto';
import { DslError } from '@alphagraph/dsl';
import type { Lake, LakeParam, LakeSession, Snapshot, StagedValue } from '@alphagraph/lake';
import { quoteIdent } from '@alphagraph/lake';
import { z } from 'zod';
import { BARS_DATASET } from '../market-data.ts';
import { LabelError } from './errors.ts';
import { type LabelSpec, labelColumns, labelSpecSchema } from './spec.ts';
import { labelBarsSql, labelKnownAtSql, labelValuesSql } from './sql.ts';

/** A served prediction's key: the entity and the instant t it was made for. */
export interface PredictionKey {
  readonly entity: string;
  readonly t: Date;
}

export interface RealizedLabelsOptions {
  /** The label the version was trained on, as its training set recorded it. */
  readonly label: LabelSpec;
  /** The bar interval the label reads: the training set's label interval (`1d`). */
  readonly interval: string;
  /**
   * The predictions to label: a relation of `session` with columns `entity` and `t` (a temporary
   * table, or a parenthesised query such as a scan of a predictions snapshot), or the keys themselves.
   * Repeated keys are answered once.
   */
  readonly predictions: string | readonly PredictionKey[];
  /**
   * The instant the outcomes are read at: bars (and corrections) published later are not seen, and
   * only labels knowable by then are returned. A Date, or an ISO-8601 instant for microseconds.
   */
  readonly asOf: Date | string;
  /** The bars snapshot read; default the current one. Versions published after `asOf` are ignored either way. */
  readonly bars?: Snapshot;
}

/** A prediction's realized label. */
export interface RealizedLabel {
  readonly entity: string;
  readonly t: Date;
  /** The anchor bar's time: the entity's latest bar first known at or before t. */
  readonly anchor: Date;
  /** The label's value (null: the label is known and undefined, e.g. a missing close). */
  readonly value: number | null;
  /** When the label became knowable (see `realizedLabels`); never after the call's as-of. */
  readonly knownAt: Date;
}

const realizedRow = z.object({
  entity: z.string(),
  t: z.date(),
  anchor: z.date(),
  value: z.number().nullable(),
  known_at: z.date(),
});

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The realized outcomes of served predictions (issue 14 item 3): per (entity, t), the value of
 * `label` computed exactly as a training-set build computes it (the same SQL: ./sql.ts), on the
 * bars as the lake had them at `asOf`, and `knownAt`, when it became knowable. Only labels with
 * knownAt <= asOf are returned, so a label never shows before it could have been observed; a
 * prediction whose label is not knowable yet (or never will be: too little history for a triple
 * barrier's volatility) is left out, as is one with t after asOf.
 *
 * Point in time: the bars read are, per bar, the latest version available at or before `asOf`, and
 * a bar's `known_at` is its first version's availability among those. The anchor is the training
 * one: e's latest bar first known at or before t. knownAt per kind:
 * - `forward_return` over n bars and `expression`: the latest `known_at` among the bars the value
 *   reads, the anchor through anchor + lookahead (n for a forward return; the furthest `Ref(x, -k)`
 *   for an expression): bar anchor+n's first-known time when bars are published in order. A label
 *   is knowable only once all of its lookahead bars exist; before that it is left out even when
 *   its value would not be null.
 * - `triple_barrier`: the touch time, as training records it in `label_<name>_touch`: the first
 *   known time of the bar whose close touched a barrier, or of bar anchor+n for the vertical one.
 *
 * Unlike a training set, which reads the bars at its build's `labelsAsOf`, this reads them at
 * `asOf`: a correction published between the two changes the value here, as it would have there.
 * Runs in `session` (temporary tables it creates are dropped before it returns).
 */
export async function realizedLabels(
  session: LakeSession,
  lake: Lake,
  options: RealizedLabelsOptions,
): Promise<RealizedLabel[]> {
  const parsed = labelSpecSchema.safeParse(options.label);
  if (!parsed.success) {
    throw new LabelError('INVALID_LABEL', `label ${options.label.name} is not a valid label: ${parsed.error.message}`);
  }
  const label = parsed.data;
  const asOf = asOfParam(options.asOf);
  const bars = options.bars ?? (await lake.currentSnapshot(BARS_DATASET.name));
  if (!bars) return [];
  if (bars.dataset !== BARS_DATASET.name) {
    throw new LabelError('INVALID_ARGUMENT', `labels read the ${BARS_DATASET.name} dataset, not ${bars.dataset}`);
  }

  const tag = randomUUID().replaceAll('-', '').slice(0, 12);
  const [keys, barTable, values] = [`rl_keys_${tag}`, `rl_bars_${tag}`, `rl_values_${tag}`];
  const [valueColumn, touchColumn] = labelColumns(label).map((c) => quoteIdent(c.name));
  let valuesSql: string;
  let knownAt: { column: string; join: string };
  try {
    valuesSql = labelValuesSql([label], barTable);
    knownAt =
      label.kind === 'triple_barrier'
        ? { column: `v.${touchColumn}`, join: '' }
        : {
            column: 'k.label_known_at',
            join: `LEFT JOIN (${labelKnownAtSql(label, barTable)}) k ON k.entity = v.entity AND k.time = v.event_time`,
          };
  } catch (error) {
    if (error instanceof DslError) {
      throw new LabelError('INVALID_LABEL', `label ${label.name}: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const staged: string[] = [];
  try {
    let relation = options.predictions;
    if (typeof relation !== 'string') {
      const input = `rl_input_${tag}`;
      staged.push(input);
      await session.run(`CREATE TEMP TABLE ${input} (entity VARCHAR, t TIMESTAMPTZ)`);
      await session.append(
        input,
        relation.map((p): StagedValue[] => [p.entity, p.t]),
      );
      relation = input;
    }
    staged.push(keys);
    await session.run(
      `CREATE TEMP TABLE ${keys} AS SELECT DISTINCT CAST(entity AS VARCHAR) AS entity, CAST(t AS TIMESTAMPTZ) AS t
        FROM ${relation} WHERE entity IS NOT NULL AND t IS NOT NULL AND CAST(t AS TIMESTAMPTZ) <= $1::TIMESTAMPTZ`,
      [asOf],
    );
    const q = labelBarsSql({
      bars: lake.scan(bars),
      entities: `(SELECT DISTINCT entity FROM ${keys})`,
      interval: options.interval,
      asOf,
    });
    staged.push(barTable);
    await session.run(`CREATE TEMP TABLE ${barTable} AS ${q.sql}`, q.params);

    staged.push(values);
    await session.run(`CREATE TEMP TABLE ${values} AS
      SELECT v.entity, v.event_time, v.available_at, v.${valueColumn} AS value, ${knownAt.column} AS known_at
      FROM (${valuesSql}) v ${knownAt.join}`);

    // The anchor as the training join finds it: per entity, a step function of availability whose
    // value is the greatest bar time known so far (bars first published out of order included).
    const params: LakeParam[] = [asOf];
    const rows = await session.all(
      `WITH line AS (
        SELECT DISTINCT entity, available_at AS step_at,
          max(event_time) OVER (PARTITION BY entity ORDER BY available_at
            RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS anchor
        FROM ${values})
      SELECT p.entity, p.t, a.anchor, v.value, v.known_at
      FROM ${keys} p
      ASOF JOIN line a ON p.entity = a.entity AND p.t >= a.step_at
      JOIN ${values} v ON v.entity = a.entity AND v.event_time = a.anchor
      WHERE v.known_at IS NOT NULL AND v.known_at <= $1::TIMESTAMPTZ
      ORDER BY p.entity, p.t`,
      params,
    );
    return rows.map((r) => {
      const row = realizedRow.parse(r);
      return { entity: row.entity, t: row.t, anchor: row.anchor, value: row.value, knownAt: row.known_at };
    });
  } finally {
    for (const table of staged.reverse()) await session.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

function asOfParam(asOf: Date | string): Date | string {
  if (asOf instanceof Date) {
    if (Number.isNaN(asOf.getTime())) throw new LabelError('INVALID_ARGUMENT', 'asOf is not a valid instant');
    return asOf;
  }
  if (!ISO_INSTANT.test(asOf)) {
    throw new LabelError('INVALID_ARGUMENT', `asOf must be an ISO-8601 instant with a zone, not ${asOf}`);
  }
  return asOf;
}
