import { randomUUID } from 'node:crypto';
import { IngestError } from './errors.ts';
import type { IngestReportStore } from './report-store.ts';

const LOCK = 'bars';
const LEASE_MS = 60_000;
const RENEW_MS = 15_000;
const POLL_MS = 200;

/**
 * Runs `fn` holding the `bars` ingestion lease, so batches from the CLI and every service replica
 * compare against and publish on top of each other one at a time. The lease is renewed while `fn`
 * runs and lapses on its own if the holder dies.
 */
export async function withIngestLock<T>(
  store: IngestReportStore,
  fn: () => Promise<T>,
  options: { waitMs?: number } = {},
): Promise<T> {
  const holder = `${process.pid}:${randomUUID()}`;
  const deadline = Date.now() + (options.waitMs ?? 10 * 60_000);
  while (!(await store.tryLock(LOCK, holder, LEASE_MS))) {
    if (Date.now() > deadline) {
      throw new IngestError(
        'LOCK_TIMEOUT',
        'another ingestion of bars is still running; try again when it has finished',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = store.tryLock(LOCK, holder, LEASE_MS).catch(() => false);
  }, RENEW_MS);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    await renewing;
    await store.unlock(LOCK, holder);
  }
}
