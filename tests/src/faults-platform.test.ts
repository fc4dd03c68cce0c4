import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

// Root fields of two subgraphs: market-data answers `instruments`, alt-data the nullable `dataset`.
const QUERY = '{ instruments(first: 5) { totalCount } dataset(name: "none") { name } }';

type Outcome = 'complete' | 'partial' | 'failed';

describe('faults under the launcher (real processes, supervised)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ demo: false });
    const seeded = await p.query(
      'mutation($input: IngestBarsInput!) { ingestBars(input: $input) { ok } }',
      {
        input: {
          source: 'seed',
          mapping: 'all_stocks_5yr',
          rows: [{ symbol: 'ACME', time: '2016-03-14', open: 1, high: 2, low: 1, close: 2, volume: 10 }],
        },
      },
      { token: await p.token(['service']) },
    );
    expect(seeded.data?.ingestBars?.ok).toBe(true);
  });
  afterAll(async () => {
    await p?.dispose();
  });

  /** One request: complete, partial (market-data's data with an error naming alt-data), or failed. */
  async function once(): Promise<{ outcome: Outcome; detail: string }> {
    try {
      const body = await p.query(QUERY);
      if (body.data?.instruments?.totalCount !== 1) return { outcome: 'failed', detail: JSON.stringify(body) };
      if (!body.errors) return { outcome: 'complete', detail: '' };
      const named = body.errors.every((e) => JSON.stringify(e).includes('alt-data'));
      return { outcome: named ? 'partial' : 'failed', detail: JSON.stringify(body.errors) };
    } catch (error) {
      return { outcome: 'failed', detail: String(error) };
    }
  }

  /** Steady load from `workers` clients until `stop` resolves; counts outcomes. */
  async function load(workers: number, stop: Promise<void>) {
    const counts: Record<Outcome, number> = { complete: 0, partial: 0, failed: 0 };
    const failures: string[] = [];
    let done = false;
    void stop.then(() => {
      done = true;
    });
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!done) {
          const { outcome, detail } = await once();
          counts[outcome] += 1;
          if (outcome === 'failed' && failures.length < 5) failures.push(detail);
          await new Promise((r) => setTimeout(r, 20));
        }
      }),
    );
    return { counts, failures };
  }

  async function until(what: string, check: () => Promise<boolean> | boolean, ms = 120_000) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('a subgraph killed under steady load: partial answers name it; the gateway recovers without a restart', async () => {
    const gatewayPid = p.pid('gateway');
    const victim = p.pid('alt-data')!;
    let finish: () => void = () => {};
    const stop = new Promise<void>((r) => {
      finish = r;
    });
    const running = load(4, stop);
    await new Promise((r) => setTimeout(r, 2_000));
    process.kill(victim, 'SIGKILL');
    // The launcher restarts alt-data; load continues until answers are complete again for 2 s.
    await until('alt-data restarted', () => p.restarts('alt-data') === 1 && p.pid('alt-data') !== undefined);
    await until('complete answers again', async () => (await once()).outcome === 'complete');
    await new Promise((r) => setTimeout(r, 2_000));
    finish();
    const { counts, failures } = await running;
    console.log(
      `[faults] alt-data SIGKILLed under load: ${counts.complete} complete, ${counts.partial} partial (naming alt-data), ` +
        `${counts.failed} failed answers`,
    );
    expect(failures).toEqual([]);
    expect(counts.failed).toBe(0);
    expect(counts.partial).toBeGreaterThan(0);
    expect(counts.complete).toBeGreaterThan(0);
    expect(p.pid('gateway')).toBe(gatewayPid);
    expect(p.restarts('gateway')).toBe(0);
    expect((await once()).outcome).toBe('complete');
  });

  it('the gateway killed with SIGKILL is restarted by the launcher and answers', async () => {
    const before = p.pid('gateway')!;
    let finish: () => void = () => {};
    const stop = new Promise<void>((r) => {
      finish = r;
    });
    const running = load(2, stop);
    await new Promise((r) => setTimeout(r, 1_000));
    process.kill(before, 'SIGKILL');
    await until('the gateway restarted', () => p.restarts('gateway') === 1 && p.pid('gateway') !== undefined);
    await until('the gateway answering', async () => (await once()).outcome === 'complete');
    finish();
    const { counts } = await running;
    console.log(
      `[faults] gateway SIGKILLed under load: ${counts.complete} complete, ${counts.failed} failed while it was down`,
    );
    expect(p.pid('gateway')).not.toBe(before);
    const body = await p.query('{ instrument(symbol: "ACME") { symbol } }');
    expect(body).toMatchObject({ status: 200, data: { instrument: { symbol: 'ACME' } } });
    expect(body.errors).toBeUndefined();
  });
});
