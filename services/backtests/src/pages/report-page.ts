import { type Identity, scopesForRoles } from '@alphagraph/auth';
import { METRIC_FORMULAS } from '@alphagraph/backtest';
import type { Lake } from '@alphagraph/lake';
import { pageShell, type RenderedPage } from '@alphagraph/pages';
import { REPORT_PREFIX } from '../modules/backtests/resolvers.ts';
import type { Backtests } from '../modules/backtests/service.ts';
import type { StoredMetrics } from '../modules/backtests/simulate.ts';
import type { BacktestRecord } from '../modules/backtests/store.ts';
import type { StoredConfiguration, StoredOverfitting } from '../modules/sweeps/run.ts';
import type { Sweeps } from '../modules/sweeps/service.ts';
import type { SweepRecord } from '../modules/sweeps/store.ts';
import { REPORT_SCRIPT } from './report-script.ts';

export { REPORT_PREFIX } from '../modules/backtests/resolvers.ts';
/** Who may read a report: as the Backtest type, analysts and every role that includes analyst. */
export const REPORT_SCOPE = 'analyst';

const PATH = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** Trades shown on the page (all of them are paged through GraphQL and downloadable). */
const MAX_TRADES = 100;

const PSR_FORMULA =
  'Φ((SR − 0) × sqrt(n − 1) / sqrt(1 − γ3 × SR + (γ4 − 1) / 4 × SR²)), SR the per-period Sharpe ratio, γ3 skewness, γ4 raw kurtosis of the n excess returns (Bailey and López de Prado 2012).';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const PERCENT = new Set([
  'totalReturn',
  'annualizedReturn',
  'cagr',
  'annualizedVolatility',
  'maxDrawdown',
  'averageDrawdown',
  'exposure',
  'turnover',
  'annualizedTurnover',
  'winRate',
  'bestTrade',
  'worstTrade',
  'expectancy',
  'probabilisticSharpeRatio',
]);

function formatMetric(name: string, v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (PERCENT.has(name)) return `${(v * 100).toFixed(2)}%`;
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(3);
}

function metricsTable(m: StoredMetrics): string {
  const rows = Object.entries(METRIC_FORMULAS)
    .map(
      ([name, formula]) =>
        `<tr><td title="${escapeHtml(formula)}">${name}</td><td class="num">${formatMetric(name, m.portfolio[name])}</td></tr>`,
    )
    .concat(
      `<tr><td title="${escapeHtml(PSR_FORMULA)}">probabilisticSharpeRatio</td><td class="num">${formatMetric('probabilisticSharpeRatio', m.probabilisticSharpeRatio)}</td></tr>`,
    );
  const c = m.conventions;
  return `<table id="metrics"><tr><th>metric (hover for the formula)</th><th>value</th></tr>${rows.join('')}</table>
<p>Conventions: A = ${c.annualization} periods per year, risk-free rate ${c.riskFreeRate}, ${c.returns} returns.</p>`;
}

function compatTable(m: StoredMetrics): string {
  if (!m.compat) return '';
  const rows = m.compat.map(
    (s) => `<tr><td>${escapeHtml(s.name)}</td><td class="num">${escapeHtml(s.display)}</td></tr>`,
  );
  return `<section class="panel"><h2>backtesting.py statistics</h2><table id="compat">${rows.join('')}</table></section>`;
}

function describeBacktest(b: BacktestRecord): string {
  const inputs = Object.entries(b.inputSnapshots ?? {})
    .map(([d, id]) => `<code>${escapeHtml(d)}@${id}</code>`)
    .join(' ');
  return `<h1>${escapeHtml(b.name)}</h1>
<p><b>${b.status}</b> · ${b.mode === 'backtesting_py' ? 'backtesting.py-compatible' : 'portfolio'} · signal <code>${escapeHtml(b.signal)}</code>
 · ${b.periodStart} → ${b.periodEnd} · by ${escapeHtml(b.createdBy)}</p>
<p>Read: ${inputs} as of ${b.asOf?.toISOString() ?? '—'}${b.error ? ` · <b>error</b>: ${escapeHtml(b.error)}` : ''}</p>`;
}

const CHARTS = `
<section class="panel"><h2>Equity and buy-and-hold benchmark</h2><div id="equity" class="chart"></div></section>
<section class="panel"><h2>Drawdown</h2><div id="drawdown" class="chart"></div></section>
<section class="panel"><h2>Monthly returns</h2><div id="monthly" class="chart"></div></section>
<section class="panel"><h2>Rolling Sharpe (63 sessions, annualized)</h2><div id="rolling" class="chart"></div></section>`;

async function backtestData(lake: Lake, backtests: Backtests, b: BacktestRecord) {
  if (b.status !== 'succeeded') return { equity: [], trades: [], tradeCount: 0 };
  const equity = await backtests.equity(b, 5_000, null);
  const trades = await backtests.trades(b, MAX_TRADES, null);
  void lake;
  return {
    equity: equity.nodes.map((e) => ({ date: e.date, equity: e.equity, benchmark: e.benchmark })),
    trades: trades.nodes,
    tradeCount: (b.metrics as unknown as StoredMetrics | null)?.portfolio.tradeCount ?? trades.nodes.length,
  };
}

