import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { predictionOutcomes } from '@alphagraph/db/schema/models';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MonitoringHarness, startMonitoringHarness, UNIVERSE } from '../../test-support/monitoring.ts';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const SIGNALS = `query($a: DateTime) { signals(model: "mon", asOf: $a) { status } }`;
const RUN = `mutation($a: DateTime) { runMonitoring(model: "mon", asOf: $a) { asOf flushed joined
  reports { version stage volume volumeBand staleFraction drift { feature method statistic pValue drifted psi psiThreshold referenceCount currentCount } }
  alerts { id model version rule severity message evidence asOf killSwitchPulled } } }`;
const CONFIGURE = `mutation($i: MonitoringSettingsInput!) { configureMonitoring(model: "mon", input: $i) { windowSessions minDriftSamples psiThreshold killOnCritical losingStreak webhookUrl natsSubject } }`;

const session = (k: number) => new Date(Date.UTC(2016, 5, 1 + k, 21)).toISOString();

describe.each(testDatabaseKinds())('monitoring, drift and alerts on %s', (kind) => {
  let m: MonitoringHarness;
  let nats: NatsConnection;
  const webhook: unknown[] = [];
  const published: unknown[] = [];
  let server: ReturnType<typeof createServer>;
  const subject = `alphagraph.test.alerts.${kind}.${Date.now()}`;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        webhook.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    nats = await connect({ servers: NATS_URL });
    const sub = nats.subscribe(subject);
    void (async () => {
      for await (const msg of sub) published.push(msg.json());
    })();
    m = await startMonitoringHarness(kind, { natsUrl: NATS_URL });
  }, 120_000);
  afterAll(async () => {
    await m?.h.dispose();
    await nats?.drain();
    server?.close();
  });

  it('stores settings with defaults, refuses bad ones by name, and admins alone change them', async () => {
    const defaults = await m.h.ok(
      `{ model(name: "mon") { monitoring { settings { windowSessions psiThreshold ksPValue wassersteinThreshold losingStreak killOnCritical } } } }`,
      {},
      ['trader'],
    );
    expect(defaults.model.monitoring.settings).toEqual({
      windowSessions: 20,
      psiThreshold: 0.2,
      ksPValue: 0.05,
      wassersteinThreshold: 0.1,
      losingStreak: 5,
      killOnCritical: false,
    });
    const bad = await m.h.exec(CONFIGURE, { i: { psiThreshold: -1 } }, ['admin'], 'ada');
    expect(bad.errors?.[0]?.message).toMatch(/^configureMonitoring: psiThreshold: /);
    expect((await m.h.exec(CONFIGURE, { i: { psiThreshold: 0.3 } }, ['trader'])).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const set = await m.h.ok(
      CONFIGURE,
      { i: { windowSessions: 5, minDriftSamples: 40, webhookUrl: url, natsSubject: subject } },
      ['admin'],
      'ada',
    );
    expect(set.configureMonitoring).toMatchObject({
      windowSessions: 5,
      minDriftSamples: 40,
      psiThreshold: 0.2,
      webhookUrl: url,
      natsSubject: subject,
    });
  });

  it('finds no drift while the served values come from the training distribution, and raises FEATURE_DRIFT when one shifts', async () => {
    for (let k = 0; k < 5; k++) {
      m.serveDate(10 + k * 7);
      await m.h.ok(SIGNALS, { a: session(k) }, ['trader']);
    }
    const calm = (await m.h.ok(RUN, { a: session(4) }, ['admin'], 'ada')).runMonitoring;
    expect(calm.flushed).toBe(5 * 2 * UNIVERSE.length);
    const production = calm.reports.find((r: { stage: string }) => r.stage === 'PRODUCTION');
    expect(production.drift.map((d: { feature: string }) => d.feature)).toEqual([...m.refs, 'prediction']);
    const signal = production.drift.find((d: { feature: string }) => d.feature === 'mon_signal@1');
    expect(signal).toMatchObject({ method: 'ks', drifted: false, currentCount: 40 });
    expect(signal.referenceCount).toBeGreaterThan(500);
    expect(calm.alerts.filter((a: { rule: string }) => a.rule === 'FEATURE_DRIFT')).toEqual([]);

    for (let k = 5; k < 10; k++) {
      m.serveDate(12 + k * 7, { 'mon_signal@1': 3 });
      await m.h.ok(SIGNALS, { a: session(k) }, ['trader']);
    }
    const shifted = (await m.h.ok(RUN, { a: session(9) }, ['admin'], 'ada')).runMonitoring;
    const drift = shifted.alerts.filter((a: { rule: string }) => a.rule === 'FEATURE_DRIFT');
    // Its sample of 40 is small: another feature may cross p 0.05 by chance; the shifted one must be found.
    const signalDrift = drift.filter((a: { evidence: { feature: string } }) => a.evidence.feature === 'mon_signal@1');
    expect(signalDrift.map((a: { version: number }) => a.version).sort()).toEqual(
      [m.production.number, m.canary.number].sort(),
    );
    const evidence = signalDrift[0].evidence;
    expect(evidence.metric).toBe('ks');
    expect(evidence.pValue).toBeLessThan(1e-6);
    expect(evidence.psi).toBeGreaterThan(0.2);
    expect(signalDrift[0]).toMatchObject({ severity: 'WARNING', asOf: session(9), killSwitchPulled: false });

    // Still shifted at the next evaluation: the breach continues, no second alert.
    m.serveDate(90, { 'mon_signal@1': 3 });
    await m.h.ok(SIGNALS, { a: session(10) }, ['trader']);
    const again = (await m.h.ok(RUN, { a: session(10) }, ['admin'], 'ada')).runMonitoring;
    expect(again.alerts.filter((a: { rule: string }) => a.rule === 'FEATURE_DRIFT')).toEqual([]);

    // Published: the webhook and the NATS subject got each raised alert.
    await new Promise((r) => setTimeout(r, 300));
    const ids = shifted.alerts.map((a: { id: string }) => a.id).sort();
    expect(webhook.map((w) => (w as { id: string }).id).sort()).toEqual(expect.arrayContaining(ids));
    expect(published.map((p) => (p as { id: string }).id).sort()).toEqual(expect.arrayContaining(ids));
    expect(published.find((p) => (p as { id: string }).id === signalDrift[0].id)).toMatchObject({
      model: 'mon',
      rule: 'FEATURE_DRIFT',
      severity: 'WARNING',
    });
  });

  it('acknowledges an alert once, with a note, and names what is wrong otherwise', async () => {
    const { model } = await m.h.ok(`{ model(name: "mon") { alerts(unacknowledgedOnly: true) { id rule } } }`, {}, [
      'validator',
    ]);
    const id = model.alerts[0].id;
    const ACK = `mutation($id: ID!, $n: String!) { acknowledgeAlert(id: $id, note: $n) { acknowledgedBy acknowledgement } }`;
    expect((await m.h.exec(ACK, { id, n: 'ok' }, ['trader'], 'tina')).errors?.[0]?.message).toMatch(
      /5 characters at least/,
    );
    expect(
      (await m.h.ok(ACK, { id, n: 'vendor feed checked, shift is real' }, ['trader'], 'tina')).acknowledgeAlert,
    ).toEqual({
      acknowledgedBy: 'tina',
      acknowledgement: 'vendor feed checked, shift is real',
    });
    expect((await m.h.exec(ACK, { id, n: 'again, later on' }, ['trader'], 'tom')).errors?.[0]?.message).toMatch(
      /already acknowledged by tina/,
    );
    expect((await m.h.exec(ACK, { id: 'nope', n: 'no such alert' }, ['trader'])).errors?.[0]?.message).toBe(
      'no alert has id nope',
    );
    expect((await m.h.exec(ACK, { id, n: 'compliance cannot' }, ['compliance'])).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
  });

  it('computes live metrics beside validation from outcomes, and a losing streak pulls the kill switch when configured', async () => {
    const model = (await m.h.service.stores.models.byNames(['mon']))[0]!;
    // Four sessions of outcomes for the production version: the signal says up (p >= 0.5); the label
    // rises in the first session and falls in the next three.
    const outcomes = [0, 1, 2, 3].flatMap((k) =>
      ['S00', 'S01'].map((entity, i) => ({
        modelId: model.id,
        version: m.production.number,
        stage: 'production',
        entity,
        session: session(20 + k).slice(0, 10),
        t: new Date(session(20 + k)),
        prediction: 1,
        probability: 0.8,
        label: k === 0 ? 0.02 : -0.02,
        knownAt: new Date(session(21 + k)),
        requestId: `r${k}`,
      })),
    );
    await m.h.runtime.handle.db.insert(predictionOutcomes).values(outcomes);
    const live = await m.h.ok(
      `query($id: ID!, $a: DateTime) { modelVersion(id: $id) { liveMetrics(windowSessions: 3, asOf: $a) { outcomes from to pnl losingStreak live { accuracy hitRate precision } validation { accuracy hitRate } } } }`,
      { id: m.production.id, a: session(30) },
      ['trader'],
    );
    const lm = live.modelVersion.liveMetrics;
    // The last 3 sessions: 6 outcomes, all wrong; session P&L = mean(+1 x -0.02) = -0.02 each.
    expect(lm).toMatchObject({
      outcomes: 6,
      from: session(21).slice(0, 10),
      to: session(23).slice(0, 10),
      losingStreak: 3,
    });
    expect(lm.live.accuracy).toBe(0);
    expect(lm.live.hitRate).toBe(0);
    expect(lm.pnl).toBeCloseTo(-0.06, 12);
    expect(lm.validation.accuracy).toBeGreaterThan(0.5);
    expect(lm.validation.hitRate).toBe(lm.validation.accuracy);
    // Outcomes not knowable at asOf are not counted.
    const early = await m.h.ok(
      `query($id: ID!, $a: DateTime) { modelVersion(id: $id) { liveMetrics(asOf: $a) { outcomes } } }`,
      { id: m.production.id, a: session(22) },
      ['trader'],
    );
    expect(early.modelVersion.liveMetrics.outcomes).toBe(4);

    await m.h.ok(CONFIGURE, { i: { losingStreak: 3, minOutcomes: 1, killOnCritical: true } }, ['admin'], 'ada');
    const run = (await m.h.ok(RUN, { a: session(30) }, ['admin'], 'ada')).runMonitoring;
    const streak = run.alerts.find((a: { rule: string }) => a.rule === 'LOSING_STREAK');
    expect(streak).toMatchObject({ severity: 'CRITICAL', version: m.production.number });
    expect(streak.evidence).toMatchObject({ metric: 'losing_streak', value: 3, threshold: 3 });
    // Accuracy fell from validation too (METRIC_DROP, critical): the first critical alert pulls the switch.
    expect(run.alerts.map((a: { rule: string }) => a.rule)).toEqual(
      expect.arrayContaining(['METRIC_DROP', 'LOSING_STREAK']),
    );
    const puller = run.alerts.filter((a: { killSwitchPulled: boolean }) => a.killSwitchPulled);
    expect(puller).toHaveLength(1);
    expect(puller[0].severity).toBe('CRITICAL');
    const { model: after } = await m.h.ok(
      `{ model(name: "mon") { killSwitch { killedBy reason } history { action actor } } }`,
      {},
      ['admin'],
    );
    expect(after.killSwitch.killedBy).toBe('alphagraph-monitor');
    expect(after.killSwitch.reason).toBe(
      `automatic: critical alert ${puller[0].rule.toLowerCase()} (${puller[0].id}): ${puller[0].message}`,
    );
    expect(after.history.at(-1)).toEqual({ action: 'kill', actor: 'alphagraph-monitor' });
    expect((await m.h.ok(SIGNALS, {}, ['trader'])).signals.status).toBe('MODEL_KILLED');
  });
});
