// The SDK's overhead against a raw fetch of the same operation: onlineFeatures for 100 entities ×
// 20 features through the gateway, one request at a time, alternating the clients request by
// request so drift in the platform hits them alike. Three ways of sending the SDK's OnlineFeatures
// document: raw fetch of its text, the SDK with its text (persisted: false), the SDK by persisted id
// (the default). Starts the platform with the demo data, defines and materializes the 20-feature
// Alpha158 subset as the online benchmark does. Run:
// pnpm --filter @alphagraph/bench run bench:sdk [--requests 300]. Prints figures; asserts nothing about time.
import { parseArgs } from 'node:util';
import { AlphagraphClient, operations } from '@alphagraph/sdk';
import { print } from 'graphql';
import { ms, summarize, table } from './latency.ts';
import { defineOnlineFeatures, firstSymbols, materializeAndWait } from './online-features.ts';
import { startBenchPlatform } from './platform.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { requests: { type: 'string', default: '300' } },
});
const requests = Number(values.requests);

console.log('starting the platform (demo data, embedded unless DATABASE_URL is set)…');
const bench = await startBenchPlatform();
const { platform } = bench;
const token = platform.devToken ?? (await bench.token(['analyst'], 'bench-analyst'));

try {
  const entities = await firstSymbols(bench, 100);
  const features = await defineOnlineFeatures(bench);
  await materializeAndWait(bench, { features, universe: entities, from: '2017-01-01T00:00:00Z' });
  const variables = { entities, features };

  const text = print(operations.OnlineFeaturesDocument);
  const raw = async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: text, operationName: 'OnlineFeatures', variables }),
    });
    const body = (await response.json()) as { data?: { onlineFeatures?: { rows: unknown[] } }; errors?: unknown[] };
    if (body.errors || !body.data?.onlineFeatures) throw new Error(JSON.stringify(body.errors));
    return body.data.onlineFeatures.rows.length;
  };
  const sdkPersisted = new AlphagraphClient({ url: platform.gatewayUrl, token });
  const sdkText = new AlphagraphClient({ url: platform.gatewayUrl, token, persisted: false });
  const clients: [string, () => Promise<number>][] = [
    ['raw fetch (text)', raw],
    ['SDK, text', async () => (await sdkText.onlineFeatures(variables)).rows.length],
    ['SDK, persisted id', async () => (await sdkPersisted.onlineFeatures(variables)).rows.length],
  ];

  for (const [name, run] of clients) {
    const rows = await run();
    if (rows !== entities.length) throw new Error(`${name}: ${rows} rows, expected ${entities.length}`);
    for (let i = 0; i < 30; i++) await run(); // warm-up
  }
  const latencies = clients.map(() => [] as number[]);
  for (let i = 0; i < requests; i++) {
    for (const [c, [, run]] of clients.entries()) {
      const t0 = performance.now();
      await run();
      latencies[c]!.push(performance.now() - t0);
    }
  }
  const summaries = latencies.map(summarize);
  const base = summaries[0]!;
  console.log(
    `\nonlineFeatures, ${entities.length} entities × ${features.length} features, ${requests} requests per client, ` +
      `one at a time, interleaved (${bench.databaseLabel})\n`,
  );
  console.log(
    table([
      ['client', 'p50 ms', 'p99 ms', 'max ms', 'p50 vs raw', 'p99 vs raw'],
      ...clients.map(([name], c) => {
        const s = summaries[c]!;
        return [name, ms(s.p50), ms(s.p99), ms(s.max), ms(s.p50 - base.p50), ms(s.p99 - base.p99)];
      }),
    ]),
  );
} finally {
  await bench.dispose();
}
