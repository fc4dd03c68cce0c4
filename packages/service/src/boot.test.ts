import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { TEST_AUTH_ENV, testToken } from '@alphagraph/auth/testing';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { afterEach, describe, expect, it } from 'vitest';

const FIXTURE = fileURLToPath(new URL('./internal/boot-fixture.ts', import.meta.url));

/**
 * A log line as the test reads it: the service's JSON lines as `[service] msg` (the fixture's own
 * console lines as they are), with the JSON kept for lines that carry more.
 */
function readLine(raw: string): { text: string; json?: Record<string, unknown> } {
  if (!raw.startsWith('{')) return { text: raw };
  const json = JSON.parse(raw) as Record<string, unknown>;
  return { text: `[${String(json.service)}] ${String(json.msg)}`, json };
}

/** A real subgraph process; its log lines in order, and a way to wait for one. */
function startFixture(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, ...TEST_AUTH_ENV, HOST: '127.0.0.1', PORT: '0', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const records: Record<string, unknown>[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onLine = (raw: string) => {
    const { text: line, json } = readLine(raw);
    if (json) records.push(json);
    lines.push(line);
    for (const w of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const lineMatching = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return resolve(seen);
      waiters.push({ pattern, resolve });
      void exited.then(() => reject(new Error(`exited before logging ${pattern}:\n${lines.join('\n')}`)));
    });
  return { child, lines, records, exited, lineMatching };
}

describe.each(testDatabaseKinds())('a subgraph process on %s', (kind) => {
  let dir: string | undefined;
  let database: TestDatabase | undefined;
  let running: ReturnType<typeof startFixture> | undefined;
  afterEach(async () => {
    if (running && running.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
    await database?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('given SIGTERM while answering a request and holding work, stops in order and exits 0', async () => {
    dir = mkdtempSync(join(tmpdir(), 'ag-boot-'));
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    const demoGate = join(dir, 'demo-loaded');
    const fixture = startFixture({
      LAKE_ROOT: join(dir, 'lake'),
      FIXTURE_DEMO_GATE: demoGate,
      ...(database?.url ? { DATABASE_URL: database.url } : { PGLITE_DIR: join(dir, 'pgdata') }),
    });
    running = fixture;
    const listening = await fixture.lineMatching(/^\[models\] listening on /);
    const url = new URL('/graphql', listening.replace(/^\[models\] listening on /, ''));

    // Up but not ready while its demo load runs; ready once it finished.
    expect((await fetch(new URL('/healthz', url))).status).toBe(200);
    const loading = await fetch(new URL('/readyz', url));
    expect(loading.status).toBe(503);
    expect(await loading.json()).toEqual({
      status: 'not ready',
      checks: {
        database: 'ok',
        migrations: 'ok',
        lake: 'ok',
        demo: 'the demo load has not finished',
      },
    });
    writeFileSync(demoGate, '');
    await fixture.lineMatching(/^\[models\] ready$/);
    const ready = await fetch(new URL('/readyz', url));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', lake: 'ok', demo: 'ok' },
    });

    const token = await testToken(['analyst'], 'user-boot-test');
    // Metrics move with real requests.
    const scrape = async () => (await fetch(new URL('/metrics', url))).text();
    const counted = /^alphagraph_subgraph_requests_total\{operation="First",status="200"\} (\d+)$/m;
    expect((await scrape()).match(counted)).toBeNull();
    const first = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query First { models { name } }', operationName: 'First' }),
    });
    expect(first.status).toBe(200);
    const metrics = await scrape();
    expect(metrics.match(counted)?.[1]).toBe('1');
    expect(metrics).toMatch(/^alphagraph_subgraph_request_duration_seconds_count\{operation="First"\} 1$/m);
    const inFlight = fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-request-id': 'boot-test-request-1',
      },
      body: JSON.stringify({ query: 'query ListModels { models { name } }', operationName: 'ListModels' }),
    });
    // The second request started (the first one, above, was answered before).
    while (fixture.lines.filter((l) => l === '[fixture] request started').length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    fixture.child.kill('SIGTERM');
    await fixture.lineMatching(/^\[models\] SIGTERM: stopping$/);
    // No longer listening: a new connection is refused while the request in flight finishes.
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
    const answered = await inFlight.catch((error: unknown) => {
      throw new Error(`${String(error)}\n${fixture.lines.join('\n')}`);
    });
    expect(answered.status).toBe(200);
    expect(await answered.json()).toEqual({ data: { models: [] } });

    expect(await fixture.exited).toEqual({ code: 0, signal: null });
    const shutdown = fixture.lines.slice(fixture.lines.indexOf('[models] SIGTERM: stopping'));
    expect(shutdown).toEqual([
      '[models] SIGTERM: stopping',
      '[fixture] request answered',
      '[models] request answered',
      '[models] stopped taking requests',
      '[fixture] work asked to end',
      '[fixture] work finished its last lake and database reads',
      '[models] stopped its work',
      '[models] stopped sweeping the lake',
      '[models] closed the lake',
      '[models] closed the database',
    ]);
    expect(fixture.lines).toContain('[fixture] work started');

    // Every line logged while answering the request carries its id and the caller, never the token.
    const ofRequest = fixture.records.filter((r) => r.requestId === 'boot-test-request-1');
    expect(ofRequest.map((r) => [r.msg, r.userId, r.service])).toEqual([
      ['resolving models', 'user-boot-test', 'models'],
      ['request answered', 'user-boot-test', 'models'],
    ]);
    expect(ofRequest[1]).toMatchObject({ operation: 'ListModels', status: 200, level: 30 });
    expect(fixture.lines.some((l) => l.includes(token))).toBe(false);
  });
});
