// The monitoring page in Debian's Chromium, with every request to another host blocked: the models
// subgraph served over HTTP as in production (its page route beside its /graphql, which is what the
// gateway passes /models/… and acknowledgeAlert through to); the charts draw the monitor's
// evaluations, and Acknowledge calls acknowledgeAlert on the page's origin with the token the page
// was opened with. A service may not import the gateway (boundaries: no-service-to-app); the
// gateway's pass-through of pages is covered by tests/src/models.test.ts.
import { testToken } from '@alphagraph/auth/testing';
import { auditEvents } from '@alphagraph/db/schema/governance';
import { launchChromium, skipBrowserTests } from '@alphagraph/pages/testing';
import { type RunningSubgraph, startSubgraphServer } from '@alphagraph/service';
import { desc, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelsHarness } from '../test-support/harness.ts';
import { MODEL, SESSIONS, type ServedRow, startMonitoredModel } from './monitoring-page.fixture.ts';

const SKIP = skipBrowserTests('monitoring-page.browser.test');
const SCREENSHOT = '/tmp/monitoring-page.png';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const REPORTS = `query($m: String!) { model(name: $m) { monitoring { reports { asOf drift { feature drifted psiAlert } } }
  alerts(last: 100) { id rule acknowledgedBy acknowledgement } } }`;

describe.skipIf(SKIP)('the monitoring page in Chromium', () => {
  let h: ModelsHarness;
  let served: ServedRow[];
  let version: number;
  let subgraph: RunningSubgraph;
  let browser: Browser;

  const query = async (q: string, variables: Record<string, unknown>, token: string) => {
    const res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: q, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };

  beforeAll(async () => {
    ({ h, served, version } = await startMonitoredModel('pglite'));
    subgraph = await startSubgraphServer({
      name: 'models',
      resolvers: h.service.resolvers,
      context: h.service.context,
      verifier: h.runtime.verifier,
      port: 0,
      host: '127.0.0.1',
      routes: h.service.routes,
    });
    browser = await launchChromium();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await subgraph?.stop();
    await h?.dispose();
  });

  it('draws the evaluations, the drift heatmap and the alerts, and acknowledges an alert', async () => {
    const token = await testToken(['trader'], 'tess');
    const graph = (await query(REPORTS, { m: MODEL }, token)).model;
    const reports = graph.monitoring.reports as { drift: { drifted: boolean; psiAlert: boolean }[] }[];
    const features = new Set(reports.flatMap((r) => r.drift.map((d: any) => d.feature)));
    const marked = reports.flatMap((r) => r.drift).filter((d) => d.drifted || d.psiAlert).length;
    // Evaluations with an outcome known: every session after the first.
    const withOutcomes = SESSIONS.filter((s) => served.some((r) => r.session < s)).length;

    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const outside: string[] = [];
    await context.route('**/*', (route) => {
      const { protocol, hostname } = new URL(route.request().url());
      if (!/^(https?|wss?):$/.test(protocol) || LOCAL_HOSTS.has(hostname)) return route.continue();
      outside.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const origin = new URL(subgraph.url).origin;
    const url = `${origin}/models/${MODEL}/monitoring?token=${token}`;
    const response = await page.goto(url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.waitForSelector('body[data-monitoring="drawn"]', { timeout: 30_000 });
    const v = `v${version}`;
    for (const metric of ['accuracy', 'rocAuc']) {
      const chart = `#metric-${v}-${metric}`;
      expect(await page.getAttribute(chart, 'data-count')).toBe(String(withOutcomes));
      expect(await page.locator(`${chart} svg g[aria-label="dot"] circle`).count()).toBe(withOutcomes);
      expect(await page.locator(`${chart} svg g[aria-label="line"] path`).count()).toBe(1);
      // The validation reference line.
      expect(await page.locator(`${chart} svg g[aria-label="rule"] line`).count()).toBe(1);
    }
    // One heatmap cell per feature (and the prediction) per evaluation; × on each drifted cell.
    expect(features.size).toBe(4);
    expect(await page.locator(`#drift-${v} svg g[aria-label="cell"] rect`).count()).toBe(
      features.size * SESSIONS.length,
    );
    expect(await page.locator(`#drift-${v} svg g[aria-label="text"] text`).count()).toBe(marked);
    expect(marked).toBeGreaterThan(0);
    expect(await page.locator(`#volume-${v} svg g[aria-label="dot"] circle`).count()).toBe(SESSIONS.length);
    expect(await page.locator(`#volume-${v} svg g[aria-label="area"] path`).count()).toBe(1);
    expect(await page.locator(`#pnl-${v} svg g[aria-label="dot"] circle`).count()).toBe(withOutcomes);
    expect(await page.locator('#alerts tr[data-alert]').count()).toBe(graph.alerts.length);
    await page.screenshot({
      path: SCREENSHOT.replace('.png', '-top.png'),
      clip: { x: 0, y: 0, width: 1200, height: 1400 },
    });

    // Acknowledge the newest alert from the page.
    const row = page.locator('#alerts tr[data-alert]').first();
    const id = await row.getAttribute('data-alert');
    await row.locator('.ack-note').fill('ok');
    await row.locator('button.ack').click();
    await expect
      .poll(() => row.locator('.ack-error').textContent())
      .toContain('the note must say what was done, in 5 characters at least');
    await row.locator('.ack-note').fill('muted the feed, retraining');
    await row.locator('button.ack').click();
    await page.waitForSelector(`#alerts tr[data-alert="${id}"][data-acknowledged="true"]`);
    expect(await row.locator('.ack-cell').textContent()).toMatch(/^tess at .*: muted the feed, retraining$/);
    const after = (await query(REPORTS, { m: MODEL }, token)).model.alerts.find((a: { id: string }) => a.id === id);
    expect(after).toMatchObject({ acknowledgedBy: 'tess', acknowledgement: 'muted the feed, retraining' });
    const [audit] = await h.runtime.handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'mutation:acknowledgeAlert'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(audit).toMatchObject({ actor: 'tess', resource: `alert:${id}` });
    // Reloaded, the row shows who acknowledged it and offers no button.
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-monitoring="drawn"]');
    expect(await page.locator(`#alerts tr[data-alert="${id}"] button`).count()).toBe(0);
    expect(await page.locator(`#alerts tr[data-alert="${id}"] .ack-cell`).textContent()).toContain('tess at');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
