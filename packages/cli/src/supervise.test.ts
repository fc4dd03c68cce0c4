import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './ports.ts';
import { startTsProcess } from './process.ts';
import { type SupervisedProcess, superviseProcess } from './supervise.ts';

// A process that serves /healthz on PORT and logs "fixture ready"; it exits right after being
// ready while the file DIE_FILE holds a positive count (decremented each time).
const FIXTURE = `
import { createServer } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
const server = createServer((req, res) => { res.writeHead(req.url === '/healthz' ? 200 : 404); res.end('ok'); });
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log('fixture ready');
  const left = Number(readFileSync(process.env.DIE_FILE, 'utf8') || '0');
  if (left > 0) { writeFileSync(process.env.DIE_FILE, String(left - 1)); setTimeout(() => process.exit(3), 50); }
});
`;

describe('the launcher supervises its processes', () => {
  let dir: string;
  let entry: string;
  let supervised: SupervisedProcess | undefined;
  const lines: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ag-supervise-'));
    entry = join(dir, 'fixture.mjs');
    writeFileSync(entry, FIXTURE);
  });
  afterEach(async () => {
    await supervised?.stop();
    supervised = undefined;
    lines.length = 0;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function start(dies = 0) {
    const port = await freePort();
    const dieFile = join(dir, `die-${port}`);
    writeFileSync(dieFile, String(dies));
    supervised = await superviseProcess({
      name: 'fixture',
      start: (timeoutMs) =>
        startTsProcess({
          name: 'fixture',
          entry,
          env: { ...process.env, PORT: String(port), DIE_FILE: dieFile },
          readyLine: /^fixture ready$/,
          log: () => {},
          timeoutMs,
        }),
      healthUrl: `http://127.0.0.1:${port}/healthz`,
      log: (line) => lines.push(line),
      supervision: {
        backoff: { initialMs: 100, maxMs: 1_000 },
        healthIntervalMs: 200,
        healthTimeoutMs: 200,
        unhealthyAfter: 3,
      },
    });
    return { port, dieFile, s: supervised };
  }
  const answers = async (port: number) =>
    (await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(1_000) })).status;
  async function until(what: string, check: () => boolean, ms = 20_000) {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms:\n${lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('restarts a process killed with SIGKILL on the same port, and logs it', async () => {
    const { port, s } = await start();
    const first = s.pid!;
    process.kill(first, 'SIGKILL');
    await until('a restart', () => s.restarts === 1 && s.pid !== undefined);
    await until('readiness', () => lines.includes('[platform] fixture is ready again (restart 1)'));
    expect(s.pid).not.toBe(first);
    expect(await answers(port)).toBe(200);
    expect(lines[0]).toBe('[platform] fixture exited (code null, signal SIGKILL); restarting in 100 ms');
  });

  it('backs off exponentially while a process keeps dying, up to the maximum', async () => {
    const { port, dieFile, s } = await start(4);
    await until('four restarts and a stable process', () => s.restarts === 4 && readFileSync(dieFile, 'utf8') === '0');
    await until('readiness', () => lines.includes('[platform] fixture is ready again (restart 4)'));
    expect(lines.filter((l) => l.includes('exited')).map((l) => l.replace(/^.*restarting in /, ''))).toEqual([
      '100 ms',
      '200 ms',
      '400 ms',
      '800 ms',
    ]);
    expect(lines.filter((l) => l.includes('exited')).every((l) => l.includes('(code 3, signal null)'))).toBe(true);
    expect(await answers(port)).toBe(200);
  });

  it('kills and restarts a process that stops answering its health check (SIGSTOP)', async () => {
    const { port, s } = await start();
    const hung = s.pid!;
    process.kill(hung, 'SIGSTOP');
    await until('a restart of the hung process', () => s.restarts === 1 && s.pid !== undefined && s.pid !== hung);
    await until('readiness', () => lines.includes('[platform] fixture is ready again (restart 1)'));
    expect(lines.filter((l) => l.includes('failed health check')).map((l) => l.match(/check (\d\/\d)/)?.[1])).toEqual([
      '1/3',
      '2/3',
      '3/3',
    ]);
    expect(lines).toContain('[platform] fixture is not answering; killing it (SIGKILL) to restart it');
    expect(await answers(port)).toBe(200);
  });

  it('gives the first start as long as readyTimeoutMs says to log that it is ready', async () => {
    const port = await freePort();
    const dieFile = join(dir, `die-${port}`);
    writeFileSync(dieFile, '0');
    await expect(
      superviseProcess({
        name: 'fixture',
        start: (timeoutMs) =>
          startTsProcess({
            name: 'fixture',
            entry,
            env: { ...process.env, PORT: String(port), DIE_FILE: dieFile },
            readyLine: /^a line the fixture never logs$/,
            log: () => {},
            timeoutMs,
          }),
        healthUrl: `http://127.0.0.1:${port}/healthz`,
        log: (line) => lines.push(line),
        supervision: { readyTimeoutMs: 1_500 },
      }),
    ).rejects.toThrow('fixture did not become ready within 1500 ms');
    // The start that was not ready in time was ended with the failed launch.
    await expect(answers(port)).rejects.toThrow();
  });

  it('does not restart a process it was asked to stop', async () => {
    const { port, s } = await start();
    await s.stop();
    await new Promise((r) => setTimeout(r, 500));
    expect(s.restarts).toBe(0);
    await expect(answers(port)).rejects.toThrow();
    expect(lines).toEqual([]);
  });
});
