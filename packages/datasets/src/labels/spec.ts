import { z } from 'zod';

/**
 * Labels: what a model is trained to predict. They look forward from the spine time t (DESIGN
 * section 4, rule 3), so they are defined here and only here, for both places that compute them:
 * features' training-set builds (written to `label_*` columns kept apart from features) and models'
 * monitoring of realized outcomes (`realizedLabels`). They are never registered, materialized or
 * served as features (the feature registry compiles expressions in `feature` mode, which rejects
 * every look into the future).
 *
 * Every label is anchored on a bar: for a spine row (e, t), the anchor is e's latest bar (the
 * greatest bar time) among bars first known at or before t, where a bar is first known when its
 * first version became available (a daily bar: at its session close). Prices are the `close` of
 * the LATEST version of each bar known when the training set is built (`labelsAsOf`, recorded and
 * reused by rebuilds): labels are ground truth, so a correction published after t still counts,
 * unlike for features. Closes are as stored in the `bars` dataset (not split-adjusted).
 *
 * - `forward_return` over n bars: close[anchor + n] / close[anchor] - 1, null while fewer than n
 *   bars follow the anchor. Compiled by the feature language in `label` mode as
 *   `Ref($close, -n) / $close - 1`.
 * - `triple_barrier` (López de Prado, AFML ch. 3) over a vertical barrier of n bars: with
 *   p0 = close[anchor] and sigma = the EWM standard deviation of daily simple returns
 *   (close / previous close - 1) over `volatilitySpan` (pandas `ewm(span, adjust=True)
 *   .var(bias=True)`, computed from bars up to and including the anchor, so known at t), the upper
 *   barrier is p0 * (1 + profitTake * sigma) and the lower p0 * (1 - stopLoss * sigma). Walking the
 *   closes of bars anchor+1 .. anchor+n, the first close at or above the upper barrier gives +1, at
 *   or below the lower gives -1. When neither is touched within n bars the VERTICAL barrier is hit:
 *   the label is 0 and the touch time is bar anchor+n's. Null when sigma is unknown (fewer than
 *   `volatilityMinPeriods` returns in the last `volatilitySpan` bars) or zero, when the anchor close
 *   is missing, or when no barrier is touched yet and fewer than n bars follow. `profitTake` or
 *   `stopLoss` null disables that barrier. The touch time (`label_<name>_touch`) is when the
 *   touching bar was first known (its session close): a label is known only from then on.
 * - `expression`: any expression of the feature language compiled in `label` mode (may use
 *   `Ref(x, -k)`), evaluated at the anchor bar.
 */
export type LabelSpec =
  | { readonly kind: 'forward_return'; readonly name: string; readonly horizon: number }
  | {
      readonly kind: 'triple_barrier';
      readonly name: string;
      readonly horizon: number;
      readonly profitTake: number | null;
      readonly stopLoss: number | null;
      readonly volatilitySpan: number;
      readonly volatilityMinPeriods: number;
    }
  | { readonly kind: 'expression'; readonly name: string; readonly expression: string };

const LABEL_NAME = /^[a-z][a-z0-9_]{0,40}$/;
const name = z.string().regex(LABEL_NAME, 'label names are lower_snake_case, at most 41 characters');
const horizon = z.number().int().min(1).max(10_000);
const multiple = z.number().positive().max(1_000).nullable();

export const labelSpecSchema: z.ZodType<LabelSpec> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('forward_return'), name, horizon }),
  z
    .object({
      kind: z.literal('triple_barrier'),
      name,
      horizon,
      profitTake: multiple,
      stopLoss: multiple,
      volatilitySpan: z.number().int().min(2).max(1_000),
      volatilityMinPeriods: z.number().int().min(1).max(1_000),
    })
    .refine((l) => l.profitTake !== null || l.stopLoss !== null, {
      message: 'a triple-barrier label needs a profit-take or a stop-loss barrier (or use forward_return)',
    }),
  z.object({ kind: z.literal('expression'), name, expression: z.string().min(1).max(4_000) }),
]);

/** An output column of a label. */
export interface LabelColumn {
  readonly name: string;
  readonly type: 'DOUBLE' | 'TIMESTAMPTZ';
  readonly label: string;
}

/** The columns a label adds: `label_<name>`, and `label_<name>_touch` for a triple barrier. */
export function labelColumns(label: LabelSpec): LabelColumn[] {
  const value: LabelColumn = { name: `label_${label.name}`, type: 'DOUBLE', label: label.name };
  if (label.kind !== 'triple_barrier') return [value];
  return [value, { name: `label_${label.name}_touch`, type: 'TIMESTAMPTZ', label: label.name }];
}
