import type { AuditLog, Identity } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import { createJobWorker, type WorkerLease } from '@alphagraph/jobs';
import type { Lake } from '@alphagraph/lake';
import type { RequestScope } from '@alphagraph/service';
import { currentRequestId } from '@alphagraph/service';
import { BacktestServiceError } from '../backtests/errors.ts';
import { pinInputs } from '../backtests/market.ts';
import { checkModelSignal } from '../backtests/model-signal.ts';
import { type Backtests, identityOf, recordOf } from '../backtests/service.ts';
import { expandGrid, type GridAxis } from './grid.ts';
import { executeSweep } from './run.ts';
import { createSweepStore, type SweepRecord, sweepLifecycle } from './store.ts';

export const AUDIT_SWEEP = 'mutation:runSweep';

/**
 * Parameter sweeps: the grid is validated and expanded when the sweep is requested (nothing is
 * stored when it is refused), the snapshots pinned, and the whole grid runs as one job.
 */
export function createSweeps(deps: {
  db: Db;
  lake: Lake;
  audit: AuditLog;
  lease: WorkerLease;
  backtests: Backtests;
  pollMs?: number;
}) {
  const store = createSweepStore(deps.db);
  const worker = createJobWorker({
    db: deps.db,
    lease: deps.lease,
    lifecycle: sweepLifecycle,
    claim: { to: 'running', set: () => ({ startedAt: new Date(), progress: 0 }) },
    work: async (sweep, holder) => {
      const done = await executeSweep(
        {
          db: deps.db,
          lake: deps.lake,
          store,
          log: deps.lease.log,
          runBest: async (spec, s, tx) => {
            const best = await deps.backtests.store.create(
              {
                ...recordOf({ ...spec, name: `${s.name} (best)` }),
                inputSnapshots: s.inputSnapshots,
                asOf: s.asOf,
                createdBy: s.createdBy,
                // The sweep's request: the best configuration's run was asked for by it.
                requestId: s.requestId,
                sweepId: s.id,
              },
              spec.universe,
              { tx },
            );
            return best.id;
          },
        },
        sweep,
        holder,
      );
      // The best configuration's run is committed with the sweep: any replica may claim it now.
      if (done?.bestBacktestId) deps.backtests.worker.submit();
      return done;
    },
    onSwept: (s) => deps.lease.log.warn({ sweep: s.id }, `sweep ${s.id} failed: ${s.error}`),
    ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
  });

  /** Validates, pins and queues a sweep (no audit). */
  async function submit(
    base: Record<string, unknown>,
    grid: readonly GridAxis[],
    blocks: number,
    createdBy: string,
    caller: Identity | null = null,
  ): Promise<SweepRecord> {
    if (!Number.isInteger(blocks) || blocks < 2 || blocks > 24 || blocks % 2 !== 0) {
      throw new BacktestServiceError(
        'INVALID_SPEC',
        `Invalid sweep: blocks must be an even integer from 2 to 24, got ${blocks}`,
      );
    }
    const configurations = expandGrid(base, grid);
    const first = configurations.find((c) => c.spec)!.spec!;
    if (first.walkForward) {
      throw new BacktestServiceError(
        'INVALID_SPEC',
        'Invalid sweep: walkForward runs one configuration; run it as a backtest',
      );
    }
    await checkModelSignal(deps.db, first, caller);
    const pinned = await pinInputs(deps.lake, first);
    const sweep = await store.create({
      name: first.name,
      spec: base,
      grid: grid.map((a) => ({ name: a.name, values: [...a.values] })),
      blocks,
      inputSnapshots: pinned.inputSnapshots,
      asOf: pinned.asOf,
      createdBy,
      requestId: currentRequestId(),
    });
    worker.submit();
    return sweep;
  }

  return {
    store,
    worker,
    submit,
    async run(scope: RequestScope, base: Record<string, unknown>, grid: readonly GridAxis[], blocks: number) {
      const identity = identityOf(scope);
      const sweep = await submit(base, grid, blocks, identity.userId, identity);
      await deps.audit.append({
        actor: identity.userId,
        roles: identity.roles,
        action: AUDIT_SWEEP,
        resource: `sweep:${sweep.id}`,
        details: { name: sweep.name, grid: sweep.grid, blocks, inputs: sweep.inputSnapshots },
        requestId: scope.requestId,
      });
      return sweep;
    },
    idle: worker.idle,
    waitFor: worker.waitFor,
  };
}
export type Sweeps = ReturnType<typeof createSweeps>;
