// The example service as a process: GET /signals/<model>[?asOf=...] answers its snapshot as JSON.
//   ALPHAGRAPH_URL=http://127.0.0.1:4000/graphql ALPHAGRAPH_TOKEN=<service token> PORT=8080 pnpm start
import { createServer } from 'node:http';
import { isAlphagraphError } from '@alphagraph/sdk';
import { createSignalsService } from './service.ts';

const gatewayUrl = process.env.ALPHAGRAPH_URL ?? 'http://127.0.0.1:4000/graphql';
const token = process.env.ALPHAGRAPH_TOKEN;
if (!token) {
  console.error('ALPHAGRAPH_TOKEN must hold a service token (npx pnpm@10.34.9 exec alphagraph token --role service)');
  process.exit(1);
}
const service = createSignalsService({ gatewayUrl, token });
const port = Number(process.env.PORT ?? 8080);

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const model = /^\/signals\/([a-z0-9_]+)$/.exec(url.pathname)?.[1];
  if (req.method !== 'GET' || !model) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'GET /signals/<model>' }));
    return;
  }
  try {
    const snapshot = await service.snapshot(model, { asOf: url.searchParams.get('asOf') ?? undefined });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(snapshot));
  } catch (error) {
    // Typed errors: the platform's code decides the status.
    const code = isAlphagraphError(error) ? error.code : 'INTERNAL_SERVER_ERROR';
    const status = code === 'NOT_FOUND' ? 404 : code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? 403 : 502;
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ code, error: String(error) }));
  }
}).listen(port, () =>
  console.log(`signals service on http://127.0.0.1:${port}/signals/<model> (gateway ${gatewayUrl})`),
);
