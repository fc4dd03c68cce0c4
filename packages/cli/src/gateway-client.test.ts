import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayClient } from './gateway-client.ts';

// The walkthroughs' gateway client runs on @alphagraph/sdk: what reaches the gateway, and how a
// refusal comes back.
let server: Server;
let url: string;
const seen: { authorization: string | undefined; accept: string | undefined; body: Record<string, any> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw);
      seen.push({ authorization: req.headers.authorization, accept: req.headers.accept, body });
      const payload = body.query.includes('killSwitch')
        ? { data: null, errors: [{ message: 'only traders and admins', extensions: { code: 'FORBIDDEN' } }] }
        : { data: { model: { name: body.variables.n } } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the walkthroughs gateway client (through the SDK)', () => {
  it('sends its own documents as text with the bearer token, through the SDK transport', async () => {
    const client = createGatewayClient({ gatewayUrl: url, prefix: 'models demo' });
    const data = await client.gql('query($n: String!) { model(name: $n) { name } }', { n: 'm1' }, 'tok-a');
    expect(data).toEqual({ model: { name: 'm1' } });
    const sent = seen.at(-1)!;
    expect(sent.authorization).toBe('Bearer tok-a');
    expect(sent.accept).toMatch(/application\/graphql-response\+json/);
    expect(sent.body.query).toMatch(/model\(name: \$n\)/);
    expect(sent.body.variables).toEqual({ n: 'm1' });
    await client.gql('query($n: String!) { model(name: $n) { name } }', { n: 'm2' }, 'tok-b');
    expect(seen.at(-1)!.authorization).toBe('Bearer tok-b');
  });

  it("throws the platform's message behind its prefix, the SDK error as its cause", async () => {
    const client = createGatewayClient({ gatewayUrl: url, prefix: 'replay' });
    const error = await client
      .gql('mutation { killSwitch(model: "m", reason: "r") { name } }', {}, 'tok')
      .catch((e: Error) => e);
    expect(error.message).toBe('replay: only traders and admins');
    expect((error.cause as { code: string }).code).toBe('FORBIDDEN');
  });
});
