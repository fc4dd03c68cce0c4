// Cross-subgraph query throughput and latency through the gateway (autocannon), next to a client
// fetching the same data from the subgraphs directly. Run: pnpm bench (or pnpm --filter
// @alphagraph/bench run bench:gateway). Prints figures; asserts nothing about time.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startBenchPlatform } from './platform.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    symbol: { type: 'string', default: 'AAPL' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const symbol = values.symbol!;

const CROSS_QUERY = `query($s: String!) { instrument(symbol: $s) { symbol bars(last: 5) { time open high low close volume }
  altDatasets { name vendor { name } } features { ref expression } models { name task } backtests { name status } } }`;

console.log(`starting the platform (demo data, embedded unless DATABASE_URL is set)…`);
const bench = await startBenchPlatform();
const { platform } = bench;
const authorization = `Bearer ${platform.devToken}`;
const post = (url: string, query: string, variables: Record<string, unknown>) => bench.post(query, variables, { url });

/** The same data as CROSS_QUERY, fetched the way a client without the gateway would. */
async function direct(): Promise<void> {
  const u = platform.subgraphUrls;
  const rep = { r: [{ __typename: 'Instrument', symbol }] };
  const [instrument, alt, features, models, backtests] = await Promise.all([
    post(
      u['market-data'],
      'query($s: String!) { instrument(symbol: $s) { symbol bars(last: 5) { time open high low close volume } } }',
      { s: symbol },
    ),
    post(
      u['alt-data'],
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { altDatasets { name vendor { name } } } } }',
      rep,
    ),
    post(
      u.features,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { features { ref expression } } } }',
      rep,
    ),
    post(
      u.models,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { models { name task } } } }',
      rep,
    ),
    post(
      u.backtests,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { backtests { name status } } } }',
      rep,
    ),
  ]);
  if (!instrument?.instrument || !alt || !features || !models || !backtests) throw new Error('direct fetch incomplete');
}

async function viaGateway(): Promise<void> {
  const data = await post(platform.gatewayUrl, CROSS_QUERY, { s: symbol });
  if (!data?.instrument) throw new Error('gateway fetch incomplete');
}

/** Closed-loop load: `connections` workers issue requests back to back for `seconds`. */
async function closedLoop(fn: () => Promise<void>, seconds: number) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await fn();
          latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return { rps: latencies.length / seconds, p50: q(0.5), p99: q(0.99), errors, n: latencies.length };
}

try {
  for (let i = 0; i < 20; i++) await Promise.all([viaGateway(), direct()]); // warm-up
  const cannon = await autocannon({
    url: platform.gatewayUrl,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query: CROSS_QUERY, variables: { s: symbol } }),
    connections,
    duration,
  });
  const gw = await closedLoop(viaGateway, duration);
  const dir = await closedLoop(direct, duration);
  const f = (n: number) => n.toFixed(1);
  console.log(
    `\ncross-subgraph query for ${symbol}, ${connections} connections, ${duration}s each, on ${process.env.DATABASE_URL ? 'Postgres' : 'embedded PGlite'}`,
  );
  console.log(
    `gateway (autocannon):        ${f(cannon.requests.average)} req/s  p50 ${cannon.latency.p50} ms  p99 ${cannon.latency.p99} ms  non-2xx ${cannon.non2xx} errors ${cannon.errors}`,
  );
  console.log(
    `gateway (same client loop):  ${f(gw.rps)} req/s  p50 ${f(gw.p50)} ms  p99 ${f(gw.p99)} ms  errors ${gw.errors}`,
  );
  console.log(
    `subgraphs directly (5 calls): ${f(dir.rps)} req/s  p50 ${f(dir.p50)} ms  p99 ${f(dir.p99)} ms  errors ${dir.errors}`,
  );
  console.log(
    `ratio gateway/direct: throughput ${(gw.rps / dir.rps).toFixed(2)}x, p50 ${(gw.p50 / dir.p50).toFixed(2)}x, p99 ${(gw.p99 / dir.p99).toFixed(2)}x`,
  );
} finally {
  await bench.dispose();
}
