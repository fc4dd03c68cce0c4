import { Presets, SingleBar } from 'cli-progress';
import type { Out } from './connection.ts';

export interface Progress {
  /** A phase's state: a status word while it has no measure, or done/total. */
  update(phase: string, done: number, total: number | undefined, unit: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr (stdout keeps the result): redrawn in place on a terminal; without one
 * (a pipe, a log, a test's captured output), one line per phase when it starts and when it ends.
 */
export function createProgress(io: Out, options: { tty: boolean; enabled: boolean }): Progress {
  if (!options.enabled) return { update: () => {}, stop: () => {} };
  if (options.tty) {
    const bar = new SingleBar(
      {
        stream: process.stderr,
        format: ' {phase} |{bar}| {percentage}% | {value}/{total} {unit}',
        hideCursor: true,
        clearOnComplete: false,
        fps: 10,
      },
      Presets.shades_classic,
    );
    let phase: string | undefined;
    return {
      update(next, done, total, unit) {
        if (next !== phase) {
          if (phase) bar.stop();
          phase = next;
          bar.start(Math.max(total ?? 1, 1), 0, { phase: next.padEnd(12), unit });
        }
        if (total !== undefined) bar.setTotal(Math.max(total, 1));
        bar.update(done, { unit });
      },
      stop: () => bar.stop(),
    };
  }
  const started = Date.now();
  const seen = new Map<string, string>();
  return {
    update(phase, done, total, unit) {
      const state = total !== undefined && done >= total ? 'done' : 'started';
      if (seen.get(phase) === state || (seen.get(phase) === 'done' && state === 'started')) return;
      seen.set(phase, state);
      const measure =
        total !== undefined ? `: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${unit}` : '';
      io.err(` ${phase.padEnd(12)} ${state}${measure} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    },
    stop: () => {},
  };
}
