/**
 * Every metric's formula in words, keyed by the field of `PortfolioMetrics` (used verbatim as the
 * GraphQL schema descriptions). Notation: E_0..E_n equity at the end of each period, r_t = E_t /
 * E_{t-1} − 1 (t = 1..n), x_t = r_t (simple) or ln(1 + r_t) (log), A = periods per year (default 252),
 * rf = annual risk-free rate, rf_p its per-period equivalent ((1 + rf)^(1/A) − 1 for simple returns,
 * ln(1 + rf) / A for log returns), std = sample standard deviation (n − 1).
 */
export const METRIC_FORMULAS = {
  totalReturn: 'E_n / E_0 − 1.',
  annualizedReturn: '(1 + totalReturn)^(A / n) − 1: geometric, over years = n / A periods.',
  cagr: '(E_n / E_0)^(365.25 / days) − 1 with days = calendar days between the first and last date. Unlike annualizedReturn it counts calendar time, not periods, so holidays and gaps do not change it.',
  annualizedVolatility: 'std(x_t) × sqrt(A).',
  sharpe: 'mean(x_t − rf_p) / std(x_t − rf_p) × sqrt(A).',
  sortino:
    'mean(x_t − rf_p) / DD × sqrt(A), downside deviation DD = sqrt(mean over all n periods of min(0, x_t − rf_p)^2) (target rf_p; periods above it count as 0).',
  calmar: 'cagr / |maxDrawdown|.',
  maxDrawdown: 'min over t of E_t / max_{u<=t} E_u − 1 (a negative fraction).',
  maxDrawdownDurationPeriods:
    'Longest drawdown episode in periods: from the peak to the first period back at or above the peak, or to the last period if never recovered.',
  maxDrawdownDurationDays:
    'The same longest episode in calendar days between its peak date and its recovery (or last) date.',
  averageDrawdown: 'Mean over drawdown episodes of each episode’s deepest drawdown (a negative fraction).',
  exposure: 'Fraction of the n + 1 periods with any position (gross exposure > 0).',
  turnover: 'Mean over periods of traded value / equity (one-sided: buys plus sells), per period.',
  annualizedTurnover: 'turnover × A.',
  tradeCount: 'Number of closed trades (FIFO lots); open trades at the end are not counted.',
  winRate: 'Closed trades with P&L > 0 / tradeCount.',
  bestTrade: 'Highest return of a closed trade (P&L / (|size| × entry price)).',
  worstTrade: 'Lowest return of a closed trade.',
  profitFactor: 'Sum of P&L of winning closed trades / |sum of P&L of losing closed trades| (currency).',
  expectancy: 'Mean return of closed trades.',
} as const;

export type MetricName = keyof typeof METRIC_FORMULAS;
