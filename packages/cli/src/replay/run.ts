import { join } from 'node:path';
import type { Role } from '@alphagraph/auth';
import { demoDataDir } from '@alphagraph/config';
import { demoUniverse } from '../demo-models.ts';
import { createGatewayClient } from '../gateway-client.ts';
import { arrivingBars, barsBySession } from './bars.ts';
import { clockOf, paceDelayMs, replaySchedule } from './schedule.ts';
import {
  awaitMaterialization,
  materialize,
  REPLAY_MODELS,
  REPLAY_USERS,
  type ReplayTokens,
  type SetupOptions,
  setUpReplay,
} from './setup.ts';

export interface ReplayOptions {
  /** The gateway of a platform whose demo bars stop before `from` (DEMO_BARS_UNTIL=from). */
  readonly gatewayUrl: string;
  readonly token: (roles: Role[], userId: string) => Promise<string>;
  readonly from: string;
  readonly to?: string | undefined;
  /** The first session with shifted volumes (default: the midpoint session). */
  readonly shiftAt?: string | undefined;
  /** At most this many sessions per second (default: as fast as it goes). */
  readonly speed?: number | undefined;
  readonly universe?: readonly string[];
  /** The demo bars file (default data/demo/all_stocks_5yr.csv.gz). */
  readonly barsFile?: string;
  readonly log?: (line: string) => void;
  /** How long setup or one session's step may wait for a run (default 10 minutes). */
  readonly timeoutMs?: number;
}

export interface ReplayAlert {
  readonly session: string;
  readonly model: string;
  readonly rule: string;
  readonly feature: string | null;
}

export interface ReplaySession {
  readonly session: string;
  readonly asOf: string;
  readonly rowsIngested: number;
  /** Per model, signal rows with status OK. */
  readonly signals: Record<string, number>;
  /** Per model, every signal row served (OK or not): what the prediction log holds. */
  readonly served: Record<string, number>;
  /** Per model, outcomes joined by this session's monitoring run. */
  readonly joined: Record<string, number>;
  readonly alerts: readonly ReplayAlert[];
}

export interface ReplayResult {
  readonly sessions: readonly ReplaySession[];
  readonly shiftAt: string;
  readonly elapsedMs: number;
  readonly sessionsPerSecond: number;
  /** Per rule: how many were raised and the first session one was. */
  readonly alertsByRule: Record<string, { count: number; firstSession: string }>;
}

