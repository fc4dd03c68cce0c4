import { parentPort, workerData } from 'node:worker_threads';
import { type FitInput, fitAndEvaluate } from './fit.ts';

/** A worker thread's side of ./fit-runner.ts: fits, posting progress, then the output. */
const port = parentPort!;
fitAndEvaluate(workerData as FitInput, (progress) => port.postMessage({ kind: 'progress', progress }))
  .then((output) => port.postMessage({ kind: 'done', output }, [output.artifact.buffer as ArrayBuffer]))
  .catch((error: unknown) =>
    port.postMessage({
      kind: 'failed',
      name: error instanceof Error ? error.name : 'Error',
      code: (error as { code?: unknown })?.code ?? null,
      message: error instanceof Error ? error.message : String(error),
    }),
  );
