// The models path end to end through the gateway, on the demo data: the demo walkthrough (a
// researcher builds an Alpha158 training set, trains a logistic regression and a random forest; a
// second user validates one), then an admin deploys in phases and rolls back, a trader pulls the
// kill switch, compliance reads the history, and the model card page draws its importances in a
// real Chromium with every outside request blocked.
import { demoUniverse, runModelsDemo } from '@alphagraph/cli';
import { launchChromium, skipBrowserTests } from '@alphagraph/pages/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const BROWSER = !skipBrowserTests('models.test');
const SCREENSHOT = '/tmp/model-card.png';
const MODEL = 'demo_alpha158_direction';

const VERSIONS = `query($n: String!) { model(name: $n) { versions { id number algorithm stage status tier
  metrics { rows rocAuc logLoss } baseline { rocAuc logLoss }
  crossValidation { folds mean std perFold { purgedRows embargoedRows } }
  rowCounts { train validation test embargo droppedUnlabeled } artifact { sha256 format } } } }`;

describe('models through the gateway', () => {
  let p: TestPlatform;
  let demo: Awaited<ReturnType<typeof runModelsDemo>>;
  let admin: string;
  let trader: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    demo = await runModelsDemo({ gatewayUrl: p.gatewayUrl, token: p.token, universe: demoUniverse(), log: () => {} });
    admin = await p.token(['admin'], 'ada');
    trader = await p.token(['trader'], 'tom');
  }, 600_000);
  afterAll(async () => {
    await p?.dispose();
  });

  const q = async (query: string, variables: Record<string, unknown>, token: string) => {
    const body = await p.query(query, variables, { token });
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data as Record<string, any>;
  };

  it('the demo trains two versions on a point-in-time Alpha158 set and a second user validates one', async () => {
    expect(demo.created).toBe(true);
    const researcher = await p.token(['researcher'], 'rita');
    const { model } = await q(VERSIONS, { n: MODEL }, researcher);
    expect(model.versions).toHaveLength(2);
    const byAlgorithm = Object.fromEntries(model.versions.map((v: { algorithm: string }) => [v.algorithm, v]));
    expect(byAlgorithm.logistic_regression.tier).toBe('LOW');
    expect(byAlgorithm.random_forest.tier).toBe('HIGH');
    for (const v of model.versions) {
      expect(v.status).toBe('READY');
      expect(v.metrics.rows).toBeGreaterThan(1000);
      expect(v.metrics.rocAuc).toBeGreaterThan(0.3);
      expect(v.baseline.rocAuc).toBe(0.5);
      expect(v.crossValidation.folds).toBe(5);
      expect(v.crossValidation.perFold.slice(1).every((f: { purgedRows: number }) => f.purgedRows > 0)).toBe(true);
      expect(v.rowCounts.embargo).toBeGreaterThan(0);
      expect(v.artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(model.versions.map((v: { stage: string }) => v.stage).sort()).toEqual(['REJECTED', 'VALIDATED']);
    // Running the demo again changes nothing.
    const again = await runModelsDemo({
      gatewayUrl: p.gatewayUrl,
      token: p.token,
      universe: demoUniverse(),
      log: () => {},
    });
    expect(again.created).toBe(false);
  });

  it('deploys in phases, rolls back, kills and resumes, with the whole history for compliance', async () => {
    const researcher = await p.token(['researcher'], 'rita');
    const validator = await p.token(['validator'], 'val');
    const validated = demo.versions.find((v) => v.stage === 'VALIDATED')!;
    // A second validated version: trained by another researcher, approved by another validator.
    const ts = (await q(`{ model(name: "${MODEL}") { versions { trainingSet { id } } } }`, {}, researcher)).model
      .versions[0].trainingSet.id;
    const trained = await q(
      `mutation($i: TrainModelVersionInput!) { trainModelVersion(input: $i) { id number } }`,
      {
        i: {
          model: MODEL,
          trainingSet: ts,
          algorithm: 'logistic_regression',
          hyperparameters: { C: 1 },
          seed: 1,
          crossValidation: { folds: 0 },
        },
      },
      researcher,
    );
    const v3 = trained.trainModelVersion;
    for (let i = 0; i < 600; i++) {
      const s = (await q(`query($id: ID!) { modelVersion(id: $id) { status error } }`, { id: v3.id }, researcher))
        .modelVersion;
      if (s.status === 'READY') break;
      if (s.status === 'FAILED') throw new Error(s.error);
      await new Promise((r) => setTimeout(r, 250));
    }
    await q(
      `mutation($id: ID!) { submitForValidation(version: $id, note: "stronger regularization removed") { id } }`,
      { id: v3.id },
      researcher,
    );
    const selfApproval = await p.query(
      `mutation($id: ID!) { approveVersion(version: $id, findings: "I trained it and it is fine") { id } }`,
      { id: v3.id },
      { token: await p.token(['researcher', 'validator'], 'rita') },
    );
    expect(selfApproval.errors?.[0]?.message).toMatch(/four eyes: rita trained the version and submitted it/);
    await q(
      `mutation($id: ID!) { approveVersion(version: $id, findings: "reviewed metrics and the card", overrideJustification: "demo data: validated for the deployment walkthrough only") { stage } }`,
      { id: v3.id },
      validator,
    );

    const promote = (id: string, to: string, fraction?: number) =>
      q(
        `mutation($id: ID!, $to: PromotionTarget!, $f: Float) { promoteVersion(version: $id, to: $to, reason: "rollout step approved by the desk", capitalFraction: $f) { number stage capitalFraction } }`,
        { id, to, f: fraction ?? null },
        admin,
      );
    expect((await promote(validated.id, 'CANARY', 0.05)).promoteVersion).toEqual({
      number: validated.number,
      stage: 'CANARY',
      capitalFraction: 0.05,
    });
    expect((await promote(validated.id, 'PRODUCTION')).promoteVersion.stage).toBe('PRODUCTION');
    await promote(v3.id, 'CANARY', 0.1);
    await promote(v3.id, 'PRODUCTION');
    const rolled = await q(
      `mutation { rollback(model: "${MODEL}", reason: "new version underperforms live") { number stage } }`,
      {},
      admin,
    );
    expect(rolled.rollback).toEqual({ number: validated.number, stage: 'PRODUCTION' });

    const deniedKill = await p.query(
      `mutation { killSwitch(model: "${MODEL}", reason: "I am not allowed to") { name } }`,
      {},
      { token: researcher },
    );
    expect(deniedKill.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const killed = await q(
      `mutation { killSwitch(model: "${MODEL}", reason: "venue outage, stop signals") { killSwitch { killedBy reason } } }`,
      {},
      trader,
    );
    expect(killed.killSwitch.killSwitch).toEqual({ killedBy: 'tom', reason: 'venue outage, stop signals' });
    await q(`mutation { resume(model: "${MODEL}", reason: "venue back, signals checked") { name } }`, {}, admin);

    // Traders see the production version only.
    const traderView = (
      await q(`{ model(name: "${MODEL}") { versions { number stage } productionVersion { number card } } }`, {}, trader)
    ).model;
    expect(traderView.versions).toEqual([{ number: validated.number, stage: 'PRODUCTION' }]);
    expect(traderView.productionVersion.card).toContain('## Validation record');
    const history = (
      await q(
        `{ model(name: "${MODEL}") { history { action version fromStage toStage actor } } }`,
        {},
        await p.token(['compliance'], 'cora'),
      )
    ).model.history;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'submit',
      'approve',
      'reject',
      'submit',
      'approve',
      'promote',
      'promote',
      'promote',
      'replace',
      'promote',
      'rollback',
      'rollback',
      'kill',
      'resume',
    ]);
    expect(history.find((e: { action: string }) => e.action === 'approve')).toMatchObject({
      actor: 'demo-validator',
      fromStage: 'REGISTERED',
      toStage: 'VALIDATED',
    });
  });

  it('serves signals from the real online store, logs them, monitors them and streams alerts to subscribers', async () => {
    const service = await p.token(['service'], 'svc-signals');
    const SIGNALS = `query($a: DateTime) { signals(model: "${MODEL}", asOf: $a) { status requestId asOf
      sets { version stage capitalFraction features rows { symbol status prediction probability featureStatuses } } } }`;
    // The demo's bars end on 2018-02-07: as of the next morning every Alpha158 value is CURRENT.
    const then = (await q(SIGNALS, { a: '2018-02-08T12:00:00Z' }, trader)).signals;
    expect(then.status).toBe('OK');
    const production = then.sets.find((s: { stage: string }) => s.stage === 'PRODUCTION');
    expect(production.capitalFraction).toBe(1);
    expect(production.features.length).toBeGreaterThan(100);
    expect(production.rows.map((r: { symbol: string }) => r.symbol).sort()).toEqual([...demoUniverse()].sort());
    const scored = production.rows.filter((r: { status: string }) => r.status === 'OK');
    expect(scored.length).toBeGreaterThan(15);
    for (const r of scored) {
      expect(r.probability).toBeGreaterThanOrEqual(0);
      expect(r.probability).toBeLessThanOrEqual(1);
      expect(r.prediction).toBe(r.probability >= 0.5 ? 1 : 0);
      expect(new Set(r.featureStatuses)).toEqual(new Set(['CURRENT']));
    }
    // Now, eight years later, every value is past its TTL: no signal, and the reason.
    const now = (await q(SIGNALS, {}, service)).signals;
    expect(new Set(now.sets[0].rows.map((r: { status: string }) => r.status))).toEqual(new Set(['FEATURE_EXPIRED']));
    const compliance = await p.query(SIGNALS, {}, { token: await p.token(['compliance'], 'cora') });
    expect(compliance.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A trader subscribes to the model's alerts through the gateway (SSE); a viewer and nobody are refused.
    const subscribe = async (token: string | null) => {
      const controller = new AbortController();
      const response = await fetch(p.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({
          query: `subscription { alertRaised(model: "${MODEL}") { model rule severity message evidence } }`,
        }),
        signal: controller.signal,
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      const next = async (): Promise<Record<string, any>> => {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const message = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = message
              .split('\n')
              .filter((l) => l.startsWith('data:'))
              .map((l) => l.slice(5))
              .join('\n');
            if (data.trim()) return JSON.parse(data);
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('the alert stream ended');
          buffer += value;
        }
      };
      return { next, close: () => controller.abort() };
    };
    const viewer = await subscribe(await p.token(['viewer'], 'vic'));
    expect((await viewer.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    viewer.close();
    const nobody = await subscribe(null);
    expect((await nobody.next()).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    nobody.close();
    const stream = await subscribe(trader);
    await new Promise((r) => setTimeout(r, 1_500));

    // The monitoring job: flushes both answers' rows to the lake and finds today's signals stale.
    const run = (
      await q(
        `mutation { runMonitoring(model: "${MODEL}") { flushed reports { stage volume staleFraction } alerts { rule severity } } }`,
        {},
        service,
      )
    ).runMonitoring;
    expect(run.flushed).toBeGreaterThanOrEqual(2 * demoUniverse().length);
    expect(run.reports.find((r: { stage: string }) => r.stage === 'PRODUCTION')).toMatchObject({
      staleFraction: 1,
      volume: 0,
    });
    expect(run.alerts).toContainEqual({ rule: 'STALE_FEATURES', severity: 'WARNING' });
    const event = await Promise.race([
      stream.next(),
      new Promise<never>((_r, reject) =>
        setTimeout(() => reject(new Error('no alert reached the subscriber')), 20_000),
      ),
    ]);
    stream.close();
    expect(event.data.alertRaised).toMatchObject({ model: MODEL, rule: 'STALE_FEATURES', severity: 'WARNING' });
    expect(event.data.alertRaised.evidence).toMatchObject({ metric: 'stale_fraction', value: 1, threshold: 0.2 });

    // Compliance reads the evaluations and the alerts, never the signals.
    const monitoring = (
      await q(
        `{ model(name: "${MODEL}") { monitoring { reports { stage staleFraction } } alerts { rule acknowledgedBy } } }`,
        {},
        await p.token(['compliance'], 'cora'),
      )
    ).model;
    expect(monitoring.monitoring.reports.length).toBeGreaterThan(0);
    expect(monitoring.alerts.map((a: { rule: string }) => a.rule)).toContain('STALE_FEATURES');
  });

  it.skipIf(!BROWSER)('shows the model card page with its importances chart, with no outside requests', async () => {
    const validated = demo.versions.find((v) => v.stage === 'VALIDATED')!;
    const base = p.gatewayUrl.replace(/\/graphql$/, '');
    const url = `${base}/models/${MODEL}/versions/${validated.number}`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    const viewer = await fetch(url, { headers: { authorization: `Bearer ${await p.token(['viewer'], 'vic')}` } });
    expect(viewer.status).toBe(403);
    const browser: Browser = await launchChromium();
    try {
      const context = await browser.newContext({
        viewport: { width: 1200, height: 1600 },
        extraHTTPHeaders: { authorization: `Bearer ${trader}` },
      });
      const outside: string[] = [];
      await context.route('**/*', (route) => {
        const { hostname, protocol } = new URL(route.request().url());
        if (/^https?:$/.test(protocol) && hostname !== '127.0.0.1' && hostname !== 'localhost') {
          outside.push(route.request().url());
          return route.abort('internetdisconnected');
        }
        return route.continue();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await page.waitForSelector('#importances[data-drawn="true"] svg');
      expect(await page.textContent('h1')).toContain(`${MODEL} — version ${validated.number}`);
      const bars = await page.locator('#importances svg rect').count();
      const expected = (
        await q(`query($id: ID!) { modelVersion(id: $id) { importances { kind } } }`, { id: validated.id }, admin)
      ).modelVersion.importances;
      // One bar per importance drawn (at most 20 per kind).
      const perKind = new Map<string, number>();
      for (const i of expected) perKind.set(i.kind, Math.min(20, (perKind.get(i.kind) ?? 0) + 1));
      expect(bars).toBe([...perKind.values()].reduce((a, b) => a + b, 0));
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      expect(outside).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it('serves the monitoring page through the gateway to traders, and refuses viewers as the card page does', async () => {
    const url = `${p.gatewayUrl.replace(/\/graphql$/, '')}/models/${MODEL}/monitoring`;
    const page = await fetch(url, { headers: { authorization: `Bearer ${trader}` } });
    expect(page.status).toBe(200);
    // The page may call the gateway's own /graphql (Acknowledge), nothing else.
    expect(page.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(await page.text()).toContain(`<h1>${MODEL} — monitoring</h1>`);
    const viewer = await fetch(url, { headers: { authorization: `Bearer ${await p.token(['viewer'], 'vic')}` } });
    expect(viewer.status).toBe(403);
    expect(await viewer.text()).toContain(
      'the monitoring page is for trader, validator, compliance, researcher, admin',
    );
  });
});
