// Signals (issue 14, Benchmark): `signals(model, asOf)` of a logistic regression over 505
// instruments x 50 features through the gateway with a service token, one request at a time
// (service time) and at a fixed 50 requests per second (autocannon): p50, p99, achieved rate,
// errors, rows scored and the scoringMs each answer reports. Every answer is written to the
// prediction log (a Postgres row per request) before it returns, which is part of what is
// measured; after the load, runMonitoring flushes the logged rows to the lake, timed.
//
// Setup (timed, not measured): the platform with the demo data (all_stocks_5yr) on a fresh
// Postgres database (or embedded PGlite), the first 50 of the built-in Alpha158 features
// materialized for every equity from 2016-01-01, a point-in-time training set over 2017 (5-session
// forward return), a logistic regression trained on it, approved by a validator, promoted
// CANARY -> PRODUCTION by an admin (./deployed-model.ts).
//
// The breakdown beside the figures (where a request's time goes): the features subgraph's
// onlineFeatures read the models subgraph makes (505 x 50 in two chunks, the same query, sent
// directly), the same signals request sent to the models subgraph directly (no gateway), and the
// size of the answer and of the prediction-log row.
//
// Run: cd bench && npx tsx src/signals.bench.ts [--path as-of|production] [--duration 30] [--rate 50] [--connections 50]
//   [--single 50] [--database postgres|embedded] [--postgres URL] [--max-load 4] [--wait-load-minutes 10]
// (the measurement waits, at most --wait-load-minutes, for the 1-minute load average to drop below --max-load).
// Prints figures; asserts nothing about time.
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { deployClassificationModel } from './deployed-model.ts';
import { ms, summarize } from './latency.ts';
import {
  allStocks5yrSymbols,
  builtinAlpha158,
  defineLongTtlAlpha158,
  firstSymbols,
  materializeAndWait,
} from './online-features.ts';
import { DEFAULT_ADMIN_URL, loadAverage, startBenchPlatform, waitUntilIdle } from './platform.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    duration: { type: 'string', default: '30' },
    rate: { type: 'string', default: '50' },
    connections: { type: 'string', default: '50' },
    single: { type: 'string', default: '50' },
    symbols: { type: 'string', default: '505' },
    features: { type: 'string', default: '50' },
    database: { type: 'string', default: 'postgres' },
    postgres: { type: 'string', default: DEFAULT_ADMIN_URL },
    'max-load': { type: 'string', default: '4' },
    'wait-load-minutes': { type: 'string', default: '10' },
    'vary-as-of': { type: 'boolean', default: false },
    'platform-log': { type: 'boolean', default: false },
    breakdown: { type: 'string', default: '20' },
    universe: { type: 'string', default: 'all-stocks' },
    path: { type: 'string', default: 'as-of' },
  },
});
if (values.database !== 'postgres' && values.database !== 'embedded')
  throw new Error(`--database must be postgres or embedded, not ${values.database}`);
const duration = Number(values.duration);
const rate = Number(values.rate);
const connections = Number(values.connections);
const singles = Number(values.single);
const maxLoad = Number(values['max-load']);
const waitLoadMinutes = Number(values['wait-load-minutes']);
const varyAsOf = values['vary-as-of'];
const breakdownCount = Number(values.breakdown);
const MODEL = 'bench_signals';
const AS_OF = '2018-02-08T12:00:00Z'; // the morning after the demo data's last session
// as-of: signals(asOf: AS_OF), the online values as of then (the built-in 4-day-TTL features);
// production: signals with no asOf, read from the online store's current values, as a trading
// service asks (long-TTL copies of the same factors, so the 2018 values are still CURRENT).
if (values.path !== 'as-of' && values.path !== 'production')
  throw new Error(`--path must be as-of or production, not ${values.path}`);
const production = values.path === 'production';
if (production && values['vary-as-of']) throw new Error('--vary-as-of is for --path as-of');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const s1 = (seconds: number) => seconds.toFixed(1);

const SIGNALS = `query($m: String!, $a: DateTime) { signals(model: $m, asOf: $a) {
  status requestId scoringMs scoringMsPer1000 maxScoringLatencyMs latencyBreached
  sets { version stage features rows { symbol status prediction probability featureEventTimes featureStatuses } } } }`;
