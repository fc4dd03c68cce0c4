import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Resolves when the process prints a line matching `readyLine`; rejects if it exits first. */
  readonly ready: Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a TypeScript entry point with tsx in its own process, forwards its output line by line,
 * and reports readiness from its log.
 */
export function startTsProcess(options: {
  name: string;
  entry: string;
  env: Record<string, string | undefined>;
  readyLine: RegExp;
  log: (line: string) => void;
  timeoutMs?: number;
}): ManagedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', options.entry], {
    env: options.env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${options.name} did not become ready within ${options.timeoutMs ?? 120_000} ms`)),
      options.timeoutMs ?? 120_000,
    );
    const onLine = (line: string) => {
      options.log(line);
      if (options.readyLine.test(line)) {
        clearTimeout(timer);
        resolve();
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited before it was ready (code ${code}, signal ${signal})`));
    });
  });
  ready.catch(() => {});
  return {
    name: options.name,
    child,
    ready,
    async stop(signal = 'SIGTERM') {
      if (exited) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
