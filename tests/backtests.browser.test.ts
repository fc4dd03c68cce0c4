import { launchChromium, skipBrowserTests } from '@alphagraph/pages/testing';
// The backtests end to end, through the gateway of a platform started on the demo data: the quick
// start's backtests (the top-50 momentum portfolio over the S&P 500, the GOOG SmaCross in the
// backtesting.py-compatible mode, a sweep), then their report pages in a real Chromium with every
// request to another host blocked, checking the charts drew the data.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './src/testkit.ts';

const SKIP = skipBrowserTests('backtests.browser.test');
const SCREENSHOT = '/tmp/backtest-report.png';
const SWEEP_SCREENSHOT = '/tmp/backtest-sweep-report.png';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const isExternal = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return /^(https?|wss?):$/.test(protocol) && !LOCAL_HOSTS.has(hostname);
};

const LIST = `{ backtests(first: 50) { id name status error metrics { sharpe totalReturn tradeCount probabilisticSharpeRatio }
  compatStatistics { name value } reportPath } sweeps { id name status error reportPath
  overfitting { pbo deflatedSharpeRatio verdict trials } configurations { index } } }`;
const EQUITY = `query($id: ID!) { backtest(id: $id) { equity(first: 5000) { nodes { date } } } }`;

describe.skipIf(SKIP)('backtests through the gateway and their report pages', () => {
  let p: TestPlatform;
  let browser: Browser;
  let listed: any;

  beforeAll(async () => {
    p = await startTestPlatform();
    // The demo queues its backtests once market-data has loaded the bars; wait for them to finish.
    const deadline = Date.now() + 25 * 60_000;
    for (;;) {
      listed = (await p.query(LIST)).data;
      const done = (x: { status: string }) => x.status === 'SUCCEEDED' || x.status === 'FAILED';
      const names = listed?.backtests?.map((b: { name: string }) => b.name) ?? [];
      if (
        names.includes('demo_alpha158_roc20_top50') &&
        names.includes('demo_goog_sma_cross') &&
        names.includes('demo_momentum_sweep (best)') &&
        listed.backtests.every(done) &&
        listed.sweeps.every(done)
      )
        break;
      if (Date.now() > deadline) throw new Error(`demo backtests did not finish: ${JSON.stringify(listed)}`);
      await new Promise((r) => setTimeout(r, 2_000));
    }
    browser = await launchChromium();
  }, 30 * 60_000);
  afterAll(async () => {
    await browser?.close();
    await p?.stop();
  });

  const byName = (name: string) => listed.backtests.find((b: { name: string }) => b.name === name);

  it('ran the quick start backtests: the top-50 Alpha158 ROC20 portfolio, GOOG SmaCross (0.6.6) and a sweep', () => {
    for (const b of listed.backtests) expect(b.status, `${b.name}: ${b.error}`).toBe('SUCCEEDED');
    const momentum = byName('demo_alpha158_roc20_top50');
    expect(momentum.metrics.tradeCount).toBeGreaterThan(100);
    expect(momentum.metrics.probabilisticSharpeRatio).toBeGreaterThanOrEqual(0);
    const goog = new Map(byName('demo_goog_sma_cross').compatStatistics.map((s: any) => [s.name, s.value]));
    expect(goog.get('CAGR [%]')).toBeCloseTo(21.160245705962623, 8);
    expect(goog.get('Return (Ann.) [%]')).toBeCloseTo(21.191099249053224, 8);
    expect(goog.get('Sharpe Ratio')).toBeCloseTo(0.5806232244485349, 10);
    expect(goog.get('# Trades')).toBe(66);
    const [sweep] = listed.sweeps;
    expect(sweep.status, sweep.error).toBe('SUCCEEDED');
    expect(sweep.configurations).toHaveLength(12);
    expect(sweep.overfitting.trials).toBe(12);
    expect(sweep.overfitting.verdict.length).toBeGreaterThan(20);
  });

  it('draws the report of a backtest from its data, with no outside request', async () => {
    const momentum = byName('demo_alpha158_roc20_top50');
    const dates: string[] = (await p.query(EQUITY, { id: momentum.id })).data.backtest.equity.nodes.map(
      (n: any) => n.date,
    );
    const months = new Set(dates.map((d) => d.slice(0, 7))).size;
    const token = await p.token(['analyst'], 'ana');
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      if (!isExternal(route.request().url())) return route.continue();
      blocked.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const gatewayOrigin = new URL(p.gatewayUrl).origin;
    const response = await page.goto(`${gatewayOrigin}${momentum.reportPath}?token=${token}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForSelector('body[data-report="drawn"]', { timeout: 30_000 });
    // Equity: two lines (strategy, buy and hold) over every session.
    expect(await page.getAttribute('#equity', 'data-count')).toBe(String(dates.length));
    expect(await page.locator('#equity svg g[aria-label="line"] path').count()).toBe(2);
    expect(await page.locator('#drawdown svg g[aria-label="area"] path').count()).toBe(1);
    // One heatmap cell per calendar month of the run.
    expect(await page.locator('#monthly svg g[aria-label="cell"] rect').count()).toBe(months);
    expect(Number(await page.getAttribute('#rolling', 'data-count'))).toBe(dates.length - 63);
    // The metrics table carries each formula as a title; the trades table has rows.
    expect(await page.locator('#metrics td[title]').count()).toBe(21);
    expect(await page.locator('#metrics td[title^="mean(x_t − rf_p) / std"]').textContent()).toBe('sharpe');
    // A header and the first 100 trades.
    expect(await page.locator('#trades-table tr').count()).toBe(101);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.screenshot({
      path: SCREENSHOT.replace('.png', '-top.png'),
      clip: { x: 0, y: 0, width: 1200, height: 1900 },
    });
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);

    // A sweep's page: the Sharpe heatmap over window × k and the PBO logit histogram.
    const [sweep] = listed.sweeps;
    await page.goto(`${gatewayOrigin}${sweep.reportPath}?token=${token}`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-report="drawn"]', { timeout: 30_000 });
    expect(await page.locator('#heatmap svg g[aria-label="cell"] rect').count()).toBe(12);
    expect(await page.getAttribute('#logits', 'data-count')).toBe('12870');
    expect(await page.locator('#logits svg g[aria-label="rect"] rect').count()).toBeGreaterThan(2);
    expect(await page.locator('#verdict').textContent()).toContain(sweep.overfitting.verdict);
    await page.screenshot({ path: SWEEP_SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);

    // Viewers may not read reports.
    const viewer = await p.token(['viewer'], 'vic');
    const denied = await fetch(`${gatewayOrigin}${momentum.reportPath}?token=${viewer}`);
    expect(denied.status).toBe(403);
    await context.close();
  });
});
