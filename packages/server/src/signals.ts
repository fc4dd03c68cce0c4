const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Resolves at the first SIGINT or SIGTERM (Ctrl+C, a process manager's stop). */
export function shutdownSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    for (const signal of SHUTDOWN_SIGNALS) process.once(signal, () => resolve(signal));
  });
}

/**
 * The process's one shutdown handler: at the first SIGINT or SIGTERM runs `stop`, then exits 0,
 * or 1 when stopping failed. A second signal while stopping is ignored, except that a repeated
 * one of the same kind takes the default action (a second Ctrl+C ends a stop that hangs).
 */
export function exitOnShutdownSignal(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  void shutdownSignal().then((signal) =>
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    ),
  );
}
