import type { AlphagraphClient, BacktestSummary, operations, SweepSummary } from '@alphagraph/sdk';
import { z } from 'zod';
import {
  clientFrom,
  type Env,
  fmt,
  type Out,
  parseCommand,
  print,
  readJsonFile,
  table,
  UsageError,
  validate,
} from './connection.ts';

export const BACKTEST_USAGE = `  backtest run --spec SPEC.json [--name N] [--no-wait]
                           run a backtest (SPEC: BacktestSpecInput as JSON); prints its metrics table and
                           the report URL (equity and drawdown curves)
  backtest sweep --spec SPEC.json --grid NAME=V1,V2,… [--grid …] [--blocks N] [--name N]
                           run every configuration of the grid; prints each configuration, the best one's
                           Deflated Sharpe Ratio and PBO, and the report URLs
  backtest report ID       a backtest's metrics table and report URL`;

/** The spec's outline only: the platform validates the rest (INVALID_SPEC names the field). */
const specShape = z
  .object({
    name: z.string().min(1, { message: 'is required (--name or "name" in the spec)' }),
    universe: z.array(z.string(), { message: 'is required: a list of symbols' }),
    periodStart: z.string({ message: 'is required (YYYY-MM-DD)' }),
    periodEnd: z.string({ message: 'is required (YYYY-MM-DD)' }),
  })
  .passthrough();

const gridAxis = z
  .string()
  .regex(/^[A-Za-z_][\w.]*=-?[\d.e+-]+(,-?[\d.e+-]+)*$/, { message: 'is NAME=V1,V2,… (e.g. window=5,10,20)' })
  .transform((s) => {
    const [name, values] = s.split('=') as [string, string];
    return { name, values: values.split(',').map(Number) };
  })
  .refine((axis) => axis.values.every(Number.isFinite), { message: 'has a value that is not a number' });

const METRICS: readonly [keyof NonNullable<BacktestSummary['metrics']>, string, 'pct' | 'num' | 'int'][] = [
  ['totalReturn', 'total return', 'pct'],
  ['annualizedReturn', 'annualized return', 'pct'],
  ['annualizedVolatility', 'annualized volatility', 'pct'],
  ['sharpe', 'Sharpe', 'num'],
  ['sortino', 'Sortino', 'num'],
  ['calmar', 'Calmar', 'num'],
  ['maxDrawdown', 'max drawdown', 'pct'],
  ['turnover', 'turnover', 'num'],
  ['tradeCount', 'trades', 'int'],
  ['winRate', 'win rate', 'pct'],
  ['profitFactor', 'profit factor', 'num'],
];

/** The metrics table and the report URL of one backtest, as a user reads them. */
export function backtestLines(b: BacktestSummary, reportUrl: string): string[] {
  return [
    `backtest ${b.name} (${b.id}): ${b.status}, ${b.periodStart} to ${b.periodEnd}, signal ${b.signal}`,
    ...(b.error ? [`  error: ${b.error}`] : []),
    ...(b.metrics
      ? table(
          ['metric', 'value'],
          METRICS.map(([key, label, kind]) => [label, fmt(b.metrics![key], kind)]),
        )
      : []),
    `report: ${reportUrl}`,
  ];
}

function readSpec(command: string, path: string | undefined, name: string | undefined) {
  if (!path) throw new UsageError(`${command}: --spec SPEC.json is required (a BacktestSpecInput as JSON)`);
  const spec = readJsonFile(command, path) as Record<string, unknown>;
  return validate(command, specShape, {
    ...spec,
    ...(name ? { name } : {}),
  }) as unknown as operations.BacktestSpecInput;
}

export async function backtestCommand(argv: readonly string[], env: Env, io: Out): Promise<number> {
  const [sub = '', ...rest] = argv;
  const command = `backtest ${sub}`;
  switch (sub) {
    case 'run': {
      const { values } = parseCommand(command, rest, {
        spec: { type: 'string' },
        name: { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
      });
      const spec = readSpec(command, values.spec, values.name);
      const client = clientFrom(command, values, env);
      const backtest = await client.runBacktest(spec, { wait: !values['no-wait'] });
      return report(io, values.json, client, backtest);
    }
    case 'report': {
      const { values, positionals } = parseCommand(command, rest, {}, 1);
      const id = validate(
        command,
        z.string({ message: 'give the backtest id: backtest report ID' }).min(1),
        positionals[0],
      );
      const client = clientFrom(command, values, env);
      return report(io, values.json, client, await client.backtest(id));
    }
    case 'sweep': {
      const { values } = parseCommand(command, rest, {
        spec: { type: 'string' },
        name: { type: 'string' },
        grid: { type: 'string', multiple: true },
        blocks: { type: 'string' },
      });
      const spec = readSpec(command, values.spec, values.name);
      const { grid, blocks } = validate(
        command,
        z.object({
          grid: z.array(gridAxis, { message: 'is required: --grid NAME=V1,V2,…' }).min(1),
          blocks: z.coerce.number().int().min(2).optional(),
        }),
        values,
      );
      const client = clientFrom(command, values, env);
      const sweep = await client.runSweep({ spec, grid, ...(blocks ? { blocks } : {}) }, { wait: true });
      const reportUrl = client.reportUrl(sweep.reportPath);
      const best = sweep.bestBacktest;
      print(io, values.json, { sweep, reportUrl, bestReportUrl: best ? client.reportUrl(best.reportPath) : null }, () =>
        sweepLines(sweep, reportUrl, best ? client.reportUrl(best.reportPath) : null),
      );
      return 0;
    }
    default:
      throw new UsageError(`backtest: unknown subcommand ${JSON.stringify(sub)}\n${BACKTEST_USAGE}`);
  }
}

function report(io: Out, json: boolean, client: AlphagraphClient, backtest: BacktestSummary): number {
  const reportUrl = client.reportUrl(backtest.reportPath);
  print(io, json, { backtest, reportUrl }, () => backtestLines(backtest, reportUrl));
  return 0;
}

function sweepLines(s: SweepSummary, reportUrl: string, bestReportUrl: string | null): string[] {
  const names = s.grid.map((g) => g.name);
  const o = s.overfitting;
  return [
    `sweep ${s.name} (${s.id}): ${s.status}, ${s.configurations.length} configurations`,
    ...(s.error ? [`  error: ${s.error}`] : []),
    ...table(
      ['#', ...names, 'total return', 'Sharpe', 'max drawdown', 'note'],
      s.configurations.map((c) => {
        const p = c.parameters as Record<string, number>;
        return [
          c.index,
          ...names.map((n) => p[n] ?? null),
          fmt(c.metrics?.totalReturn, 'pct'),
          fmt(c.metrics?.sharpe),
          fmt(c.metrics?.maxDrawdown, 'pct'),
          (c.index === o?.best ? 'best' : '') + (c.error ? ` ${c.error}` : ''),
        ];
      }),
    ),
    ...(o
      ? [
          `best configuration #${o.best}: annualized Sharpe ${fmt(o.annualizedSharpe)} over ${o.trials} trials`,
          `  Deflated Sharpe Ratio ${fmt(o.deflatedSharpeRatio)}, PBO ${fmt(o.pbo)} (${o.blocks} CSCV blocks)`,
          `  ${o.verdict}`,
        ]
      : []),
    `report: ${reportUrl}`,
    ...(bestReportUrl ? [`best backtest report: ${bestReportUrl}`] : []),
  ];
}