function sweepSection(s: SweepRecord): { html: string; data: unknown } {
  const o = s.overfitting as unknown as StoredOverfitting | null;
  const configs = ((s.configurations ?? []) as unknown as StoredConfiguration[]).map((c) => ({
    index: c.index,
    parameters: c.parameters,
    sharpe: ((c.metrics as StoredMetrics | null)?.portfolio.sharpe as number | null | undefined) ?? null,
    error: c.error,
  }));
  const stats = o
    ? `<table id="overfitting">
<tr><td title="Deflated Sharpe Ratio (Bailey and López de Prado 2014)">DSR</td><td class="num">${o.deflatedSharpeRatio.toFixed(4)}</td></tr>
<tr><td title="Probability of Backtest Overfitting by CSCV (Bailey, Borwein, López de Prado and Zhu 2017)">PBO (S = ${o.blocks})</td><td class="num">${o.pbo.toFixed(4)}</td></tr>
<tr><td title="PSR of the best configuration against zero, uncorrected for selection">PSR</td><td class="num">${o.probabilisticSharpeRatio.toFixed(4)}</td></tr>
<tr><td>best Sharpe (annualized)</td><td class="num">${o.annualizedSharpe.toFixed(3)}</td></tr>
<tr><td>trials N</td><td class="num">${o.trials}</td></tr>
<tr><td title="Minimum backtest length for N trials (Bailey et al. 2014)">MinBTL (years)</td><td class="num">${o.minimumBacktestYears?.toFixed(2) ?? '—'} (have ${o.backtestYears.toFixed(2)})</td></tr>
</table><p id="verdict"><b>${o.likelyOverfit ? 'Likely overfit.' : 'No sign of overfitting.'}</b> ${escapeHtml(o.verdict)}</p>`
    : `<p>${s.status}${s.error ? `: ${escapeHtml(s.error)}` : ''}</p>`;
  const html = `<h1>Sweep ${escapeHtml(s.name)}</h1>
<p><b>${s.status}</b> · ${s.grid.map((a) => `${escapeHtml(a.name)} ∈ {${a.values.join(', ')}}`).join(' × ')} · by ${escapeHtml(s.createdBy)}</p>
<section class="panel"><h2>Overfitting</h2>${stats}</section>
<section class="panel"><h2>Sharpe over the grid</h2><div id="heatmap" class="chart"></div></section>
<section class="panel"><h2>PBO: logits of the out-of-sample rank of the in-sample best</h2><div id="logits" class="chart"></div></section>`;
  return {
    html,
    data: {
      grid: s.grid,
      configurations: configs,
      best: o?.best ?? null,
      logits: o?.logits ?? [],
    },
  };
}

function tradesTable(): string {
  return `<section class="panel"><h2>Trades</h2><div id="trades"></div></section>`;
}

/**
 * `/backtests/<id>`: a backtest's report (equity with the buy-and-hold benchmark, drawdown,
 * monthly returns, rolling Sharpe, metrics with their formulas on hover, trades), or a sweep's
 * (overfitting statistics, Sharpe heatmap, PBO logit histogram, then its best configuration's
 * report). Readable by the roles that read backtests (analyst and every role including it).
 */
export function createReportPage(deps: { lake: Lake; backtests: Backtests; sweeps: Sweeps }) {
  const assetsPath = `${REPORT_PREFIX}_assets/`;
  return async (path: string, identity: Identity): Promise<RenderedPage | null> => {
    const match = PATH.exec(path);
    if (!match) return null;
    if (!scopesForRoles(identity.roles).includes(REPORT_SCOPE)) {
      return {
        status: 403,
        html: pageShell({
          title: 'Forbidden',
          assetsPath,
          body: `<h1>403</h1><p>backtest reports are for analysts and the roles that include it; your roles are ${escapeHtml(identity.roles.join(', '))}</p>`,
        }),
      };
    }
    const id = match[1]!;
    const [sweep] = await deps.sweeps.store.byIds([id]);
    let backtest: BacktestRecord | undefined;
    let sweepPart: { html: string; data: unknown } | null = null;
    if (sweep) {
      sweepPart = sweepSection(sweep);
      if (sweep.bestBacktestId) [backtest] = await deps.backtests.store.byIds([sweep.bestBacktestId]);
    } else {
      [backtest] = await deps.backtests.store.byIds([id]);
      if (!backtest) return null;
    }
    const metrics = backtest?.status === 'succeeded' ? (backtest.metrics as unknown as StoredMetrics) : null;
    const body = [
      sweepPart?.html ?? '',
      backtest ? (sweep ? '<h2>Best configuration</h2>' : '') + describeBacktest(backtest) : '',
      backtest ? CHARTS : '',
      metrics ? `<section class="panel"><h2>Metrics</h2>${metricsTable(metrics)}</section>` : '',
      metrics ? compatTable(metrics) : '',
      backtest ? tradesTable() : '',
    ].join('\n');
    const data = {
      sweep: sweepPart?.data ?? null,
      backtest: backtest ? await backtestData(deps.lake, deps.backtests, backtest) : null,
      annualization: metrics?.conventions.annualization ?? 252,
    };
    return {
      status: 200,
      html: pageShell({
        title: `${sweep ? `Sweep ${sweep.name}` : backtest!.name} — backtest report`,
        assetsPath,
        body,
        data,
        script: REPORT_SCRIPT,
      }),
    };
  };
}