/** A failed step, naming the session and the step. */
export class ReplayStepError extends Error {
  constructor(
    readonly session: string,
    readonly step: string,
    cause: unknown,
  ) {
    super(`session ${session}, step ${step}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

const SIGNALS = `query($m: String!, $a: DateTime) { signals(model: $m, asOf: $a) { status sets { rows { status } } } }`;
const MONITOR = `mutation($m: String!, $a: DateTime) { runMonitoring(model: $m, asOf: $a) { joined alerts { rule model evidence } } }`;
const INGEST = `mutation($i: IngestBarsInput!) { ingestBars(input: $i) { ok error { code message } report { inserted corrections } } }`;
const DEMO_RULES = ['MISSING_VALUE', 'HIGH_BELOW_LOW', 'OPEN_CLOSE_OUTSIDE_RANGE'].map((rule) => ({
  rule,
  action: 'WARN',
}));

/**
 * Paper trading over the demo's last sessions: sets the models up, then per XNYS session ingests its
 * bars, materializes the features incrementally, serves both models' signals and runs their
 * monitoring at the session's close + 30 minutes, all through the gateway.
 */
export async function runReplay(options: ReplayOptions): Promise<ReplayResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const timeoutMs = options.timeoutMs ?? 600_000;
  const { sessions, shiftAt } = replaySchedule(options);
  const universe = options.universe ?? demoUniverse();
  const bars = barsBySession({
    path: options.barsFile ?? join(demoDataDir(), 'all_stocks_5yr.csv.gz'),
    symbols: universe,
    from: options.from,
  });
  const tokens = {} as ReplayTokens;
  for (const [key, user] of Object.entries(REPLAY_USERS)) {
    tokens[key as keyof ReplayTokens] = await options.token([...user.roles], user.id);
  }
  const client = createGatewayClient({ gatewayUrl: options.gatewayUrl, prefix: 'replay' });
  const setup: SetupOptions = {
    client,
    tokens,
    universe,
    from: options.from,
    deadline: Date.now() + timeoutMs,
    log,
  };
  try {
    await setUpReplay(setup);
  } catch (error) {
    throw new ReplayStepError('(before the first)', 'setup', error);
  }
  log(`[replay] ${sessions.length} sessions ${sessions[0]}..${sessions.at(-1)}; volumes x10 from ${shiftAt}`);

  const results: ReplaySession[] = [];
  const startedAt = Date.now();
  for (const [index, session] of sessions.entries()) {
    const wait = paceDelayMs({ index, speed: options.speed, startedAt, now: Date.now() });
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (error) {
        throw new ReplayStepError(session, name, error);
      }
    };
    const asOf = clockOf(session).toISOString();
    const arriving = arrivingBars(bars.get(session) ?? [], session, shiftAt);
    const rowsIngested =
      arriving.length === 0
        ? 0
        : await step('ingestBars', async () => {
            const r = (
              await client.gql(
                INGEST,
                { i: { source: `replay:${session}`, mapping: 'all_stocks_5yr', rows: arriving, rules: DEMO_RULES } },
                tokens.service,
              )
            ).ingestBars;
            if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
            return (r.report.inserted + r.report.corrections) as number;
          });
    await step('materializeFeatures', async () =>
      awaitMaterialization(
        { ...setup, deadline: Date.now() + timeoutMs },
        await materialize(setup, { mode: 'INCREMENTAL' }, tokens.service),
      ),
    );
    const signals: Record<string, number> = {};
    const served: Record<string, number> = {};
    const joined: Record<string, number> = {};
    const alerts: ReplayAlert[] = [];
    for (const m of REPLAY_MODELS) {
      const rows = await step(`signals ${m.name}`, async () => {
        const s = (await client.gql(SIGNALS, { m: m.name, a: asOf }, tokens.service)).signals;
        return (s.sets as { rows: { status: string }[] }[]).flatMap((set) => set.rows);
      });
      signals[m.name] = rows.filter((r) => r.status === 'OK').length;
      served[m.name] = rows.length;
      const run = await step(
        `runMonitoring ${m.name}`,
        async () => (await client.gql(MONITOR, { m: m.name, a: asOf }, tokens.service)).runMonitoring,
      );
      joined[m.name] = run.joined;
      for (const a of run.alerts ?? []) {
        alerts.push({ session, model: a.model, rule: a.rule, feature: a.evidence?.feature ?? null });
      }
    }
    const result: ReplaySession = { session, asOf, rowsIngested, signals, served, joined, alerts };
    results.push(result);
    log(sessionLine(result));
  }
  const elapsedMs = Date.now() - startedAt;
  const alertsByRule: ReplayResult['alertsByRule'] = {};
  for (const a of results.flatMap((r) => r.alerts)) {
    const seen = alertsByRule[a.rule];
    alertsByRule[a.rule] = { count: (seen?.count ?? 0) + 1, firstSession: seen?.firstSession ?? a.session };
  }
  return {
    sessions: results,
    shiftAt,
    elapsedMs,
    sessionsPerSecond: results.length / Math.max(elapsedMs / 1000, 1e-9),
    alertsByRule,
  };
}

/** One line per session: date, rows ingested, OK signals, outcomes joined, alerts raised. */
export function sessionLine(r: ReplaySession): string {
  const per = (m: Record<string, number>) =>
    Object.entries(m)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
  const alerts = r.alerts.length
    ? r.alerts.map((a) => `${a.rule}/${a.model}${a.feature ? `/${a.feature}` : ''}`).join(', ')
    : '-';
  return `${r.session}  rows ${r.rowsIngested}  signals ${per(r.signals)}  joined ${per(r.joined)}  alerts ${alerts}`;
}
