import { Worker } from 'node:worker_threads';
import { MlError, type MlErrorCode } from '@alphagraph/ml';
import type { FitInput, FitOutput } from './fit.ts';

const THREAD = new URL('./fit-thread.ts', import.meta.url).href;
const TSX = import.meta.resolve('tsx/esm/api');

/**
 * Fits on a worker thread, so a long training keeps the subgraph answering and the worker lease
 * heartbeating (a fit on the main thread would block both for as long as it runs). The thread
 * loads TypeScript through tsx's loader, as the service itself runs. Errors come back with their
 * message (and MlError's code); the input's arrays are copied, the artifact is transferred back.
 */
export function fitOnThread(input: FitInput, onProgress: (progress: number) => void): Promise<FitOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `import(${JSON.stringify(TSX)}).then((api) => api.register()).then(() => import(${JSON.stringify(THREAD)}));`,
      { eval: true, workerData: input },
    );
    let settled = false;
    worker.on('message', (message: { kind: string } & Record<string, unknown>) => {
      if (message.kind === 'progress') onProgress(message.progress as number);
      else if (message.kind === 'done') {
        settled = true;
        resolve(message.output as FitOutput);
        void worker.terminate();
      } else if (message.kind === 'failed') {
        settled = true;
        const error =
          message.name === 'MlError'
            ? new MlError(message.code as MlErrorCode, String(message.message))
            : new Error(String(message.message));
        reject(error);
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the training thread exited with code ${code} before it finished`));
      settled = true;
    });
  });
}
