// `alphagraph replay` end to end (issue 14 item 6): a platform whose demo bars stop before the
// replay, then session by session ingestion, incremental materialization, signals and monitoring
// through the gateway, with the volumes of every bar x10 from the shift session. The alerts are read
// back through the graph; outcomes and the prediction log from the database and the lake.

import { REPLAY_PLATFORM_ENV, type ReplayResult, runReplay } from '@alphagraph/cli';
import { openDatabase, rowsOf } from '@alphagraph/db';
import { Lake } from '@alphagraph/lake';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const FROM = '2017-10-02';
const TO = '2017-11-15';
const SHIFT_AT = '2017-10-25';
const LOG_VOLUME = 'replay_log_volume';

describe('paper-trading replay', () => {
  let p: TestPlatform;
  let result: ReplayResult;
  let admin: string;

  beforeAll(async () => {
    p = await startTestPlatform({ env: REPLAY_PLATFORM_ENV(FROM) });
    result = await runReplay({
      gatewayUrl: p.gatewayUrl,
      token: p.token,
      from: FROM,
      to: TO,
      shiftAt: SHIFT_AT,
      log: () => {},
    });
    admin = await p.token(['admin'], 'ada');
  }, 900_000);
  afterAll(async () => {
    await p?.dispose();
  });

  const alertsOf = async (model: string) => {
    const body = await p.query(
      `query($m: String!) { model(name: $m) { alerts(last: 1000) { rule version asOf evidence } } }`,
      { m: model },
      { token: admin },
    );
    if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
    return body.data.model.alerts as { rule: string; asOf: string; evidence: { feature?: string } }[];
  };

  it('walks every session with the bars that arrived and serves signals for both models', () => {
    // 2017-10-02..2017-11-15 holds 33 NYSE sessions (no holiday in between); 20 instruments a session.
    expect(result.sessions).toHaveLength(33);
    expect(result.shiftAt).toBe(SHIFT_AT);
    for (const s of result.sessions) {
      expect(s.rowsIngested).toBe(20);
      expect(s.signals.replay_momentum).toBe(20);
      expect(s.signals.replay_volume).toBe(20);
    }
  });

  it('raises FEATURE_DRIFT on log volume after the shift, and never before it or on the momentum model', async () => {
    const shiftClock = result.sessions.find((s) => s.session === SHIFT_AT)!.asOf;
    const drift = (await alertsOf('replay_volume')).filter((a) => a.rule === 'FEATURE_DRIFT');
    const onVolume = drift.filter((a) => a.evidence.feature?.startsWith(LOG_VOLUME));
    // Edge-triggered: log volume stays shifted to the end, so the alert is raised once.
    expect(onVolume).toHaveLength(1);
    for (const a of onVolume) expect(Date.parse(a.asOf)).toBeGreaterThanOrEqual(Date.parse(shiftClock));
    const momentum = (await alertsOf('replay_momentum')).filter((a) => a.rule === 'FEATURE_DRIFT');
    expect(momentum).toEqual([]);
    // The replay's own account agrees with the graph's.
    const first = result.sessions.find((s) =>
      s.alerts.some((a) => a.rule === 'FEATURE_DRIFT' && a.feature?.startsWith(LOG_VOLUME)),
    );
    expect(first!.session >= SHIFT_AT).toBe(true);
  });

  it('joins outcomes five sessions later, never before their labels are knowable', async () => {
    const live = await p.query(
      `{ model(name: "replay_momentum") { versions { liveMetrics(windowSessions: 40, asOf: "${result.sessions.at(-1)!.asOf}") { outcomes } } } }`,
      {},
      { token: admin },
    );
    expect(live.data.model.versions[0].liveMetrics.outcomes).toBeGreaterThan(0);
    const handle = await openDatabase(
      { url: p.databaseUrl, prepare: true, poolSize: 1, pgliteDir: '' },
      { migrate: false },
    );
    try {
      for (const model of ['replay_momentum', 'replay_volume']) {
        const outcomes = rowsOf<{ session: string; known_at: string | Date }>(
          await handle.db.execute(sql`select o.session, o.known_at from models.prediction_outcomes o
            join models.models m on m.id = o.model_id where m.name = ${model}`),
        );
        const clocks = result.sessions.map((s) => Date.parse(s.asOf));
        const index = new Map(result.sessions.map((s, i) => [s.session, i]));
        // Independent of the join code: a 5-session label of session i is known after session i+4's clock
        // and by session i+5's; and every run joined exactly what had become knowable by its clock.
        for (const o of outcomes) {
          const i = index.get(o.session)!;
          const known = new Date(o.known_at).getTime();
          expect(known).toBeGreaterThan(clocks[i + 4]!);
          expect(known).toBeLessThanOrEqual(clocks[i + 5]!);
        }
        let joined = 0;
        for (const [k, s] of result.sessions.entries()) {
          joined += s.joined[model]!;
          expect(joined).toBe(outcomes.filter((o) => new Date(o.known_at).getTime() <= clocks[k]!).length);
        }
        // Every session but the last five (labels not knowable yet by the end) has its 20 outcomes.
        expect(outcomes.length).toBe((result.sessions.length - 5) * 20);
      }
    } finally {
      await handle.close();
    }
  });

  it('logs one row in the lake per signal row served', async () => {
    const handle = await openDatabase(
      { url: p.databaseUrl, prepare: true, poolSize: 1, pgliteDir: '' },
      { migrate: false },
    );
    const lake = await Lake.open({ root: p.lakeRoot, db: handle.db, threads: 1 });
    try {
      for (const model of ['replay_momentum', 'replay_volume']) {
        const snapshot = await lake.currentSnapshot(`prediction_log_${model}`);
        const [row] = await lake.query<{ n: bigint }>(`SELECT count(*) AS n FROM ${lake.scan(snapshot!)}`);
        const served = result.sessions.reduce((n, s) => n + s.served[model]!, 0);
        expect(served).toBe(result.sessions.length * 20);
        expect(Number(row!.n)).toBe(served);
      }
    } finally {
      await lake.close();
      await handle.close();
    }
  });
});
