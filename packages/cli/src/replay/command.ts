import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startPlatform } from '../platform.ts';
import { type ReplayResult, runReplay } from './run.ts';

export const REPLAY_USAGE = `  replay --from DATE [--to DATE] [--speed N] [--shift-at DATE]
                           paper trading over the demo's last sessions on a platform of its own (scratch
                           directory): per XNYS session, ingest its bars, materialize features, serve
                           signals and run monitoring; volumes x10 from --shift-at (default: midpoint).`;

/**
 * The replay platform's environment: demo bars before `from` only, and no monitoring schedule (it
 * would evaluate at today's wall clock between the replay's sessions, and alerts are edge-triggered
 * against the latest evaluation: the replay's clock must be the only one).
 */
export const REPLAY_PLATFORM_ENV = (from: string): Record<string, string> => ({
  DEMO_BARS_UNTIL: from,
  MODELS_MONITOR_INTERVAL_SECONDS: '0',
});

type Out = { out: (s: string) => void; err: (s: string) => void };

/** `alphagraph replay …`: starts its own platform in a scratch directory and replays. */
export async function replayCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  io: Out,
  databaseUrl: string | undefined,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      speed: { type: 'string' },
      'shift-at': { type: 'string' },
    },
  });
  if (!values.from) {
    io.err(`replay: --from DATE is required\n${REPLAY_USAGE}\n`);
    return 2;
  }
  const speed = values.speed === undefined ? undefined : Number(values.speed);
  if (speed !== undefined && !(Number.isFinite(speed) && speed > 0)) {
    io.err(`replay: --speed is a positive number of sessions per second (got ${values.speed})\n`);
    return 2;
  }
  const dataDir = mkdtempSync(join(env.TMPDIR || tmpdir(), 'alphagraph-replay-'));
  io.out(
    `[replay] scratch directory ${dataDir} (services log to platform.log there); starting a platform with demo bars before ${values.from}…\n`,
  );
  const platform = await startPlatform({
    databaseUrl,
    dataDir,
    demo: true,
    ports: 'free',
    env: REPLAY_PLATFORM_ENV(values.from),
    // The services' own lines go to a file, so the replay's lines stay readable.
    log: (line) => appendFileSync(join(dataDir, 'platform.log'), `${line}\n`),
  });
  try {
    if (!platform.mintToken) throw new Error('replay needs development auth (unset AUTH_JWT_SECRET/AUTH_JWKS_*)');
    const result = await runReplay({
      gatewayUrl: platform.gatewayUrl,
      token: platform.mintToken,
      from: values.from,
      to: values.to,
      shiftAt: values['shift-at'],
      speed,
      log: (line) => io.out(`${line}\n`),
    });
    io.out(summary(result, dataDir));
    return 0;
  } finally {
    await platform.stop();
  }
}

export function summary(result: ReplayResult, dataDir: string): string {
  const rules = Object.entries(result.alertsByRule);
  return [
    '',
    `Replay done: ${result.sessions.length} sessions in ${(result.elapsedMs / 1000).toFixed(1)} s ` +
      `(${result.sessionsPerSecond.toFixed(3)} sessions/s), volumes x10 from ${result.shiftAt}.`,
    'Alerts by rule (count, first session):',
    ...(rules.length ? rules.map(([rule, a]) => `  ${rule}: ${a.count}, first ${a.firstSession}`) : ['  none']),
    `Scratch directory (database and lake): ${dataDir}`,
    '',
  ].join('\n');
}
