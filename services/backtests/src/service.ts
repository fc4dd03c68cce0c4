import { createWorkerLease, type WorkerLeaseOptions } from '@alphagraph/jobs';
import { createPageRoute } from '@alphagraph/pages';
import { assembleService, DateScalar, DateTimeScalar, JSONScalar, type ServiceRuntime } from '@alphagraph/service';
import { createBacktestsModule } from './modules/backtests/module.ts';
import { type Backtests, createBacktests as createBacktestRuns } from './modules/backtests/service.ts';
import { createSweepsModule } from './modules/sweeps/module.ts';
import { createSweeps, type Sweeps } from './modules/sweeps/service.ts';
import { createReportPage, REPORT_PREFIX } from './pages/report-page.ts';

const modulesOf = (backtests: Backtests, sweeps: Sweeps) =>
  [createBacktestsModule(backtests, sweeps), createSweepsModule(sweeps)] as const;
export type BacktestsModules = ReturnType<typeof modulesOf>;

export interface BacktestsOptions {
  readonly lease?: WorkerLeaseOptions;
  /** How often a started worker looks for queued runs and sweeps (default 2 s). */
  readonly pollMs?: number;
}

/**
 * The backtests subgraph: runs and sweeps queued on Postgres rows and run by any replica's
 * workers, outputs in the lake, and the report pages under /backtests/.
 */
export async function createBacktests(runtime: ServiceRuntime, options: BacktestsOptions = {}) {
  const db = runtime.handle.db;
  const lease = createWorkerLease(db, { ...options.lease, log: runtime.log });
  const common = {
    db,
    lake: runtime.lake,
    audit: runtime.audit,
    lease,
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
  };
  const backtests = createBacktestRuns({ ...common, downloads: runtime.downloads });
  const sweeps = createSweeps({ ...common, backtests });
  await backtests.registerOutputs();
  const service = assembleService({
    modules: modulesOf(backtests, sweeps),
    scalars: { DateTime: DateTimeScalar, Date: DateScalar, JSON: JSONScalar },
  });
  return {
    ...service,
    backtests,
    sweeps,
    routes: [
      createPageRoute({
        prefix: REPORT_PREFIX,
        verifier: runtime.verifier,
        render: createReportPage({ lake: runtime.lake, backtests, sweeps }),
      }),
    ],
    /** Resolves once no run or sweep is queued and this process runs none (tests, demo, tools). */
    async idle(): Promise<void> {
      await sweeps.idle();
      await backtests.idle();
    },
    /** Claims queued runs and sweeps (whichever replica queued them) and fails abandoned ones. */
    start(): void {
      backtests.worker.start();
      sweeps.worker.start();
    },
    /**
     * Stops claiming, waits for the run and sweep in progress here (with `graceMs`: that long, then
     * gives them back to the queue for another replica), and withdraws this worker.
     */
    async stop(options: { graceMs?: number } = {}): Promise<void> {
      await Promise.all([sweeps.worker.stop(options), backtests.worker.stop(options)]);
      await lease.stop();
    },
  };
}
export type BacktestsService = Awaited<ReturnType<typeof createBacktests>>;
