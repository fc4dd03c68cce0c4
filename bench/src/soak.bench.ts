// Soak (issue 12 item 7): mixed traffic through the gateway for `--duration` seconds (default 10
// minutes) at the highest rate the machine sustains with p99 under `--slo` ms for the normal traffic,
// found by a short ramp first (rate x `--ramp-factor` every `--ramp-step` seconds until p99, an
// error or an unmet rate says stop), then held. Normal traffic: catalog reads, bars, the
// cross-subgraph instrument, online features (open loop, operations drawn by weight); on top, a
// training-set build every minute and a materialization every two minutes (a researcher), and one
// of issue 12's bombs every 10 seconds from another user, rotating, each of which must be refused.
// Prints requests, errors and p50/p99 per operation, the bombs' answers, and the memory of the
// gateway and each subgraph over the hold: resident memory (VmRSS) and V8 heap (from each process's
// /metrics) every `--sample-every` seconds, start vs end both as single samples and as the median of
// the first and last `--window` seconds. `--heap-snapshots` writes a heap snapshot of every process
// just before the hold and just after it (into a temporary folder it names; the writing itself
// raises RSS, so the start figures include it); `--node-options` is passed to every process as
// NODE_OPTIONS (e.g. `--max-semi-space-size=16`). Starts the platform on a fresh database on the
// Postgres at `--postgres` (dropped at the end; `--database embedded` for PGlite).
// Run: pnpm --filter @alphagraph/bench run bench:soak [--duration 600] [--rate N to skip the ramp].
// Prints figures; asserts nothing about time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BOMBS, type BombOutcome, sendBomb } from './bombs.ts';
import { ms, summarize, table } from './latency.ts';
import { createMemorySampler, heapSnapshotNodeOptions, startVersusEnd, takeHeapSnapshots } from './memory.ts';
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
    'sample-every': { type: 'string', default: '10' },
    window: { type: 'string', default: '60' },
    'heap-snapshots': { type: 'boolean', default: false },
    'node-options': { type: 'string' },
  },
});
const sampleEvery = Number(values['sample-every']);
const memoryWindow = Number(values.window);
const snapshotDir = values['heap-snapshots'] ? mkdtempSync(join(tmpdir(), 'ag-soak-heap-')) : undefined;
const nodeOptions = [values['node-options'], snapshotDir && heapSnapshotNodeOptions(snapshotDir)]
  .filter(Boolean)
  .join(' ');
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
  ...(nodeOptions ? { env: { NODE_OPTIONS: [process.env.NODE_OPTIONS, nodeOptions].filter(Boolean).join(' ') } } : {}),
});
if (nodeOptions) console.log(`every process runs with NODE_OPTIONS ${nodeOptions}`);
const processes = bench.processes();
if (processes.length !== 6)
  throw new Error(`expected the gateway and five subgraphs, found ${JSON.stringify(processes)}`);
