import type { Db } from '@alphagraph/db';
import { type OrphanSweepResult, sweepOrphanFiles } from '@alphagraph/lake';

export interface LakeSweeper {
  /** Sweeps now (after any sweep already running) and returns what it removed. */
  runOnce(): Promise<OrphanSweepResult | null>;
  /** Ends the schedule and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Sweeps the files a killed or failed write left in the directories of the datasets `owner` writes
 * (see `sweepOrphanFiles`): once at start and then every `intervalMs`. A sweep
 * that fails is logged and tried again at the next interval; it never stops the service.
 */
export function startLakeSweeper(options: {
  root: string;
  db: Db;
  owner: string;
  graceMs: number;
  intervalMs: number;
  log: (line: string) => void;
}): LakeSweeper {
  let running: Promise<OrphanSweepResult | null> = Promise.resolve(null);
  let stopped = false;
  const sweep = (): Promise<OrphanSweepResult | null> => {
    running = running.then(async () => {
      if (stopped) return null;
      try {
        const result = await sweepOrphanFiles({
          root: options.root,
          db: options.db,
          owner: options.owner,
          graceMs: options.graceMs,
        });
        if (result.removed.length > 0) {
          options.log(
            `lake sweep removed ${result.removed.length} unreferenced files (${result.removedBytes} bytes) ` +
              `older than ${Math.round(options.graceMs / 1000)} s: ${result.removed.slice(0, 5).join(', ')}` +
              (result.removed.length > 5 ? ', …' : ''),
          );
        }
        return result;
      } catch (error) {
        options.log(`lake sweep failed (tried again in ${Math.round(options.intervalMs / 1000)} s): ${String(error)}`);
        return null;
      }
    });
    return running;
  };
  const timer = setInterval(() => void sweep(), options.intervalMs);
  timer.unref();
  void sweep();
  return {
    runOnce: sweep,
    async stop() {
      clearInterval(timer);
      stopped = true;
      await running;
    },
  };
}
