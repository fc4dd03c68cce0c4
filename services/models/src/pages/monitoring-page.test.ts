import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Role } from '@alphagraph/auth';
import { testToken } from '@alphagraph/auth/testing';
import { monitorReports } from '@alphagraph/db/schema/models';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelsHarness } from '../test-support/harness.ts';
import type { MonitoringPageData } from './monitoring-data.ts';
import {
  LAST_CURRENT,
  MODEL,
  SESSIONS,
  type ServedRow,
  SHIFT_FROM,
  startMonitoredModel,
} from './monitoring-page.fixture.ts';

/** The P&L of following the signal, by hand: per session the mean of (+1 if P(up) >= 0.5 else -1) x label, summed. */
function pnlOf(rows: readonly ServedRow[]): number {
  let total = 0;
  for (const s of new Set(rows.map((r) => r.session))) {
    const day = rows.filter((r) => r.session === s);
    total += day.reduce((a, r) => a + (r.probability >= 0.5 ? 1 : -1) * r.label, 0) / day.length;
  }
  return total;
}

describe.each(testDatabaseKinds())('the monitoring page on %s', (kind) => {
  let h: ModelsHarness;
  let served: ServedRow[];
  let version: number;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    ({ h, served, version } = await startMonitoredModel(kind));
    const [route] = h.service.routes;
    server = createServer((req, res) => void route!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 300_000);
  afterAll(async () => {
    if (server) await new Promise((resolve) => server.close(resolve));
    await h?.dispose();
  });

  const get = async (path: string, roles: Role[], user = 'tess') =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${await testToken(roles, user)}` } });
  const dataOf = (html: string): MonitoringPageData => {
    const json = /<script>window\.PAGE_DATA = (.*);<\/script>/.exec(html)?.[1];
    if (!json) throw new Error('the page carries no PAGE_DATA');
    return JSON.parse(json) as MonitoringPageData;
  };

  it('renders every evaluation of the deployed version with live metrics, P&L and volume from the monitor', async () => {
    const res = await get(`/models/${MODEL}/monitoring`, ['trader']);
    expect(res.status).toBe(200);
    const html = await res.text();
    const data = dataOf(html);
    expect(data.model).toBe(MODEL);
    expect(data.metrics.map((m) => m.key)).toEqual(['accuracy', 'rocAuc']);
    expect(data.versions.map((v) => [v.number, v.stage])).toEqual([[version, 'production']]);
    const evals = data.versions[0]!.evaluations;
    expect(evals.map((e) => e.asOf)).toEqual(SESSIONS.map((s) => `${s}T21:30:00.000Z`));
    // Each evaluation counts the outcomes knowable by then: those of the previous sessions.
    evals.forEach((e, k) => {
      const known = served.filter((r) => r.session < SESSIONS[k]!);
      expect(e.outcomes).toBe(known.length);
      if (known.length === 0) expect(e.cumulativePnl).toBeNull();
      else expect(e.cumulativePnl).toBeCloseTo(pnlOf(known), 12);
    });
    const known = served.filter((r) => r.session < SESSIONS.at(-1)!);
    const hits = known.filter((r) => r.probability >= 0.5 === r.label > 0).length;
    expect(evals.at(-1)!.live.accuracy).toBeCloseTo(hits / known.length, 12);
    const validation = await h.ok(
      `query($id: ID!) { modelVersion(id: $id) { metrics(split: VALIDATION) { accuracy rocAuc } } }`,
      { id: (await h.ok(`{ model(name: "${MODEL}") { versions { id } } }`, {}, ['admin'])).model.versions[0].id },
      ['validator'],
    );
    expect(evals.at(-1)!.validation.accuracy).toBeCloseTo(validation.modelVersion.metrics.accuracy, 12);
    expect(evals.at(-1)!.validation.rocAuc).toBeCloseTo(validation.modelVersion.metrics.rocAuc, 12);
    // 40 predictions a session, then LAST_CURRENT once most features are stale; the band is 0.5x-2x the median 40.
    expect(evals.map((e) => e.volume)).toEqual([40, 40, 40, 40, 40, 40, 40, LAST_CURRENT]);
    expect(evals.at(-1)!.volumeBand).toEqual([20, 80]);
    expect(evals[4]!.volumeBand).toBeNull();
    // The thresholds are stated on the page.
    expect(html).toContain('PSI above 0.2');
    expect(html).toContain('Band: 0.5× to 2× the median of the\nprevious 20 sessions');
  });

  it('shows the shifted feature drifting in the heatmap data, and the alerts it raised, newest first', async () => {
    const data = dataOf(await (await get(`/models/${MODEL}/monitoring`, ['validator'], 'victor')).text());
    const evals = data.versions[0]!.evaluations;
    const signal = evals[0]!.drift.find((d) => d.feature.includes('signal'))!.feature;
    expect(evals[0]!.drift.map((d) => d.feature).sort()).toEqual(
      [`${MODEL}_gappy`, `${MODEL}_noise`, `${MODEL}_signal`, 'prediction']
        .map((f) => expect.stringContaining(f))
        .sort(),
    );
    const shifted = evals[SHIFT_FROM]!.drift.find((d) => d.feature === signal)!;
    const noise = evals[SHIFT_FROM]!.drift.find((d) => d.feature.includes('noise'))!;
    expect(shifted.drifted).toBe(true);
    // A 3-sd shift empties most of the training deciles: PSI far above the 0.2 threshold.
    expect(shifted.psi!).toBeGreaterThan(2);
    expect(noise.psi!).toBeLessThan(shifted.psi! / 4);
    const drift = data.alerts.filter((a) => a.rule === 'FEATURE_DRIFT' && a.message.includes(signal));
    expect(drift.map((a) => a.asOf)).toContain(`${SESSIONS[SHIFT_FROM]}T21:30:00.000Z`);
    expect(drift.every((a) => a.severity === 'WARNING' && (a.evidence as { psi: number }).psi > 0.2)).toBe(true);
    const volume = data.alerts.find((a) => a.rule === 'PREDICTION_VOLUME')!;
    expect(volume.message).toBe(
      `${LAST_CURRENT} predictions in session ${SESSIONS.at(-1)}, outside the normal band [20, 80]`,
    );
    const raised = data.alerts.map((a) => a.raisedAt);
    expect(raised).toEqual([...raised].sort().reverse());
    expect(data.alerts.length).toBeGreaterThanOrEqual(3);
    expect(data.canAcknowledge).toBe(true);
  });

  it('renders the alerts as a table with Acknowledge for traders, validators and admins only', async () => {
    const trader = await (await get(`/models/${MODEL}/monitoring`, ['trader'])).text();
    const data = dataOf(trader);
    expect(trader.match(/<button class="ack"/g)).toHaveLength(data.alerts.length);
    expect(trader).toContain(
      `${LAST_CURRENT} predictions in session ${SESSIONS.at(-1)}, outside the normal band [20, 80]`,
    );
    const compliance = await get(`/models/${MODEL}/monitoring`, ['compliance'], 'cora');
    expect(compliance.status).toBe(200);
    const text = await compliance.text();
    expect(dataOf(text).canAcknowledge).toBe(false);
    expect(text).not.toContain('<button class="ack"');
    expect(text).toContain('not acknowledged');
  });

  it('refuses other roles as the version page does, and says 404 for an unknown model', async () => {
    const viewer = await get(`/models/${MODEL}/monitoring`, ['viewer'], 'vic');
    expect(viewer.status).toBe(403);
    expect(await viewer.text()).toContain(
      'the monitoring page is for trader, validator, compliance, researcher, admin; your roles are viewer',
    );
    expect((await fetch(`${base}/models/${MODEL}/monitoring`)).status).toBe(401);
    expect((await get('/models/nosuch/monitoring', ['trader'])).status).toBe(404);
  });

  it('says what is missing: no deployed version', async () => {
    await h.ok(
      `mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }`,
      {
        input: {
          name: 'idle',
          task: 'REGRESSION',
          description: 'never deployed',
          owner: 'alpha-team',
          universe: ['S00'],
          label: 'fwd_1',
          problem: {
            objective: 'ALPHA',
            statement: 'Predict the next-day return of each instrument.',
            successCriteria: [{ metric: 'rmse', op: 'LTE', threshold: 1 }],
            maxScoringLatencyMs: 1000,
            maxFeatures: 10,
          },
        },
      },
      ['researcher'],
      'alice',
    );
    const html = await (await get('/models/idle/monitoring', ['researcher'], 'rita')).text();
    expect(html).toContain('has no deployed\nversion (PRODUCTION, CANARY or PAPER)');
    expect(dataOf(html).metrics.map((m) => m.key)).toEqual(['ic', 'rmse']);
    expect(html).toContain('No alert has been raised for this model.');
  });

  it('says what is missing: a deployed version with no evaluation yet', async () => {
    const [model] = await h.service.stores.models.byNames([MODEL]);
    await h.runtime.handle.db.delete(monitorReports).where(eq(monitorReports.modelId, model!.id));
    const html = await (await get(`/models/${MODEL}/monitoring`, ['trader'])).text();
    expect(html).toContain(`No evaluation yet for version ${version}:\nrun runMonitoring or wait for the schedule.`);
    expect(dataOf(html).versions[0]!.evaluations).toEqual([]);
    expect(html).not.toContain(`id="drift-v${version}"`);
  });
});