const rssAtStart = new Map(processes.map((p) => [p.name, residentBytes(p.pid)]));
const metricsUrls = Object.fromEntries(
  processes.map((p) => {
    const url =
      p.name === 'gateway'
        ? bench.platform.gatewayUrl
        : (bench.platform.subgraphUrls as Record<string, string>)[p.name]!;
    return [p.name, new URL('/metrics', url).href];
  }),
);
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
  const snapshotsBefore = snapshotDir
    ? await takeHeapSnapshots(processes, { dir: snapshotDir, metricsUrls })
    : undefined;
  const memory = createMemorySampler(processes, metricsUrls);
  await memory.sample();
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
    periodically({ everySeconds: sampleEvery, firstAfterSeconds: sampleEvery, stop }, () => memory.sample()),
    periodically({ everySeconds: 30, firstAfterSeconds: 30, stop }, async () => {
      loads.push(`${Math.round((performance.now() - wall0) / 1000)} s: ${loadAverage()}`);
    }),
  ];
  const run = await openLoop({ rate: holdRate, seconds: duration, operations, recorder, random });
  stopped = true;
  await Promise.all(background);
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - wall0) / 1000;
  await memory.sample();
  loads.push(`hold end: ${loadAverage()}`);
  const snapshotsAfter = snapshotDir
    ? await takeHeapSnapshots(processes, { dir: snapshotDir, metricsUrls })
    : undefined;

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

  const mb = (b: number | null | undefined) => (b ? (b / 2 ** 20).toFixed(0) : '-');
  const growthOf = (a: number | null | undefined, b: number | null | undefined) => (a && b ? (b - a) / a : NaN);
  const pct = (g: number) => (Number.isFinite(g) ? `${g >= 0 ? '+' : ''}${(g * 100).toFixed(1)}%` : '-');
  // A window of `--window` seconds holds this many samples, the one at its start included.
  const windowSamples = Math.round(memoryWindow / sampleEvery) + 1;
  const memoryRows = processes.map((p) => {
    const samples = memory.series.get(p.name)!;
    const rss = startVersusEnd(samples, 'rss', windowSamples);
    const heap = startVersusEnd(samples, 'heapUsed', windowSamples);
    const afterGc = startVersusEnd(samples, 'heapAfterGc', windowSamples);
    const peak = Math.max(...samples.map((x) => x.rss ?? 0));
    return { p, rss, heap, afterGc, peak };
  });
  const span = memory.series.get(processes[0]!.name)!.at(-1)?.t ?? 0;
  console.log(
    `\nmemory over the hold (MiB), sampled every ${sampleEvery} s (${memory.series.get(processes[0]!.name)!.length} samples over ${span.toFixed(0)} s):` +
      `\n  single: the first sample (hold start) and the last (hold end); window: the median of the first and last ${windowSamples} samples (${memoryWindow} s)` +
      `\n  RSS is VmRSS from /proc/<pid>/status; heap is nodejs_heap_size_used_bytes, after GC alphagraph_heap_used_after_major_gc_bytes, from each process's /metrics`,
  );
  console.log(
    table([
      [
        'process',
        'pid',
        'RSS after start',
        'RSS first',
        'RSS last',
        'growth single',
        `RSS first ${memoryWindow}s`,
        `RSS last ${memoryWindow}s`,
        'growth window',
        'RSS peak',
        `heap first ${memoryWindow}s`,
        `heap last ${memoryWindow}s`,
        'heap growth',
        'after GC first',
        'after GC last',
      ],
      ...memoryRows.map(({ p, rss, heap, afterGc, peak }) => [
        p.name,
        String(p.pid),
        mb(rssAtStart.get(p.name)),
        mb(rss.first),
        mb(rss.last),
        pct(growthOf(rss.first, rss.last)),
        mb(rss.firstWindow),
        mb(rss.lastWindow),
        pct(growthOf(rss.firstWindow, rss.lastWindow)),
        mb(peak),
        mb(heap.firstWindow),
        mb(heap.lastWindow),
        pct(growthOf(heap.firstWindow, heap.lastWindow)),
        mb(afterGc.firstWindow),
        mb(afterGc.lastWindow),
      ]),
    ]),
  );
  console.log(`RSS every ${sampleEvery} s of the hold (MiB):`);
  for (const [name, series] of memory.series)
    console.log(`  ${name.padEnd(12)} ${series.map((x) => mb(x.rss)).join(' ')}`);
  if (snapshotsBefore && snapshotsAfter) {
    console.log(
      `\nheap snapshots (file size, MiB) in ${snapshotDir}; open them in Chrome DevTools' Memory tab to compare:`,
    );
    for (const p of processes) {
      const a = snapshotsBefore.get(p.name);
      const b = snapshotsAfter.get(p.name);
      console.log(
        `  ${p.name.padEnd(12)} ${mb(a?.bytes)} -> ${mb(b?.bytes)}  ${a?.file ?? 'none'}  ${b?.file ?? 'none'}`,
      );
    }
  }
  console.log(`\nload average (1, 5, 15 min): ${loads.join(' | ')}`);
  console.log(`benchmark client CPU: ${(((cpu.user + cpu.system) / 1e6 / wall) * 100).toFixed(0)}% of one core`);
  const refused = bombs.filter((o) => o.refused).length;
  const maxGrowth = (pick: (r: (typeof memoryRows)[number]['rss']) => [number | null, number | null]) =>
    Math.max(...memoryRows.map((r) => growthOf(...pick(r.rss))));
  const windowGrowth = maxGrowth((r) => [r.firstWindow, r.lastWindow]);
  const singleGrowth = maxGrowth((r) => [r.first, r.last]);
  console.log(
    `\nverdict: normal traffic errors ${all.errors} (target 0); jobs errors ${recorder
      .summary()
      .filter((s) => !normal.includes(s.name))
      .reduce((n, s) => n + s.errors, 0)}; ` +
      `bombs refused ${refused}/${bombs.length}; p99 ${ms(all.p99)} ms (target < ${slo}); largest RSS growth ${pct(windowGrowth)} by the median of the first and last ${memoryWindow} s, ${pct(singleGrowth)} by single samples (target < 10%)`,
  );
} finally {
  await bench.dispose();
}
