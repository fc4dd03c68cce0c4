import type { Alert } from '@alphagraph/sdk';
import { z } from 'zod';
import { clientFrom, type Env, type Out, parseCommand, UsageError, validate } from './connection.ts';

export const ALERTS_USAGE = `  alerts tail [--model NAME] [--count N] [--timeout SECONDS]
                           print monitoring alerts as they are raised (server-sent events), one line each
                           (--json: one JSON object per line); stops after N alerts or SECONDS (exit 0)`;

function line(a: Alert): string {
  return `${a.raisedAt} ${a.severity.padEnd(8)} ${a.model} v${a.version ?? '?'} ${a.rule}: ${a.message}${a.killSwitchPulled ? ' (kill switch pulled)' : ''}`;
}

export async function alertsCommand(argv: readonly string[], env: Env, io: Out): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'tail') throw new UsageError(`alerts: the subcommand is tail\n${ALERTS_USAGE}`);
  const { values } = parseCommand('alerts tail', rest, {
    model: { type: 'string' },
    count: { type: 'string' },
    timeout: { type: 'string' },
  });
  const o = validate(
    'alerts tail',
    z.object({
      model: z.string().min(1).optional(),
      count: z.coerce.number().int().positive().optional(),
      timeout: z.coerce.number().positive().optional(),
    }),
    values,
  );
  const client = clientFrom('alerts tail', values, env);
  const controller = new AbortController();
  const timer = o.timeout !== undefined ? setTimeout(() => controller.abort(), o.timeout * 1000) : undefined;
  let seen = 0;
  try {
    for await (const alert of client.alerts(o.model ? { model: o.model } : {}, { signal: controller.signal })) {
      io.out(values.json ? `${JSON.stringify(alert)}\n` : `${line(alert)}\n`);
      if (o.count !== undefined && ++seen >= o.count) break;
    }
  } catch (error) {
    // The timeout ends the tail; it is not a failure.
    // (An abort mid-stream surfaces as the SDK's ABORTED or as the body reader's own AbortError.)
    if (!controller.signal.aborted) throw error;
  } finally {
    clearTimeout(timer);
  }
  if (controller.signal.aborted && !values.json) io.err(`alerts tail: ${seen} alert(s) in ${o.timeout} s\n`);
  return 0;
}
