// Bystander latency (issue 12, Tests): a trader's online feature reads through the gateway, open
// loop at `--rate` per second, alone and while another user sends issue 12's bombs continuously
// from a worker thread (`--bombers` clients back to back, rotating fan-out, fragment doubling, 500 aliases of dataQuality
// and a 20 MB body; every one must be refused), the two bands alternating `--rounds` times. The per-user rate
// limit is lifted for everyone (as in the other gateway benchmarks), so the bombs reach the
// operation limits instead of being turned away by the caller's token bucket: the harder case.
// Prints the two bands side by side. Run:
// pnpm --filter @alphagraph/bench run bench:bystander [--duration 20] [--rounds 3] [--rate 20] [--bombers 4] [--only '20 MB body'].
// Prints figures; asserts nothing about time.
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { BOMBS, type BombOutcome } from './bombs.ts';
import { ms, summarize, table } from './latency.ts';
import { defineOnlineFeatures, firstSymbols, materializeAndWait } from './online-features.ts';
import { openLoop, Recorder, seededRandom } from './open-loop.ts';
import { DEFAULT_ADMIN_URL, loadAverage, startBenchPlatform, waitUntilIdle } from './platform.ts';
import { normalTraffic } from './traffic.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    duration: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '3' },
    rate: { type: 'string', default: '20' },
    bombers: { type: 'string', default: '4' },
    database: { type: 'string', default: 'postgres' },
    postgres: { type: 'string', default: DEFAULT_ADMIN_URL },
    'online-entities': { type: 'string', default: '20' },
    /** One bomb by name (e.g. "20 MB body") instead of all four in turn. */
    only: { type: 'string' },
  },
});
const duration = Number(values.duration);
const rate = Number(values.rate);
if (values.only && !BOMBS.some((b) => b.name === values.only))
  throw new Error(`--only must name a bomb: ${BOMBS.map((b) => JSON.stringify(b.name)).join(', ')}`);
if (values.database !== 'postgres' && values.database !== 'embedded')
  throw new Error(`--database must be postgres or embedded, not ${values.database}`);

console.log(
  `starting the platform (${values.database === 'postgres' ? `fresh database on ${values.postgres}` : 'embedded PGlite'})…`,
);
const bench = await startBenchPlatform({
  database:
    values.database === 'postgres' ? { kind: 'fresh-postgres', adminUrl: values.postgres! } : { kind: 'embedded-temp' },
});
try {
  console.log(`platform idle after ${(await waitUntilIdle(bench.processes())).toFixed(0)} s`);
  const [trader, researcher, bomber] = await Promise.all([
    bench.token(['trader'], 'tess-trader'),
    bench.token(['researcher'], 'rosa-researcher'),
    bench.token(['researcher'], 'mallory-bombs'),
  ]);
  const symbols = await firstSymbols(bench, 100, { token: trader, assetClass: 'EQUITY' });
  const features = await defineOnlineFeatures(bench, researcher);
  await materializeAndWait(bench, { features, universe: symbols, from: '2017-01-01T00:00:00Z' }, researcher);
  // The soak's trader operation alone: the same request and the same check of its answer.
  const online = normalTraffic(
    bench,
    { analyst: trader, trader },
    { symbols, features, onlineEntities: Number(values['online-entities']) },
  ).filter((o) => o.name.startsWith('onlineFeatures'));
  const random = seededRandom(7);
  const warm = new Recorder();
  for (let i = 0; i < 50; i++) await warm.time('warm-up', () => online[0]!.run(random));

  /** Starts the bombers in a worker thread; the returned function stops them and gives their outcomes. */
  const startBomber = (token: string) => {
    // The worker is a TypeScript module too: it registers tsx in its own thread, then loads it.
    const entry = new URL('./bomber.worker.ts', import.meta.url).href;
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
    const worker = new Worker(boot, {
      eval: true,
      workerData: { url: bench.platform.gatewayUrl, token, clients: Number(values.bombers), only: values.only },
    });
    const done = new Promise<BombOutcome[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    return async () => {
      worker.postMessage('stop');
      const outcomes = await done;
      await worker.terminate();
      return outcomes;
    };
  };
  // The bands alternate (alone, with bombs, alone, ...) for `--rounds` rounds, so a change in the
  // machine's other load during the run falls on both bands alike.
  const bands = ['alone', 'with bombs'].map((name) => ({
    name,
    recorder: new Recorder(),
    outcomes: [] as BombOutcome[],
    seconds: 0,
    shed: 0,
    rounds: [] as string[],
  }));
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const [b, band] of bands.entries()) {
      const roundRecorder = new Recorder();
      const outcomesBefore = band.outcomes.length;
      const bombing = b === 0 ? undefined : startBomber(bomber);
      const load = loadAverage().split(' ')[0];
      const run = await openLoop({ rate, seconds: duration, operations: online, recorder: roundRecorder, random });
      if (bombing) band.outcomes.push(...(await bombing()));
      band.seconds += run.seconds;
      band.shed += run.shed;
      const [s] = roundRecorder.summary();
      band.rounds.push(
        `p50 ${ms(s!.p50)} p99 ${ms(s!.p99)} (${band.outcomes.length - outcomesBefore} bombs, load ${load})`,
      );
      band.recorder.merge(roundRecorder);
    }
  }
  console.log(
    `\nbystander: a trader's onlineFeatures (${values['online-entities']} entities x ${features.length} features, dense), ` +
      `open loop at ${rate} req/s, ${values.rounds} rounds of ${duration} s per band, alternating; ${bench.databaseLabel}`,
  );
  const summaries = bands.map((band) => ({ band, s: band.recorder.summary()[0]! }));
  console.log(
    table([
      ['band', 'requests', 'errors', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'bombs sent', 'refused', 'bombs/s'],
      ...summaries.map(({ band, s }) => [
        band.name,
        String(s.n + s.errors),
        String(s.errors + band.shed),
        ms(s.p50),
        ms(s.p90),
        ms(s.p99),
        ms(s.max),
        String(band.outcomes.length),
        String(band.outcomes.filter((o) => o.refused).length),
        (band.outcomes.length / band.seconds).toFixed(1),
      ]),
    ]),
  );
  console.log('\nper round:');
  for (const band of bands) console.log(`  ${band.name.padEnd(10)} ${band.rounds.join(' | ')}`);
  const bombed = bands[1]!.outcomes;
  console.log('\nrefusal latency per bomb (with bombs band):');
  console.log(
    table([
      ['bomb', 'sent', 'refused', 'limit named', 'p50 ms', 'p99 ms'],
      ...BOMBS.filter((b) => !values.only || b.name === values.only).map((b) => {
        const mine = bombed.filter((o) => o.bomb === b.name);
        const t = summarize(mine.map((o) => o.ms));
        return [
          b.name,
          String(mine.length),
          String(mine.filter((o) => o.refused).length),
          b.limit,
          ms(t.p50),
          ms(t.p99),
        ];
      }),
    ]),
  );
  for (const o of bombed.filter((x) => !x.refused).slice(0, 5))
    console.log(`  NOT refused: ${o.bomb}: HTTP ${o.status} ${o.detail}`);
  for (const sample of summaries.flatMap((x) => x.s.samples)) console.log(`  trader error: ${sample}`);
} finally {
  await bench.dispose();
}
