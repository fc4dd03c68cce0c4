import type { Task } from '@alphagraph/ml';
import { splitMetrics, targetOf } from '../versions/evaluate.ts';
import type { SplitMetrics } from '../versions/result.ts';

/** A logged prediction joined to its realized label. */
export interface Outcome {
  readonly entity: string;
  /** The prediction's session, YYYY-MM-DD. */
  readonly session: string;
  readonly prediction: number;
  readonly probability: number | null;
  readonly label: number;
}

export interface MetricValues {
  readonly accuracy: number | null;
  readonly precision: number | null;
  readonly rocAuc: number | null;
  readonly logLoss: number | null;
  readonly rmse: number | null;
  readonly ic: number | null;
  readonly hitRate: number | null;
}

export interface LiveWindow {
  readonly windowSessions: number;
  readonly from: string | null;
  readonly to: string | null;
  readonly outcomes: number;
  readonly live: MetricValues;
  /** Sum over the window's sessions of the session P&L. */
  readonly pnl: number | null;
  readonly losingStreak: number;
  readonly sessions: readonly { readonly session: string; readonly pnl: number; readonly outcomes: number }[];
}

/**
 * The position following a prediction takes: +1 when it says up, -1 when it says down. A
 * classifier says up when P(class 1) >= 0.5 (its predicted class); a regressor when the predicted
 * label is above 0 (0 is flat).
 */
export function positionOf(task: Task, o: Pick<Outcome, 'prediction' | 'probability'>): number {
  if (task === 'classification') return (o.probability ?? o.prediction) >= 0.5 ? 1 : -1;
  return Math.sign(o.prediction);
}

const NONE: MetricValues = {
  accuracy: null,
  precision: null,
  rocAuc: null,
  logLoss: null,
  rmse: null,
  ic: null,
  hitRate: null,
};

/** A version's stored split metrics in the live layout (hit rate: accuracy for classifiers, unknown for regressors). */
export function fromSplitMetrics(task: Task, m: SplitMetrics | undefined): MetricValues {
  if (!m || m.rows === 0) return NONE;
  return {
    accuracy: m.accuracy ?? null,
    precision: m.precision ?? null,
    rocAuc: m.roc_auc ?? null,
    logLoss: m.log_loss ?? null,
    rmse: m.rmse ?? null,
    ic: m.mean_ic ?? null,
    hitRate: task === 'classification' ? (m.accuracy ?? null) : null,
  };
}

/**
 * Live metrics over the last `windowSessions` sessions of `outcomes`, by the formulas validation
 * uses (splitMetrics: the same targets, thresholds and IC), plus the hit rate (share of outcomes
 * whose position has the label's sign; a label of exactly 0 counts as a miss) and the P&L of
 * following the signal: per session the mean over instruments of position x label, summed.
 */
export function liveWindow(task: Task, outcomes: readonly Outcome[], windowSessions: number): LiveWindow {
  const sessions = [...new Set(outcomes.map((o) => o.session))].sort();
  const kept = new Set(sessions.slice(-windowSessions));
  const rows = outcomes.filter((o) => kept.has(o.session));
  if (rows.length === 0) {
    return { windowSessions, from: null, to: null, outcomes: 0, live: NONE, pnl: null, losingStreak: 0, sessions: [] };
  }
  const y = targetOf(
    task,
    Float64Array.from(rows, (o) => o.label),
  );
  const prediction = Float64Array.from(rows, (o) => o.prediction);
  const probability =
    task === 'classification' ? Float64Array.from(rows, (o) => o.probability ?? o.prediction) : undefined;
  const m = splitMetrics(
    task,
    y,
    { prediction, probability },
    rows.map((o) => o.session),
  );
  let hits = 0;
  const bySession = new Map<string, { sum: number; n: number }>();
  for (const o of rows) {
    const position = positionOf(task, o);
    if (position !== 0 && Math.sign(o.label) === position) hits++;
    const s = bySession.get(o.session) ?? { sum: 0, n: 0 };
    s.sum += position * o.label;
    s.n++;
    bySession.set(o.session, s);
  }
  const perSession = [...bySession.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([session, s]) => ({ session, pnl: s.sum / s.n, outcomes: s.n }));
  let losingStreak = 0;
  for (let i = perSession.length - 1; i >= 0 && perSession[i]!.pnl < 0; i--) losingStreak++;
  return {
    windowSessions,
    from: perSession[0]!.session,
    to: perSession.at(-1)!.session,
    outcomes: rows.length,
    live: { ...fromSplitMetrics(task, m), hitRate: hits / rows.length },
    pnl: perSession.reduce((a, s) => a + s.pnl, 0),
    losingStreak,
    sessions: perSession,
  };
}
