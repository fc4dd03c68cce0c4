// Online feature values through the gateway: 100 entities × 20 features per request at a fixed
// 200 requests per second (autocannon), p50 and p99 latency, next to the same request sent one at a
// time (service time without queueing). Two shapes of the same answer: the dense form a model server
// uses (per entity, `vector` and `statuses` in feature order) and the self-describing form (one
// object per value with its feature, event time and status). Starts the platform with the demo
// data, defines the 20-feature Alpha158 subset with a long TTL (so the 2018 values are CURRENT),
// materializes it for 100 symbols, then measures. Run:
// pnpm --filter @alphagraph/bench run bench:online [--duration 20] [--connections 20] [--rate 200].
// Prints figures; asserts nothing about time.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { defineOnlineFeatures, firstSymbols, materializeAndWait, ONLINE_DENSE } from './online-features.ts';
import { startBenchPlatform } from './platform.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '20' },
    rate: { type: 'string', default: '200' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const rate = Number(values.rate);

console.log('starting the platform (demo data, embedded unless DATABASE_URL is set)…');
const bench = await startBenchPlatform();
const { platform } = bench;
const authorization = `Bearer ${platform.devToken}`;
const post = (query: string, variables: Record<string, unknown> = {}) => bench.post(query, variables);

const SHAPES = {
  dense: ONLINE_DENSE,
  objects: `query($e: [String!]!, $f: [String!]!) { onlineFeatures(entities: $e, features: $f) {
    rows { entity values { feature value eventTime status } } } }`,
};
const ONLINE = SHAPES.objects;

try {
  const entities = await firstSymbols(bench, 100);
  const features = await defineOnlineFeatures(bench);
  await materializeAndWait(bench, { features, universe: entities, from: '2017-01-01T00:00:00Z' });

  const check = await post(ONLINE, { e: entities, f: features });
  const cells = check.onlineFeatures.rows.flatMap((r: { values: { status: string }[] }) => r.values);
  const current = cells.filter((v: { status: string }) => v.status === 'CURRENT').length;
  console.log(
    `\nonlineFeatures: ${entities.length} entities × ${features.length} features (${cells.length} values, ${current} CURRENT) ` +
      `per request, through the gateway, ${process.env.DATABASE_URL ? 'Postgres' : 'embedded PGlite'}`,
  );
  for (const [shape, query] of Object.entries(SHAPES)) {
    const body = JSON.stringify({ query, variables: { e: entities, f: features } });
    const sample = await post(query, { e: entities, f: features });
    for (let i = 0; i < 50; i++) await post(query, { e: entities, f: features }); // warm-up
    const result = await autocannon({
      url: platform.gatewayUrl,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body,
      connections,
      overallRate: rate,
      duration,
    });
    const single: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await post(query, { e: entities, f: features });
      single.push(performance.now() - t0);
    }
    single.sort((a, b) => a - b);
    const q = (p: number) => single[Math.min(single.length - 1, Math.floor(p * single.length))]!.toFixed(1);
    console.log(
      `${shape} (${Buffer.byteLength(JSON.stringify(sample))} bytes of data):\n` +
        `  autocannon, target ${rate} req/s, ${connections} connections, ${duration} s: achieved ${result.requests.average.toFixed(1)} req/s ` +
        `(${result.requests.total} requests, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}); ` +
        `latency p50 ${result.latency.p50} ms  p90 ${result.latency.p90} ms  p99 ${result.latency.p99} ms  max ${result.latency.max} ms\n` +
        `  one request at a time (200 requests): p50 ${q(0.5)} ms  p99 ${q(0.99)} ms`,
    );
  }
} finally {
  await bench.dispose();
}