/** The same read the models subgraph makes of the features subgraph (./online-client.ts there). */
const ONLINE = `query($entities: [String!]!, $features: [String!]!, $asOf: DateTime) {
  onlineFeatures(entities: $entities, features: $features, asOf: $asOf) {
    rows { entity vector statuses eventTimes } unknownEntities } }`;

console.log(
  `starting the platform (${values.database === 'postgres' ? `fresh database on ${values.postgres}` : 'embedded PGlite'}, demo data)…`,
);
const bench = await startBenchPlatform({
  database:
    values.database === 'postgres' ? { kind: 'fresh-postgres', adminUrl: values.postgres } : { kind: 'embedded-temp' },
  // The subgraphs' own output (errors behind an INTERNAL_SERVER_ERROR), on stderr.
  ...(values['platform-log'] ? { log: (line: string) => process.stderr.write(`${line}\n`) } : {}),
});
const { platform } = bench;

/** Sends `count` requests one after the other; latencies in ms and the last answer. */
async function oneAtATime(count: number, send: () => Promise<unknown>) {
  const latencies: number[] = [];
  let last: unknown;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    last = await send();
    latencies.push(performance.now() - t0);
  }
  return { latency: summarize(latencies), last };
}

try {
  console.log(`platform idle after ${s1(await waitUntilIdle(bench.processes()))} s (load ${loadAverage()})`);
  const [researcher, service, admin] = await Promise.all([
    bench.token(['researcher'], 'bench-researcher'),
    bench.token(['service'], 'bench-signals'),
    bench.token(['admin'], 'bench-admin'),
  ]);
  // all-stocks: all_stocks_5yr's symbols, every one CURRENT at AS_OF; first-equities: the first
  // equities by symbol, which include StockNet symbols whose bars end in 2017 (FEATURE_EXPIRED rows).
  const symbols =
    values.universe === 'first-equities'
      ? await firstSymbols(bench, Number(values.symbols), { token: researcher, assetClass: 'EQUITY' })
      : allStocks5yrSymbols().slice(0, Number(values.symbols));
  const features = production
    ? await defineLongTtlAlpha158(bench, Number(values.features), researcher)
    : builtinAlpha158(Number(values.features));
  let started = performance.now();
  const run = await materializeAndWait(
    bench,
    { features, universe: symbols, from: '2016-01-01T00:00:00Z' },
    researcher,
  );
  console.log(
    `setup: ${features.length} Alpha158 features (${features[0]} … ${features.at(-1)}) materialized for ${symbols.length} symbols from 2016-01-01: ${s1((performance.now() - started) / 1000)} s (run ${run.durationMs} ms)`,
  );
  started = performance.now();
  const deployed = await deployClassificationModel(bench, {
    name: MODEL,
    universe: symbols,
    features,
    period: { from: '2017-01-03', to: '2017-12-29' },
  });
  const v = deployed.version;
  console.log(
    `setup: training set ${deployed.trainingSet.rowCount} rows built in ${s1(deployed.trainingSet.seconds)} s; ` +
      `logistic regression v${v.number} READY in ${s1(v.seconds)} s (fit ${v.trainingSeconds?.toFixed(2)} s; rows train ${v.rowCounts.train}, ` +
      `validation ${v.rowCounts.validation}, test ${v.rowCounts.test}; TEST ROC AUC ${v.testRocAuc?.toFixed(4)}${v.criteriaMet ? '' : ', approved with an override'}); ` +
      `PRODUCTION after ${s1((performance.now() - started) / 1000)} s (load ${loadAverage()})`,
  );

  // The machine is shared: measure when its load allows, if it does within --wait-load-minutes.
  const waitStarted = performance.now();
  const loadNow = () => Number(loadAverage().split(' ')[0]);
  while (loadNow() >= maxLoad && performance.now() - waitStarted < waitLoadMinutes * 60_000) {
    await new Promise((r) => setTimeout(r, 5_000));
  }
  console.log(
    `measuring after waiting ${s1((performance.now() - waitStarted) / 1000)} s for the 1-minute load to drop below ${maxLoad}: load ${loadAverage()}`,
  );

  // What one answer holds.
  const variables = { m: MODEL, a: production ? null : AS_OF };
  const answer = (await bench.post(SIGNALS, variables, { token: service })).signals;
  const set = answer.sets.find((s: { stage: string }) => s.stage === 'PRODUCTION');
  if (!set) throw new Error(`signals: no PRODUCTION set in ${JSON.stringify(answer).slice(0, 300)}`);
  type Row = { status: string; featureStatuses: string[] };
  const rows = set.rows as Row[];
  const statuses = rows.flatMap((r) => r.featureStatuses);
  const current = statuses.filter((s) => s === 'CURRENT').length;
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const byStatus = [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
  const answerBytes = Buffer.byteLength(JSON.stringify({ data: { signals: answer } }));
  console.log(
    `\nsignals(model: "${MODEL}"${production ? '' : `, asOf: "${AS_OF}"`}) with a service token through the gateway (${bench.databaseLabel}):\n` +
      `  ${answer.sets.length} set(s); PRODUCTION v${set.version}: ${rows.length} rows x ${set.features.length} features; ` +
      `rows ${byStatus}; ${current} of ${statuses.length} feature values CURRENT; answer ${kb(answerBytes)}; ` +
      `scoringMs ${answer.scoringMs.toFixed(2)} (${answer.scoringMsPer1000?.toFixed(2)} per 1,000 rows, limit ${answer.maxScoringLatencyMs}, breached ${answer.latencyBreached})`,
  );

  // One request at a time: the service time.
  const scoring: number[] = [];
  const sendSignals = async (url?: string) => {
    const s = (await bench.post(SIGNALS, variables, { token: service, url })).signals;
    scoring.push(s.scoringMs);
    return s;
  };
  await oneAtATime(5, () => sendSignals()); // warm-up
  scoring.length = 0;
  const single = await oneAtATime(singles, () => sendSignals());
  const scoringSingle = summarize(scoring);
  console.log(
    `  one request at a time (${singles} after 5 warm-up): p50 ${ms(single.latency.p50)} ms  p90 ${ms(single.latency.p90)} ms  ` +
      `p99 ${ms(single.latency.p99)} ms  max ${ms(single.latency.max)} ms; scoringMs p50 ${scoringSingle.p50.toFixed(2)}  max ${scoringSingle.max.toFixed(2)}`,
  );

  // Fixed-rate load.
  const gateway = new URL(platform.gatewayUrl);
  const loadScoring: number[] = [];
  const requestIds = new Set<string>();
  let sent = 0;
  let graphqlErrors = 0;
  let firstError = '';
  const load = await autocannon({
    url: gateway.origin,
    connections,
    overallRate: rate,
    duration,
    timeout: 60,
    requests: [
      {
        method: 'POST',
        path: gateway.pathname,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${service}` },
        body: JSON.stringify({ query: SIGNALS, variables }),
        // Every request is scored and logged on its own: the gateway gives each its own request
        // id, so identical requests in flight are not merged. --vary-as-of (as-of path) still
        // moves each request's asOf a millisecond on, for answers that differ.
        ...(varyAsOf
          ? {
              setupRequest: (req: { body?: string }) => ({
                ...req,
                body: JSON.stringify({
                  query: SIGNALS,
                  variables: { m: MODEL, a: new Date(Date.parse(AS_OF) + ++sent).toISOString() },
                }),
              }),
            }
          : {}),
        // Only the small fields: parsing every 0.4 MB answer here would take the cores the platform needs.
        onResponse: (status: number, body: string) => {
          const scored = /"scoringMs":([0-9.eE+-]+)/.exec(body);
          if (scored) loadScoring.push(Number(scored[1]));
          const id = /"requestId":"([^"]+)"/.exec(body);
          if (id) requestIds.add(id[1]!);
          if (status === 200 && body.includes('"errors"')) {
            graphqlErrors++;
            firstError ||= body.slice(0, 300);
          }
        },
      },
    ],
  } as autocannon.Options);
  const scoringLoad = summarize(loadScoring);
  console.log(
    `  autocannon, target ${rate} req/s, ${connections} connections, ${duration} s: achieved ${load.requests.average.toFixed(1)} req/s ` +
      `(${load.requests.total} requests, 2xx ${load['2xx']}, non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}, ` +
      `GraphQL errors in 200 answers ${graphqlErrors}; ${requestIds.size} distinct requestIds among the answers, i.e. signals executions logged${varyAsOf ? ', asOf varied per request' : ', identical requests'}); latency p50 ${load.latency.p50} ms  p90 ${load.latency.p90} ms  ` +
      `p99 ${load.latency.p99} ms  max ${load.latency.max} ms; scoringMs p50 ${scoringLoad.p50.toFixed(2)}  p99 ${scoringLoad.p99.toFixed(2)} ` +
      `(load average after: ${loadAverage()})`,
  );
  if (firstError) console.log(`  first GraphQL error: ${firstError}`);

  // Where a request's time goes, one request at a time (after the load, on the same data).
  const models = platform.subgraphUrls.models;
  const direct = await oneAtATime(breakdownCount, () => sendSignals(models));
  const per = Math.floor(20_000 / features.length);
  const chunks: string[][] = [];
  for (let i = 0; i < symbols.length; i += per) chunks.push([...symbols].sort().slice(i, i + per));
  let onlineBytes = 0;
  let logBytes = 0;
  const readOnline = () =>
    Promise.all(
      chunks.map((entities) =>
        bench.post(
          ONLINE,
          { entities, features, asOf: production ? null : AS_OF },
          { token: service, url: platform.subgraphUrls.features },
        ),
      ),
    );
  const online = await oneAtATime(breakdownCount, readOnline);
  for (const part of online.last as { onlineFeatures: { rows: { entity: string; vector: (number | null)[] }[] } }[]) {
    onlineBytes += Buffer.byteLength(JSON.stringify({ data: part }));
    // The prediction log's payload holds each row's vector (and its event times are not in it).
    logBytes += Buffer.byteLength(JSON.stringify(part.onlineFeatures.rows.map((r) => r.vector)));
  }
  console.log(
    `  breakdown, one request at a time (${breakdownCount} each): signals sent to the models subgraph directly p50 ${ms(direct.latency.p50)} ms ` +
      `(so the gateway adds ~${ms(single.latency.p50 - direct.latency.p50)} ms); the features read it makes ` +
      `(onlineFeatures ${symbols.length} x ${features.length} in ${chunks.length} parallel chunks, sent to the features subgraph) ` +
      `p50 ${ms(online.latency.p50)} ms, ${kb(onlineBytes)}; scoring p50 ${scoringSingle.p50.toFixed(2)} ms; ` +
      `the rest (prediction-log insert of a ~${kb(logBytes)}+ payload, answer of ${kb(answerBytes)}, stores) ~${ms(direct.latency.p50 - online.latency.p50 - scoringSingle.p50)} ms`,
  );

  // The lake write cost of the log: the first runMonitoring flushes every logged row; a second
  // one right after has nothing to flush (the rest of the job, for comparison).
  const monitor = async () => {
    const t0 = performance.now();
    const m = (
      await bench.post(
        'mutation($m: String!, $a: DateTime) { runMonitoring(model: $m, asOf: $a) { flushed joined reports { volume } alerts { rule } } }',
        variables,
        // Sent to the models subgraph: a flush of the whole load's log may outlast the gateway's 30 s subgraph timeout.
        { token: admin, url: models },
      )
    ).runMonitoring;
    return { ...m, seconds: (performance.now() - t0) / 1000 };
  };
  const flushStarted = performance.now();
  try {
    const first = await monitor();
    const second = await monitor();
    console.log(
      `\nrunMonitoring(model, asOf: "${AS_OF}") sent to the models subgraph after the load: ${s1(first.seconds)} s, flushed ${first.flushed} prediction-log rows ` +
        `(= ${(first.flushed / rows.length).toFixed(0)} logged requests x ${rows.length} rows), joined ${first.joined}, alerts [${first.alerts.map((a: { rule: string }) => a.rule).join(', ')}]; ` +
        `again with nothing to flush: ${s1(second.seconds)} s (flushed ${second.flushed}); so the flush took ~${s1(first.seconds - second.seconds)} s ` +
        `= ${Math.round(first.flushed / Math.max(0.001, first.seconds - second.seconds)).toLocaleString('en-US')} rows/s`,
    );
  } catch (error) {
    console.log(
      `\nrunMonitoring failed after ${s1((performance.now() - flushStarted) / 1000)} s: ${(error as Error).message.slice(0, 500)}`,
    );
  }
} finally {
  await bench.dispose();
}
