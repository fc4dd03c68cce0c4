import { Counter, Gauge, Histogram, register } from 'prom-client';

/** One queue's depth and the age of its oldest claimable job, asked of the database at each scrape. */
export interface QueueProbe {
  readonly kind: string;
  depth(): Promise<{ count: number; oldestAgeSeconds: number }>;
}

const probes = new Set<QueueProbe>();

function metric<T>(name: string, make: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? make();
}

export const jobRuns = metric(
  'alphagraph_job_runs_total',
  () =>
    new Counter({
      name: 'alphagraph_job_runs_total',
      help: 'Jobs (materialization runs, model training, …) this process executed, by kind and the status they ended in',
      labelNames: ['kind', 'status'] as const,
    }),
);

export const jobSeconds = metric(
  'alphagraph_job_run_duration_seconds',
  () =>
    new Histogram({
      name: 'alphagraph_job_run_duration_seconds',
      help: 'How long this process took to execute a job, by kind and the status it ended in',
      labelNames: ['kind', 'status'] as const,
      buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
    }),
);

async function collectQueues(this: Gauge<'kind'>, which: 'count' | 'oldestAgeSeconds'): Promise<void> {
  this.reset();
  for (const probe of probes) {
    try {
      const depth = await probe.depth();
      this.set({ kind: probe.kind }, depth[which]);
    } catch {
      // The database is unreachable: the queue's gauges are left out of this scrape (readiness says why).
    }
  }
}

metric(
  'alphagraph_job_queue_depth',
  () =>
    new Gauge({
      name: 'alphagraph_job_queue_depth',
      help: 'Jobs waiting to be claimed (shared by every replica), by kind',
      labelNames: ['kind'] as const,
      async collect() {
        await collectQueues.call(this, 'count');
      },
    }),
);
metric(
  'alphagraph_job_queue_oldest_age_seconds',
  () =>
    new Gauge({
      name: 'alphagraph_job_queue_oldest_age_seconds',
      help: 'Age of the oldest job waiting to be claimed (0 when none waits), by kind',
      labelNames: ['kind'] as const,
      async collect() {
        await collectQueues.call(this, 'oldestAgeSeconds');
      },
    }),
);

/** Reports a queue on /metrics while it is registered; returns its removal. */
export function registerQueue(probe: QueueProbe): () => void {
  probes.add(probe);
  return () => probes.delete(probe);
}
