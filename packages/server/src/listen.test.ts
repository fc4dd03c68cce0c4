import { createServer, type Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { httpOrigin, listen } from './listen.ts';

describe('httpOrigin', () => {
  it('puts an IPv6 literal in brackets, as a URL needs it', () => {
    expect(httpOrigin('127.0.0.1', 4001)).toBe('http://127.0.0.1:4001');
    expect(httpOrigin('::1', 4001)).toBe('http://[::1]:4001');
    expect(httpOrigin('localhost', 80)).toBe('http://localhost:80');
  });
});

describe('listen and close', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  /** A server whose every answer takes `ms`. */
  const slowServer = (ms: number) =>
    createServer((_req, res) => {
      setTimeout(() => res.end('done'), ms);
    });

  it('reports the port the OS chose, and refuses a port in use', async () => {
    server = slowServer(0);
    const listening = await listen(server, { port: 0, host: '127.0.0.1' });
    const port = Number(new URL(listening.origin).port);
    expect(port).toBeGreaterThan(0);
    await expect(listen(createServer(), { port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('keeps an idle connection open longer than a load balancer idle timeout, and says so to clients', async () => {
    server = slowServer(0);
    const listening = await listen(server, { port: 0, host: '127.0.0.1' });
    const res = await fetch(listening.origin);
    await res.text();
    expect(res.headers.get('keep-alive')).toBe('timeout=65');
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it('lets a request in flight finish within the grace period, refusing new connections', async () => {
    server = slowServer(300);
    const listening = await listen(server, { port: 0, host: '127.0.0.1', stopGraceMs: 5_000 });
    const inFlight = fetch(listening.origin);
    await sleep(100);
    const closed = listening.close();
    await expect(fetch(listening.origin)).rejects.toThrow();
    const res = await inFlight;
    expect(await res.text()).toBe('done');
    // Answered, its kept-alive connection is closed at once rather than at the end of the grace.
    const answeredAt = Date.now();
    await closed;
    expect(Date.now() - answeredAt).toBeLessThan(1_000);
  });

  it('cuts a request still running when the grace period ends', async () => {
    server = slowServer(10_000);
    const listening = await listen(server, { port: 0, host: '127.0.0.1', stopGraceMs: 200 });
    const inFlight = fetch(listening.origin).then(
      () => 'answered',
      () => 'cut',
    );
    await sleep(100);
    const started = Date.now();
    await listening.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await inFlight).toBe('cut');
  });
});
