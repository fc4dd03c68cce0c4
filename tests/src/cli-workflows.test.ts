// The `alphagraph` CLI's workflow commands against a real platform (five subgraphs and the gateway,
// demo data), each run through runCli exactly as a terminal would: a researcher defines and
// materializes two features, builds a training set into a Parquet file, trains two versions of a
// small regression; a validator approves them; an admin deploys both, rolls back; a trader tails an
// alert raised by the monitoring job and pulls the kill switch; backtests, their report and a sweep.
// Every command is a client of the GraphQL API through @alphagraph/sdk; refusals print the
// platform's message and exit non-zero; --json output parses.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@alphagraph/auth';
import { runCli } from '@alphagraph/cli';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const UNIVERSE = ['AAPL', 'AMZN', 'BAC', 'CSCO', 'CVX'];
const MODEL = 'cli_mom_regression';
// XNYS sessions from 2016-01-04 to 2016-03-31, counted by hand: January 19 (New Year's Day observed
// on the 1st, Martin Luther King Day the 18th), February 20 (Presidents' Day the 15th), March 22
// (Good Friday the 25th).
const SESSIONS_2016_Q1 = 19 + 20 + 22;

interface Run {
  code: number;
  out: string;
  err: string;
}

describe('the alphagraph CLI workflows through the gateway', () => {
  let p: TestPlatform;
  let dir: string;
  const tokens = new Map<string, string>();
  const state: { trainingSet?: string; versions: string[]; backtest?: string } = { versions: [] };

  /** `alphagraph …` as `user` with `roles`, against the test platform's gateway (from the environment). */
  const cli = async (user: string, roles: Role[], ...argv: string[]): Promise<Run> => {
    const key = `${user}:${roles.join(',')}`;
    if (!tokens.has(key)) tokens.set(key, await p.token(roles, user));
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(
      argv,
      { ALPHAGRAPH_GATEWAY_URL: p.gatewayUrl, ALPHAGRAPH_TOKEN: tokens.get(key) },
      { out: (s) => void out.push(s), err: (s) => void err.push(s) },
    );
    return { code, out: out.join(''), err: err.join('') };
  };
  const ok = (run: Run) => {
    if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.err}`);
    return run;
  };
  const researcher = (...argv: string[]) => cli('rita', ['researcher'], ...argv);
  const spec = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(value));
    return path;
  };

  beforeAll(async () => {
    // The demo's bars take minutes to load on a loaded machine: a longer readiness wait than the default.
    p = await startTestPlatform({ readyTimeoutMs: 480_000 });
    dir = mkdtempSync(join(tmpdir(), 'ag-cli-'));
  }, 600_000);
  afterAll(async () => {
    await p?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('features define (human and --json) and materialize; an unknown feature is refused by name', async () => {
    const defined = ok(
      await researcher(
        'features',
        'define',
        '--name',
        'cli_mom_5',
        '--expression',
        '$close / Ref($close, 5) - 1',
        '--description',
        'Five-session momentum',
        '--universe',
        UNIVERSE.join(','),
      ),
    );
    expect(defined.out).toMatch(
      /^cli_mom_5@1 defined \(new version\)\n {2}expression {2}\$close \/ Ref\(\$close, 5\) - 1/,
    );
    const json = JSON.parse(
      ok(
        await researcher(
          'features',
          'define',
          '--json',
          '--name',
          'cli_vol_10',
          '--expression',
          'Std($close / Ref($close, 1) - 1, 10)',
          '--description',
          'Ten-session volatility of daily returns',
          '--universe',
          UNIVERSE.join(','),
        ),
      ).out,
    );
    expect(json).toMatchObject({
      created: true,
      feature: { ref: 'cli_vol_10@1', owner: 'rita', entity: 'INSTRUMENT' },
    });
    // The same definition again is not a new version.
    const again = ok(
      await researcher(
        'features',
        'define',
        '--json',
        '--name',
        'cli_mom_5',
        '--expression',
        '$close / Ref($close, 5) - 1',
        '--description',
        'Five-session momentum (reworded)',
      ),
    );
    expect(JSON.parse(again.out)).toMatchObject({ created: false, feature: { ref: 'cli_mom_5@1' } });

    const materialized = ok(
      await researcher(
        'features',
        'materialize',
        '--json',
        '--features',
        'cli_mom_5,cli_vol_10',
        '--universe',
        UNIVERSE.join(','),
        '--mode',
        'BACKFILL',
        '--from',
        '2015-10-01T00:00:00Z',
        '--to',
        '2016-08-01T00:00:00Z',
      ),
    );
    const run = JSON.parse(materialized.out);
    expect(run.status).toBe('SUCCEEDED');
    // One row per (instrument, session) holding both features: about 210 sessions in those ten months.
    expect(run.rowsWritten).toBeGreaterThanOrEqual(UNIVERSE.length * 200);

    const unknown = await researcher('features', 'materialize', '--features', 'cli_no_such_feature');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^alphagraph features materialize: .*cli_no_such_feature.* \[NOT_FOUND\]\n$/);
    const badExpression = await researcher(
      'features',
      'define',
      '--name',
      'cli_bad',
      '--expression',
      '$close / Ref($close, 5',
      '--description',
      'unbalanced',
    );
    expect(badExpression.code).toBe(1);
    expect(badExpression.err).toMatch(/\(line 1, column \d+\) \[BAD_EXPRESSION\]/);
  }, 300_000);

  it('training-set build --out writes a valid Parquet file with one row per entity and session', async () => {
    const out = join(dir, 'set.parquet');
    const built = ok(
      await researcher(
        'training-set',
        'build',
        '--name',
        'cli_set',
        '--entities',
        UNIVERSE.join(','),
        '--from',
        '2016-01-04',
        '--to',
        '2016-03-31',
        '--features',
        'cli_mom_5,cli_vol_10',
        '--label',
        'fwd_5=5',
        '--spec',
        spec('split.json', { split: { train: 0.6, validation: 0.2 } }),
        '--out',
        out,
      ),
    );
    // The progress went to stderr (no terminal here: one line per phase), the summary to stdout.
    expect(built.err).toMatch(/ build +done: \d+\/\d+ polls/);
    expect(built.err).toMatch(/ download +done: [\d,]+\/[\d,]+ bytes/);
    expect(built.out).toMatch(/^training set cli_set \(([\w-]+)\): 305 rows/);
    expect(built.out).toMatch(/wrote .*set\.parquet/);
    state.trainingSet = built.out.match(/^training set cli_set \(([\w-]+)\)/)![1];

    const bytes = readFileSync(out);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const metadata = parquetMetadata(file);
    expect(Number(metadata.num_rows)).toBe(UNIVERSE.length * SESSIONS_2016_Q1);
    const rows = (await parquetReadObjects({ file, compressors })) as Record<string, unknown>[];
    expect(rows).toHaveLength(UNIVERSE.length * SESSIONS_2016_Q1);
    expect(new Set(rows.map((r) => r.entity))).toEqual(new Set(UNIVERSE));
    const columns = Object.keys(rows[0]!);
    expect(columns).toEqual(
      expect.arrayContaining(['entity', 't', 'cli_mom_5__v1', 'cli_vol_10__v1', 'label_fwd_5', 'split']),
    );
    expect(rows.filter((r) => typeof r.cli_mom_5__v1 === 'number').length).toBe(rows.length);
  }, 300_000);

  it('models train → submit → approve → promote → rollback → kill, with a wrong role refused', async () => {
    const registered = ok(
      await researcher(
        'models',
        'register',
        '--spec',
        spec('model.json', {
          name: MODEL,
          task: 'REGRESSION',
          description: 'Five-session forward return from momentum and volatility (CLI e2e).',
          owner: 'cli-desk',
          universe: UNIVERSE,
          label: 'fwd_5',
          problem: {
            objective: 'ALPHA',
            statement: 'Predict the next five sessions return.',
            successCriteria: [{ metric: 'rmse', op: 'LTE', threshold: 1 }],
          },
        }),
      ),
    );
    expect(registered.out).toMatch(new RegExp(`^model ${MODEL} registered`));
    for (const seed of ['1', '2']) {
      const trained = JSON.parse(
        ok(
          await researcher(
            'models',
            'train',
            '--json',
            '--model',
            MODEL,
            '--training-set',
            state.trainingSet!,
            '--algorithm',
            'linear_regression',
            '--seed',
            seed,
            '--folds',
            '0',
          ),
        ).out,
      );
      expect(trained).toMatchObject({ status: 'READY', stage: 'REGISTERED', algorithm: 'linear_regression' });
      state.versions.push(trained.id);
    }
    const [v1, v2] = state.versions as [string, string];
    for (const v of [v1, v2]) {
      expect(ok(await researcher('models', 'submit', '--version', v, '--note', 'ready for review')).out).toMatch(
        /submitted: status READY, stage REGISTERED/,
      );
      const approved = ok(
        await cli('val', ['validator'], 'models', 'approve', '--version', v, '--findings', 'metrics and card reviewed'),
      );
      expect(approved.out).toMatch(/approved: status READY, stage VALIDATED/);
    }
    const admin = (...argv: string[]) => cli('ada', ['admin'], ...argv);
    for (const v of [v1, v2]) {
      expect(
        ok(
          await admin(
            'models',
            'promote',
            '--version',
            v,
            '--to',
            'CANARY',
            '--reason',
            'rollout step approved',
            '--capital-fraction',
            '0.05',
          ),
        ).out,
      ).toMatch(/promoted: status READY, stage CANARY, capital fraction 0.05/);
      expect(
        ok(await admin('models', 'promote', '--version', v, '--to', 'PRODUCTION', '--reason', 'rollout step approved'))
          .out,
      ).toMatch(/promoted: status READY, stage PRODUCTION/);
    }
    const rolled = JSON.parse(
      ok(await admin('models', 'rollback', '--json', '--model', MODEL, '--reason', 'v2 underperforms live')).out,
    );
    expect(rolled).toMatchObject({ id: v1, stage: 'PRODUCTION' });

    // A researcher may not pull the kill switch: the platform's message, exit 1.
    const denied = await researcher('models', 'kill', '--model', MODEL, '--reason', 'not mine to pull');
    expect(denied.code).toBe(1);
    expect(denied.err).toMatch(/^alphagraph models kill: .+ \[FORBIDDEN\]\n$/);
  }, 600_000);

  it('alerts tail receives the alert the monitoring job raises, then stops (--count 1); --timeout ends a quiet tail', async () => {
    const tail = cli(
      'tom',
      ['trader'],
      'alerts',
      'tail',
      '--json',
      '--model',
      MODEL,
      '--count',
      '1',
      '--timeout',
      '60',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    // Signals served now read eight-year-old features (past their TTL): the job finds them stale.
    const service = { token: await p.token(['service'], 'svc') };
    const signals = await p.query(`query { signals(model: "${MODEL}") { status } }`, {}, service);
    expect(signals.errors).toBeUndefined();
    const monitoring = await p.query(`mutation { runMonitoring(model: "${MODEL}") { alerts { rule } } }`, {}, service);
    expect(monitoring.errors).toBeUndefined();
    const run = ok(await tail);
    const lines = run.out.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ model: MODEL, rule: 'STALE_FEATURES', severity: 'WARNING' });

    const quiet = ok(await cli('tom', ['trader'], 'alerts', 'tail', '--model', MODEL, '--timeout', '1'));
    expect(quiet.out).toBe('');
    expect(quiet.err).toBe('alerts tail: 0 alert(s) in 1 s\n');

    const killed = ok(await cli('tom', ['trader'], 'models', 'kill', '--model', MODEL, '--reason', 'stale features'));
    expect(killed.out).toMatch(
      new RegExp(`^model ${MODEL} killed\\n.*\\n {2}kill switch: PULLED by tom at .*: stale features`),
    );
  }, 300_000);

  const BACKTEST = {
    name: 'cli_momentum',
    universe: UNIVERSE,
    periodStart: '2016-01-04',
    periodEnd: '2016-06-30',
    signal: { expression: '$close / Ref($close, 5) - 1' },
    strategy: { rule: { type: 'topK', long: 1, short: 1 }, rebalance: 'weekly' },
  };

  it('backtest run and report print the metrics table and the report URL', async () => {
    const run = ok(await researcher('backtest', 'run', '--spec', spec('backtest.json', BACKTEST)));
    const [, id] = run.out.match(/^backtest cli_momentum \(([\w-]+)\): SUCCEEDED, 2016-01-04 to 2016-06-30/)!;
    state.backtest = id;
    expect(run.out).toMatch(/metric +value\n-+ +-+\n/);
    expect(run.out).toMatch(/\ntotal return +-?\d+\.\d{2}%\n/);
    expect(run.out).toMatch(/\nSharpe +-?\d+\.\d{4}\n/);
    expect(run.out).toMatch(/\nmax drawdown +-?\d+\.\d{2}%\n/);
    const url = run.out.match(/\nreport: (\S+)\n/)![1]!;
    expect(url.startsWith(new URL(p.gatewayUrl).origin)).toBe(true);
    // The URL is the report page: an analyst's browser gets it.
    const page = await fetch(url, { headers: { authorization: `Bearer ${await p.token(['analyst'], 'ann')}` } });
    expect(page.status).toBe(200);

    const report = ok(await cli('ann', ['analyst'], 'backtest', 'report', id!));
    expect(report.out).toBe(run.out);
    const json = JSON.parse(ok(await cli('ann', ['analyst'], 'backtest', 'report', '--json', id!)).out);
    expect(json.reportUrl).toBe(url);
    expect(json.backtest).toMatchObject({ id, status: 'SUCCEEDED' });
    expect(typeof json.backtest.metrics.sharpe).toBe('number');

    const missing = await cli('ann', ['analyst'], 'backtest', 'report', '00000000-0000-4000-8000-000000000000');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/not found \[NOT_FOUND\]/);
  }, 300_000);

  it('backtest sweep prints every configuration, the DSR and PBO of the best, and the report URL', async () => {
    const sweep = ok(
      await researcher(
        'backtest',
        'sweep',
        '--spec',
        spec('sweep.json', {
          ...BACKTEST,
          name: 'cli_sweep',
          signal: { expression: '$close / Ref($close, {window}) - 1' },
        }),
        '--grid',
        'window=5,10',
        '--grid',
        'strategy.rule.long=1,2',
        '--blocks',
        '8',
      ),
    );
    expect(sweep.out).toMatch(/^sweep cli_sweep \([\w-]+\): SUCCEEDED, 4 configurations\n/);
    expect(sweep.out).toMatch(/# +window +strategy\.rule\.long +total return +Sharpe +max drawdown/);
    expect(sweep.out).toMatch(/Deflated Sharpe Ratio -?\d\.\d{4}, PBO \d\.\d{4} \(8 CSCV blocks\)/);
    expect(sweep.out).toMatch(/\nreport: http\S+\n/);
    expect(sweep.out).toMatch(/\nbest backtest report: http\S+\n/);
  }, 300_000);
});
