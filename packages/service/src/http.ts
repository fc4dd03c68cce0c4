import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen } from '@alphagraph/server';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';

/** A non-GraphQL route a subgraph serves next to /graphql (e.g. Parquet downloads). */
export interface HttpRoute {
  /** Path prefix, e.g. `/downloads/`. */
  readonly prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const MAX_BODY_BYTES = 50 * 1024 * 1024;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw Object.assign(new Error('request body exceeds 50 MB'), { status: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The subgraph's HTTP server: GraphQL at /graphql (any other path too, as Apollo's standalone
 * server does), a health check at /healthz, and the service's own routes.
 */
export async function serveHttp<C extends BaseContext>(options: {
  apollo: ApolloServer<C>;
  host: string;
  port: number;
  stopGraceMs?: number | undefined;
  routes: readonly HttpRoute[];
  context: (req: IncomingMessage) => Promise<C>;
}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      const route = options.routes.find((r) => path.startsWith(r.prefix));
      if (route) return route.handle(req, res);
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req);
        if (/json/i.test(req.headers['content-type'] ?? '')) {
          try {
            body = JSON.parse(text);
          } catch {
            return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON' }] });
          }
        } else body = text;
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: (req.method ?? 'GET').toUpperCase(),
          headers,
          search: url.search,
          body,
        },
        context: () => options.context(req),
      });
      for (const [k, v] of response.headers) res.setHeader(k, v);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') return void res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    })().catch((error: unknown) => {
      const status = (error as { status?: number }).status ?? 500;
      if (status === 500) console.error('unexpected HTTP error', error);
      if (!res.headersSent) {
        const message = status === 500 ? 'Internal server error' : (error as Error).message;
        sendJson(res, status, { errors: [{ message }] });
      } else res.end();
    });
  });
  const listening = await listen(server, options);
  return { url: `${listening.origin}/`, close: listening.close };
}
