import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../commands.ts';

// The API commands without a platform: argument validation, and where the gateway and the token come
// from (a scripted gateway records what arrived and refuses as the platform would).
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

let server: Server;
let url: string;
const seen: { authorization: string | undefined; body: Record<string, any> }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ authorization: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          data: null,
          errors: [
            {
              message: 'field Mutation.killSwitch needs one of the roles trader, admin',
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('API commands: arguments', () => {
  it('names every missing or malformed option at once and exits 2, before any request', async () => {
    const c = capture();
    const code = await runCli(['features', 'define', '--name', 'Mom5'], { ALPHAGRAPH_GATEWAY_URL: url }, c.io);
    expect(code).toBe(2);
    expect(c.err.join('')).toBe(
      'alphagraph features define: --name is lower_snake_case (e.g. mom_5); --expression is required; --description is required\n',
    );
    expect(seen).toHaveLength(0);
  });

  it('refuses an unknown option, a bad enum value and a malformed grid with the accepted forms', async () => {
    const cases: [string[], RegExp][] = [
      [['models', 'kill', '--model', 'm', '--reason', 'r', '--force'], /Unknown option '--force'/],
      [
        ['models', 'promote', '--version', '1', '--to', 'LIVE', '--reason', 'r'],
        /--to is one of PAPER, CANARY, PRODUCTION, RETIRED/,
      ],
      [['backtest', 'sweep', '--spec', '/no/such.json', '--grid', 'w=5'], /cannot read \/no\/such\.json/],
      [['training-set', 'build', '--name', 'x', '--out', 'x.csv'], /--out names a \.parquet file/],
      [['features', 'materialize', '--features', 'a', '--set', 's'], /give --features REF,… or --set NAME/],
      [['alerts', 'tail', '--count', '0'], /--count/],
      [['models', 'dance'], /unknown subcommand "dance"/],
    ];
    for (const [argv, message] of cases) {
      const c = capture();
      expect(await runCli(argv, { ALPHAGRAPH_GATEWAY_URL: url, ALPHAGRAPH_TOKEN: 't' }, c.io), argv.join(' ')).toBe(2);
      expect(c.err.join('')).toMatch(message);
    }
    expect(seen).toHaveLength(0);
  });

  it('needs a token, and says where to put it', async () => {
    const c = capture();
    expect(
      await runCli(['models', 'kill', '--model', 'm', '--reason', 'r'], { ALPHAGRAPH_GATEWAY_URL: url }, c.io),
    ).toBe(2);
    expect(c.err.join('')).toMatch(/--token is required: pass --token or set ALPHAGRAPH_TOKEN/);
  });
});

describe('API commands: the gateway and the token', () => {
  it('takes them from the environment, --gateway/--token win, and a refusal prints the platform message (exit 1)', async () => {
    const c = capture();
    const argv = ['models', 'kill', '--model', 'm', '--reason', 'outage'];
    expect(await runCli(argv, { ALPHAGRAPH_GATEWAY_URL: url, ALPHAGRAPH_TOKEN: 'from-env' }, c.io)).toBe(1);
    expect(c.err.join('')).toBe(
      'alphagraph models kill: field Mutation.killSwitch needs one of the roles trader, admin [FORBIDDEN]\n',
    );
    expect(seen.at(-1)!.authorization).toBe('Bearer from-env');
    // Sent as the SDK's persisted operation, not as text of the CLI's own.
    expect(seen.at(-1)!.body.operationName).toBe('KillSwitch');
    expect(seen.at(-1)!.body.extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(seen.at(-1)!.body.variables).toEqual({ model: 'm', reason: 'outage' });

    const d = capture();
    const flags = ['--gateway', url, '--token', 'from-flag'];
    expect(
      await runCli(
        [...argv, ...flags],
        { ALPHAGRAPH_GATEWAY_URL: 'http://127.0.0.1:1/graphql', ALPHAGRAPH_TOKEN: 'x' },
        d.io,
      ),
    ).toBe(1);
    expect(seen.at(-1)!.authorization).toBe('Bearer from-flag');
  });
});
