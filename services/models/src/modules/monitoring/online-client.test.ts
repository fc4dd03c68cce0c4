import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOnlineReader } from './online-client.ts';

const scope = { identity: null, requestId: 'r-1' };
const ask = { entities: ['AAPL'], features: ['f@1'], asOf: null };

describe('the online reader signals uses', () => {
  let server: Server | undefined;
  const open: ServerResponse[] = [];
  afterEach(async () => {
    for (const r of open) r.destroy();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  async function serve(answer: (res: ServerResponse) => void): Promise<string> {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => answer(res));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  }

  it('says the features subgraph did not answer in time when it sends its headers and stalls', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":');
      open.push(res);
    });
    await expect(createOnlineReader(url, { timeoutMs: 300 })(scope, ask)).rejects.toThrow(
      'signals: the features subgraph did not answer within 0.3 s',
    );
  });

  it('names a body that is not JSON, and an answer with neither data nor errors', async () => {
    const garbled = await serve((res) => res.end('<html>proxy error</html>'));
    await expect(createOnlineReader(garbled)(scope, ask)).rejects.toThrow(
      'signals: the features subgraph answered HTTP 200 with a body that is not JSON (<html>proxy error</html>)',
    );
    await new Promise((resolve) => server!.close(resolve));
    const empty = await serve((res) => res.end('{}'));
    await expect(createOnlineReader(empty)(scope, ask)).rejects.toThrow(
      'signals: reading online feature values failed: HTTP 200, no data',
    );
  });

  it('passes a refusal on with its code', async () => {
    const url = await serve((res) =>
      res.end(JSON.stringify({ errors: [{ message: 'licence needed', extensions: { code: 'FORBIDDEN' } }] })),
    );
    await expect(createOnlineReader(url)(scope, ask)).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN' },
      message: 'signals: reading online feature values failed: licence needed',
    });
  });
});
