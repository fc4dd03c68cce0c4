import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One span as an OTLP/HTTP JSON body carries it, with the service that sent it. */
export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  status?: { code?: number; message?: string };
  attributes?: { key: string; value: Record<string, unknown> }[];
}

interface OtlpBody {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: Omit<ReceivedSpan, 'service'>[] }[];
  }[];
}

/** What an in-process collector has received. */
export interface OtlpCollector {
  readonly endpoint: string;
  /** Every POST, in order: its path and its parsed body. */
  readonly requests: { url: string; body: OtlpBody }[];
  /** Every span of every POST to /v1/traces. */
  readonly spans: ReceivedSpan[];
  readonly contentTypes: Set<string>;
  stop(): Promise<void>;
}

/**
 * A trace collector for tests, in the test's own process: it receives OTLP/HTTP JSON (what
 * `startTracing` exports) and keeps every request and every span, with the service that sent it.
 */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const requests: OtlpCollector['requests'] = [];
  const spans: ReceivedSpan[] = [];
  const contentTypes = new Set<string>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST') return void res.writeHead(404).end();
    contentTypes.add(String(req.headers['content-type']));
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody;
    requests.push({ url: req.url ?? '', body });
    if (req.url === '/v1/traces') {
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
        for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ ...s, service });
      }
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    spans,
    contentTypes,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
