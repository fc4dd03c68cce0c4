// Soak (issue 12 item 7): mixed traffic through the gateway for `--duration` seconds (default 10
// minutes) at the highest rate the machine sustains with p99 under `--slo` ms for the normal traffic,
// found by a short ramp first (rate x `--ramp-factor` every `--ramp-step` seconds until p99, an
// error or an unmet rate says stop), then held. Normal traffic: catalog reads, bars, the
// cross-subgraph instrument, online features (open loop, operations drawn by weight); on top, a
// training-set build every minute and a materialization every two minutes (a researcher), and one
// of issue 12's bombs every 10 seconds from another user, rotating, each of which must be refused.
// Prints requests, errors and p50/p99 per operation, the bombs' answers, and the resident memory of
// the gateway and each subgraph at the start and end of the hold. Starts the platform on a fresh
// database on the Postgres at `--postgres` (dropped at the end; `--database embedded` for PGlite).
// Run: pnpm --filter @alphagraph/bench run bench:soak [--duration 600] [--rate N to skip the ramp].
// Prints figures; asserts nothing about time.
import { parseArgs } from 'node:util';
import { BOMBS, type BombOutcome, sendBomb } from './bombs.ts';
import { ms, summarize, table } from './latency.ts';
import { defineOnlineFeatures, firstSymbols, materializeAndWait } from './online-features.ts';
import { openLoop, periodically, Recorder, seededRandom } from './open-loop.ts';
import { DEFAULT_ADMIN_URL, loadAverage, residentBytes, startBenchPlatform, waitUntilIdle } from './platform.ts';
import { normalTraffic } from './traffic.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    duration: { type: 'string', default: '600' },
    database: { type: 'string', default: 'postgres' },
    postgres: { type: 'string', default: DEFAULT_ADMIN_URL },
    rate: { type: 'string' },
    'ramp-start': { type: 'string', default: '10' },
    'ramp-factor': { type: 'string', default: '1.4' },
    'ramp-step': { type: 'string', default: '15' },
    'ramp-max': { type: 'string', default: '2000' },
    slo: { type: 'string', default: '500' },
    'online-entities': { type: 'string', default: '20' },
    seed: { type: 'string', default: '12' },
  },
});
const duration = Number(values.duration);
/** XNYS sessions from 2017-01-03 to 2017-12-29 inclusive: 259 weekdays less 8 holidays (MLK day to Christmas). */
const SESSIONS_2017 = 251;
const slo = Number(values.slo);
if (values.database !== 'postgres' && values.database !== 'embedded')
  throw new Error(`--database must be postgres or embedded, not ${values.database}`);

console.log(
  `starting the platform (${values.database === 'postgres' ? `fresh database on ${values.postgres}` : 'embedded PGlite'})…`,
);
const bench = await startBenchPlatform({
  database:
    values.database === 'postgres' ? { kind: 'fresh-postgres', adminUrl: values.postgres! } : { kind: 'embedded-temp' },
});
const processes = bench.processes();
if (processes.length !== 6)
  throw new Error(`expected the gateway and five subgraphs, found ${JSON.stringify(processes)}`);
const rss = () => new Map(processes.map((p) => [p.name, residentBytes(p.pid)]));
const rssAtStart = rss();
const loads: string[] = [`platform started: ${loadAverage()}`];
// The demo data loads in the background after the processes say ready: wait for it to finish.
console.log(`platform idle after ${(await waitUntilIdle(processes)).toFixed(0)} s (load ${loadAverage()})`);

