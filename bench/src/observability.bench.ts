// What metrics and tracing cost the gateway benchmark: the README's cross-subgraph query through two
// gateways over the same five subgraphs, in interleaved rounds within one run:
//  - ON:  the platform's gateway, Prometheus plugins on, traces exported over OTLP (to a sink in
//         this process), each request sampled (the client sends a sampled `traceparent`), so every
//         subgraph it reaches records and exports its spans (request, DuckDB, Postgres) too;
//  - OFF: a second gateway process with GATEWAY_METRICS=off and no OTLP endpoint: no SDK, no
//         `traceparent` to the subgraphs, whose sampler (parentbased_always_off) then records nothing.
// Run: pnpm --filter @alphagraph/bench run bench:observability [-- --rounds 6 --seconds 5 --connections 10
// --demo-bars-until 2013-06-01].
// Prints figures; asserts nothing about time.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { TEST_AUTH_ENV, testToken } from '@alphagraph/auth/testing';
import { freePort, workspaceExport } from '@alphagraph/cli';
import { SUBGRAPHS, subgraphUrlVariable } from '@alphagraph/config';
import { startBenchPlatform } from './platform.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rounds: { type: 'string', default: '6' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    symbol: { type: 'string', default: 'AAPL' },
    // e.g. 2013-06-01: a shorter demo load (DEMO_BARS_UNTIL) when the machine is too busy to load it all in time.
    'demo-bars-until': { type: 'string', default: '' },
    // Print the platform's log lines (to stderr).
    log: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const connections = Number(values.connections);

// The README's cross-subgraph query (tests/src/cross-subgraph.test.ts): all five subgraphs.
const CROSS_QUERY = /* GraphQL */ `
  query InstrumentOverview($symbol: String!) {
    instrument(symbol: $symbol) {
      symbol
      bars(last: 5) { time open high low close volume availableAt }
      altDatasets { name vendor { name } }
      features { ref expression }
      models { name task features { ref } }
      backtests { name status model { name } }
    }
  }
`;

/** An OTLP/HTTP sink: accepts every export and counts the spans, as a collector would receive them. */
async function startSink() {
  let spans = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    spans += (
      Buffer.concat(chunks)
        .toString('utf8')
        .match(/"spanId"/g) ?? []
    ).length;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () => spans,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A gateway process over `subgraphUrls` with metrics and tracing off; resolves once it listens. */
async function startPlainGateway(subgraphUrls: Record<string, string>) {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    ...TEST_AUTH_ENV,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    GATEWAY_METRICS: 'off',
    GATEWAY_RATE_LIMITS: 'default=100000/100000',
    OTEL_EXPORTER_OTLP_ENDPOINT: '',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '',
  };
  for (const { name } of SUBGRAPHS) env[subgraphUrlVariable(name)] = subgraphUrls[name];
  const child = spawn(process.execPath, ['--import', 'tsx', workspaceExport('@alphagraph/gateway', './main')], {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the plain gateway did not start within 180 s')), 180_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Alphagraph gateway: ')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`the plain gateway exited (${code})`)));
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const sink = await startSink();
console.log('starting the platform (demo data, traces exported to a sink in this process)…');
const bench = await startBenchPlatform({
  ...(values.log ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
  env: {
    ...TEST_AUTH_ENV,
    OTEL_EXPORTER_OTLP_ENDPOINT: sink.endpoint,
    // A process records a trace only when its caller's traceparent says sampled (see above).
    OTEL_TRACES_SAMPLER: 'parentbased_always_off',
    ...(values['demo-bars-until'] ? { DEMO_BARS_UNTIL: values['demo-bars-until'] } : {}),
  },
});
const plain = await startPlainGateway(bench.platform.subgraphUrls);
const authorization = `Bearer ${await testToken(['researcher', 'compliance'], 'bench')}`;
const body = JSON.stringify({ query: CROSS_QUERY, variables: { symbol: values.symbol } });

async function ask(url: string, traced: boolean): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization };
  if (traced) headers.traceparent = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
  const res = await fetch(url, { method: 'POST', headers, body });
  const answer = (await res.json()) as { data?: { instrument?: unknown }; errors?: unknown };
  if (!res.ok || answer.errors || !answer.data?.instrument) throw new Error(`HTTP ${res.status}`);
}

/** Closed loop: `connections` workers back to back for `seconds`; latencies in ms. */
async function closedLoop(fn: () => Promise<void>, latencies: number[]): Promise<{ n: number; errors: number }> {
  const until = performance.now() + seconds * 1000;
  let n = 0;
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await fn();
          latencies.push(performance.now() - t0);
          n++;
        } catch {
          errors++;
        }
      }
    }),
  );
  return { n, errors };
}

const arms = {
  on: { url: bench.platform.gatewayUrl, traced: true, latencies: [] as number[], n: 0, errors: 0 },
  off: { url: plain.url, traced: false, latencies: [] as number[], n: 0, errors: 0 },
};
try {
  for (let i = 0; i < 20; i++) await Promise.all([ask(arms.on.url, true), ask(arms.off.url, false)]); // warm-up
  const spansBefore = sink.spans();
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
    for (const name of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      const arm = arms[name];
      const { n, errors } = await closedLoop(() => ask(arm.url, arm.traced), arm.latencies);
      arm.n += n;
      arm.errors += errors;
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 7_000)); // the last batches of spans
  const f = (x: number) => x.toFixed(1);
  const stats = (arm: (typeof arms)['on']) => {
    const sorted = [...arm.latencies].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
    return { rps: arm.n / (rounds * seconds), p50: q(0.5), p99: q(0.99) };
  };
  const on = stats(arms.on);
  const off = stats(arms.off);
  console.log(
    `\nREADME cross-subgraph query (${values.symbol}), ${connections} connections, ${rounds} interleaved rounds of ${seconds}s per arm, ${bench.databaseLabel}`,
  );
  console.log(
    `metrics+tracing ON:  ${f(on.rps)} req/s  p50 ${f(on.p50)} ms  p99 ${f(on.p99)} ms  errors ${arms.on.errors}`,
  );
  console.log(
    `metrics+tracing OFF: ${f(off.rps)} req/s  p50 ${f(off.p50)} ms  p99 ${f(off.p99)} ms  errors ${arms.off.errors}`,
  );
  console.log(
    `ON/OFF: throughput ${(on.rps / off.rps).toFixed(2)}x, p50 ${(on.p50 / off.p50).toFixed(2)}x, p99 ${(on.p99 / off.p99).toFixed(2)}x; spans received ${sink.spans() - spansBefore} (${((sink.spans() - spansBefore) / Math.max(1, arms.on.n)).toFixed(1)} per ON request)`,
  );
} finally {
  await plain.stop();
  await bench.dispose();
  await sink.stop();
}
