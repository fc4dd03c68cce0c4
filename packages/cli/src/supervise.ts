import type { ManagedProcess } from './process.ts';

export interface SupervisionOptions {
  /** Waits before restarting a process that died: doubled per restart in a row, from `initialMs` to `maxMs`. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** An incarnation that stayed up this long counts as stable: the next restart waits `initialMs` again. */
  readonly stableMs?: number;
  /** How often the health URL is asked, and how long an answer may take. */
  readonly healthIntervalMs?: number;
  readonly healthTimeoutMs?: number;
  /** Failed health checks in a row after which a live but unresponsive process is killed and restarted. */
  readonly unhealthyAfter?: number;
  /**
   * How long the first start may take to log that it is ready (a benchmark on a loaded machine
   * allows more: a service compiles its sources with tsx as it starts).
   */
  readonly readyTimeoutMs?: number;
  /** How long a restarted process may take to log that it is ready (it may reload demo data). */
  readonly restartReadyTimeoutMs?: number;
}

export interface SupervisedProcess {
  readonly name: string;
  /** The running incarnation's process id (undefined between a death and its restart). */
  readonly pid: number | undefined;
  /** How many times it was restarted. */
  readonly restarts: number;
  /** Stops it for good (no restart). */
  stop(): Promise<void>;
}

const DEFAULTS = {
  backoff: { initialMs: 500, maxMs: 30_000 },
  stableMs: 60_000,
  healthIntervalMs: 10_000,
  healthTimeoutMs: 5_000,
  // Six failed checks ten seconds apart: a minute without an answer. A process busy with a long
  // synchronous step (validating a large ingestion) answers again well within that.
  unhealthyAfter: 6,
  readyTimeoutMs: 120_000,
  restartReadyTimeoutMs: 30 * 60_000,
} satisfies Required<SupervisionOptions>;

/**
 * Runs a process under supervision: waits for it to be ready (rejects if the first start fails, so
 * a broken configuration fails the launch instead of looping), then restarts it with backoff
 * whenever it dies, and kills and restarts it when its health URL stops answering. Every death,
 * restart and failed health check is logged.
 */
export async function superviseProcess(options: {
  name: string;
  /** Starts one incarnation (`timeoutMs`: how long it may take to be ready). */
  start: (timeoutMs?: number) => ManagedProcess;
  healthUrl: string;
  log: (line: string) => void;
  supervision?: SupervisionOptions;
}): Promise<SupervisedProcess> {
  const o = { ...DEFAULTS, ...options.supervision };
  const say = (line: string) => options.log(`[platform] ${options.name} ${line}`);
  let current = options.start(o.readyTimeoutMs);
  let stopping = false;
  let restarts = 0;
  let inARow = 0;
  let healthTimer: NodeJS.Timeout | undefined;
  let restartTimer: NodeJS.Timeout | undefined;

  // One check at a time, the next `healthIntervalMs` after the last answered or timed out.
  const watchHealth = (incarnation: ManagedProcess) => {
    let failures = 0;
    const live = () => !stopping && incarnation === current && incarnation.child.exitCode === null;
    const check = async () => {
      if (!live()) return;
      try {
        const response = await fetch(options.healthUrl, { signal: AbortSignal.timeout(o.healthTimeoutMs) });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        failures = 0;
      } catch (error) {
        if (!live()) return;
        failures += 1;
        say(`failed health check ${failures}/${o.unhealthyAfter} at ${options.healthUrl}: ${messageOf(error)}`);
        if (failures >= o.unhealthyAfter) {
          say('is not answering; killing it (SIGKILL) to restart it');
          incarnation.child.kill('SIGKILL');
          return;
        }
      }
      healthTimer = setTimeout(check, o.healthIntervalMs);
      healthTimer.unref();
    };
    healthTimer = setTimeout(check, o.healthIntervalMs);
    healthTimer.unref();
  };

  const supervise = (incarnation: ManagedProcess) => {
    const startedAt = Date.now();
    incarnation.ready.then(
      () => {
        if (incarnation !== current || stopping) return;
        if (restarts > 0) say(`is ready again (restart ${restarts})`);
        watchHealth(incarnation);
      },
      (error: unknown) => {
        // Not ready in time but still running: end it; its exit restarts it.
        if (!stopping && incarnation === current && incarnation.child.exitCode === null) {
          say(`${messageOf(error)}; killing it (SIGKILL) to restart it`);
          incarnation.child.kill('SIGKILL');
        }
      },
    );
    incarnation.child.once('exit', (code, signal) => {
      clearTimeout(healthTimer);
      if (stopping || incarnation !== current) return;
      inARow = Date.now() - startedAt >= o.stableMs ? 0 : inARow + 1;
      const delay = Math.min(o.backoff.maxMs, o.backoff.initialMs * 2 ** Math.max(0, inARow - 1));
      say(`exited (code ${code}, signal ${signal}); restarting in ${delay} ms`);
      restartTimer = setTimeout(() => {
        if (stopping) return;
        restarts += 1;
        current = options.start(o.restartReadyTimeoutMs);
        say(`restarted (restart ${restarts}, pid ${current.child.pid})`);
        supervise(current);
      }, delay);
    });
  };

  try {
    await current.ready;
  } catch (error) {
    // A first start that was not ready in time must not be left running behind the failed launch.
    await current.stop('SIGKILL');
    throw error;
  }
  supervise(current);
  return {
    name: options.name,
    get pid() {
      return current.child.exitCode === null && current.child.signalCode === null ? current.child.pid : undefined;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      clearTimeout(healthTimer);
      clearTimeout(restartTimer);
      await current.stop();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