try {
  const [analyst, trader, researcher, bomber] = await Promise.all([
    bench.token(['analyst'], 'ana-analyst'),
    bench.token(['trader'], 'tess-trader'),
    bench.token(['researcher'], 'rosa-researcher'),
    bench.token(['researcher'], 'mallory-bombs'),
  ]);
  const symbols = await firstSymbols(bench, 100, { token: analyst, assetClass: 'EQUITY' });
  const features = await defineOnlineFeatures(bench, researcher);
  const setupRun = await materializeAndWait(
    bench,
    { features, universe: symbols, from: '2017-01-01T00:00:00Z' },
    researcher,
  );
  console.log(
    `setup: ${features.length} features materialized for ${symbols.length} symbols (${setupRun.durationMs} ms)`,
  );
  const operations = normalTraffic(
    bench,
    { analyst, trader },
    { symbols, features, onlineEntities: Number(values['online-entities']) },
  );
  const normal = operations.map((o) => o.name);
  const warm = new Recorder();
  const random = seededRandom(Number(values.seed));
  for (let i = 0; i < 10; i++) for (const op of operations) await warm.time(op.name, () => op.run(random));
  const warmErrors = warm.summary().filter((s) => s.errors > 0);
  if (warmErrors.length) throw new Error(`warm-up failed: ${JSON.stringify(warmErrors)}`);

  const bombs: BombOutcome[] = [];
  let bombIndex = 0;
  const bombEvery10s = (stop: () => boolean) =>
    periodically({ everySeconds: 10, firstAfterSeconds: 5, stop }, async () => {
      bombs.push(await sendBomb(bench.platform.gatewayUrl, bomber, BOMBS[bombIndex++ % BOMBS.length]!));
    });

  // Ramp: each step open loop at one rate with the bombs going; the last step that met the target
  // rate with no error and p99 under the SLO is the rate held.
  let holdRate = Number(values['ramp-start']);
  if (values.rate) holdRate = Number(values.rate);
  else {
    console.log(`\nramp: ${values['ramp-step']} s per step, normal traffic p99 must stay under ${slo} ms`);
    let passed: number | undefined;
    for (
      let rate = holdRate;
      rate <= Number(values['ramp-max']);
      rate = Math.round(rate * Number(values['ramp-factor']))
    ) {
      const recorder = new Recorder();
      let stopped = false;
      const bombing = bombEvery10s(() => stopped);
      const run = await openLoop({ rate, seconds: Number(values['ramp-step']), operations, recorder, random });
      stopped = true;
      await bombing;
      const all = recorder.combined(normal);
      const ok = all.errors === 0 && run.shed === 0 && all.p99 < slo;
      console.log(
        `  ${String(rate).padStart(5)} req/s: ${(run.sent / run.seconds).toFixed(1)} achieved, p50 ${ms(all.p50)} ms, p99 ${ms(all.p99)} ms, errors ${all.errors}, shed ${run.shed} ${ok ? 'ok' : 'STOP'} (load ${loadAverage()})`,
      );
      if (!ok) break;
      passed = rate;
    }
    holdRate = passed ?? holdRate;
  }

  // Hold.
  console.log(`\nhold: ${holdRate} req/s of normal traffic for ${duration} s, jobs and bombs on top…`);
  const recorder = new Recorder();
  const rssHoldStart = rss();
  const rssPeak = new Map(rssHoldStart);
  const rssSeries = new Map(processes.map((p) => [p.name, [rssHoldStart.get(p.name)]]));
  const sampleRss = () => {
    for (const [name, bytes] of rss()) {
      if ((bytes ?? 0) > (rssPeak.get(name) ?? 0)) rssPeak.set(name, bytes);
      rssSeries.get(name)!.push(bytes);
    }
  };
  let stopped = false;
  const stop = () => stopped;
  loads.push(`hold start: ${loadAverage()}`);
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const TRAINING = `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) {
    ok error { code message } trainingSet { id status rowCount } } }`;
  let builds = 0;
  const background = [
    bombEvery10s(stop),
    periodically({ everySeconds: 60, firstAfterSeconds: 30, stop }, () =>
      recorder.time('createTrainingSet (every 60 s)', async () => {
        const d = await bench.post(
          TRAINING,
          {
            i: {
              name: `soak-${++builds}`,
              entities: symbols,
              spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
              period: { from: '2017-01-03', to: '2017-12-29' },
              features: features.map((f) => `${f}@1`),
              labels: [{ name: 'fwd_5', forwardReturn: { horizon: 5 } }],
            },
          },
          { token: researcher },
        );
        const ts = d.createTrainingSet;
        if (!ts.ok || ts.trainingSet.status !== 'READY' || ts.trainingSet.rowCount !== symbols.length * SESSIONS_2017)
          throw new Error(`training set: ${JSON.stringify(ts)}`);
      }),
    ),
    periodically({ everySeconds: 120, firstAfterSeconds: 60, stop }, () =>
      recorder.time('materializeFeatures run (every 120 s)', async () => {
        await materializeAndWait(bench, { features, universe: symbols, from: '2018-01-01T00:00:00Z' }, researcher);
      }),
    ),
    periodically({ everySeconds: 30, firstAfterSeconds: 30, stop }, async () => {
      sampleRss();
      loads.push(`${Math.round((performance.now() - wall0) / 1000)} s: ${loadAverage()}`);
    }),
  ];
  const run = await openLoop({ rate: holdRate, seconds: duration, operations, recorder, random });
  stopped = true;
  await Promise.all(background);
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - wall0) / 1000;
  sampleRss();
  const rssHoldEnd = new Map([...rssSeries].map(([name, series]) => [name, series.at(-1)]));
  loads.push(`hold end: ${loadAverage()}`);

  // Report.
  const all = recorder.combined(normal);
  console.log(
    `\nsoak on ${bench.databaseLabel}: ${duration} s at ${holdRate} req/s target, ${(run.sent / run.seconds).toFixed(1)} req/s achieved, ${run.sent} requests, shed ${run.shed}`,
  );
  const header = ['operation', 'requests', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'];
  const rows = recorder
    .summary()
    .map((s) => [s.name, String(s.n + s.errors), String(s.errors), ms(s.p50), ms(s.p90), ms(s.p99), ms(s.max)]);
  rows.push([
    'all normal traffic',
    String(all.n + all.errors),
    String(all.errors),
    ms(all.p50),
    ms(all.p90),
    ms(all.p99),
    ms(all.max),
  ]);
  console.log(table([header, ...rows]));
  for (const s of recorder.summary()) for (const sample of s.samples) console.log(`  error in ${s.name}: ${sample}`);

  console.log(`\nbombs from another user (one every 10 s, rotating; also during the ramp):`);
  const bombRows = BOMBS.map((b) => {
    const mine = bombs.filter((o) => o.bomb === b.name);
    const t = summarize(mine.map((o) => o.ms));
    return [b.name, String(mine.length), String(mine.filter((o) => o.refused).length), b.limit, ms(t.p50), ms(t.max)];
  });
  console.log(table([['bomb', 'sent', 'refused', 'limit named', 'p50 ms', 'max ms'], ...bombRows]));
  for (const o of bombs.filter((x) => !x.refused))
    console.log(`  NOT refused: ${o.bomb}: HTTP ${o.status} ${o.detail}`);

  const mb = (b: number | null | undefined) => (b ? (b / 2 ** 20).toFixed(0) : 'gone');
  const growth = (a: number | null | undefined, b: number | null | undefined) =>
    a && b ? `${(((b - a) / a) * 100).toFixed(1)}%` : '-';
  console.log(`\nresident memory (VmRSS, MiB):`);
  console.log(
    table([
      ['process', 'pid', 'after start', 'hold start', 'hold end', 'peak', 'growth in hold'],
      ...processes.map((p) => [
        p.name,
        String(p.pid),
        mb(rssAtStart.get(p.name)),
        mb(rssHoldStart.get(p.name)),
        mb(rssHoldEnd.get(p.name)),
        mb(rssPeak.get(p.name)),
        growth(rssHoldStart.get(p.name), rssHoldEnd.get(p.name)),
      ]),
    ]),
  );
  console.log('RSS every 30 s of the hold (MiB):');
  for (const [name, series] of rssSeries) console.log(`  ${name.padEnd(12)} ${series.map(mb).join(' ')}`);
  console.log(`\nload average (1, 5, 15 min): ${loads.join(' | ')}`);
  console.log(`benchmark client CPU: ${(((cpu.user + cpu.system) / 1e6 / wall) * 100).toFixed(0)}% of one core`);
  const refused = bombs.filter((o) => o.refused).length;
  const maxGrowth = Math.max(
    ...processes.map((p) => ((rssHoldEnd.get(p.name) ?? NaN) - rssHoldStart.get(p.name)!) / rssHoldStart.get(p.name)!),
  );
  console.log(
    `\nverdict: normal traffic errors ${all.errors} (target 0); jobs errors ${recorder
      .summary()
      .filter((s) => !normal.includes(s.name))
      .reduce((n, s) => n + s.errors, 0)}; ` +
      `bombs refused ${refused}/${bombs.length}; p99 ${ms(all.p99)} ms (target < ${slo}); largest RSS growth ${(maxGrowth * 100).toFixed(1)}% (target < 10%)`,
  );
} finally {
  await bench.dispose();
}
