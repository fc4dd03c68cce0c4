import { assertProbability } from './internal/validate.ts';

/** DSR below this fails: the usual 95% confidence that the selected Sharpe ratio is not luck. */
export const DSR_THRESHOLD = 0.95;
/** PBO above this fails: the selected configuration more likely than not lands below the OOS median. */
export const PBO_THRESHOLD = 0.5;

export interface SweepEvidence {
  /** Deflated Sharpe Ratio of the selected configuration, in [0, 1]. */
  dsr: number;
  /** Probability of backtest overfitting of the sweep, in [0, 1]. */
  pbo: number;
}

/**
 * True when the sweep's best configuration is likely overfit: PBO > 0.5 or DSR < 0.95 (a PBO of
 * exactly 0.5 and a DSR of exactly 0.95 pass). Throws OUT_OF_RANGE for values outside [0, 1].
 */
export function isLikelyOverfit(evidence: SweepEvidence): boolean {
  assertProbability(evidence.dsr, 'dsr');
  assertProbability(evidence.pbo, 'pbo');
  return evidence.pbo > PBO_THRESHOLD || evidence.dsr < DSR_THRESHOLD;
}

const percent = (p: number): string => `${(p * 100).toFixed(1)}%`;
const fixed = (p: number): string => p.toFixed(2);

/**
 * A plain-language verdict on a parameter sweep's best configuration, with the numbers, for a report:
 * "The best configuration is likely overfit: …" when PBO > 0.5 or DSR < 0.95 (naming each failed
 * check), otherwise a sentence saying it passes both. Thresholds as {@link isLikelyOverfit}.
 */
export function sweepVerdict(evidence: SweepEvidence): string {
  const { dsr, pbo } = evidence;
  if (!isLikelyOverfit(evidence)) {
    return (
      `The best configuration passes both overfitting checks: its Deflated Sharpe Ratio is ${fixed(dsr)} ` +
      `(at least ${DSR_THRESHOLD}), and the probability of backtest overfitting is ${percent(pbo)} ` +
      `(at most ${percent(PBO_THRESHOLD)}).`
    );
  }
  const reasons: string[] = [];
  if (pbo > PBO_THRESHOLD) {
    reasons.push(
      `the probability of backtest overfitting is ${percent(pbo)}, so in most out-of-sample splits the ` +
        'configuration that looked best in sample ranked below the median',
    );
  }
  if (dsr < DSR_THRESHOLD) {
    reasons.push(
      `its Deflated Sharpe Ratio is ${fixed(dsr)}, below ${DSR_THRESHOLD}, so its Sharpe ratio is not ` +
        'convincingly higher than the best of that many worthless trials would show',
    );
  }
  const passed =
    pbo > PBO_THRESHOLD
      ? dsr >= DSR_THRESHOLD
        ? ` Its Deflated Sharpe Ratio (${fixed(dsr)}) passes, but that does not outweigh the failed check.`
        : ''
      : ` The probability of backtest overfitting (${percent(pbo)}) is acceptable, but that does not outweigh the failed check.`;
  return `The best configuration is likely overfit: ${reasons.join('; and ')}.${passed}`;
}
