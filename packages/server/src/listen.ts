import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_STOP_GRACE_MS } from '@alphagraph/config';

/** `http://host:port`, with an IPv6 literal in brackets as a URL needs it. */
export function httpOrigin(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** How long an idle kept-alive connection stays open. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface ListeningServer {
  /** Where it listens, e.g. http://127.0.0.1:4001 (the port the OS chose when given 0). */
  readonly origin: string;
  /**
   * Stops taking connections and closes idle ones; requests in flight may finish for the grace
   * period, after which their connections are cut.
   */
  close(): Promise<void>;
}

/** Listens on `host:port`; rejects (e.g. EADDRINUSE) when it cannot. */
export async function listen(
  server: Server,
  options: { port: number; host: string; stopGraceMs?: number | undefined },
): Promise<ListeningServer> {
  // An idle kept-alive connection is held longer than the usual load balancer's idle timeout
  // (60 s), so a proxy or client whose own timer ran late (a busy event loop) never reuses a
  // connection this server has just closed ("other side closed"). Node's default is 5 s.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: httpOrigin(options.host, port),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A kept-alive connection whose request has been answered would otherwise hold the close
      // until the client or the keep-alive timeout ends it.
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 50).unref();
      const cut = setTimeout(() => server.closeAllConnections(), options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS).unref();
      await closed;
      clearInterval(sweep);
      clearTimeout(cut);
    },
  };
}
