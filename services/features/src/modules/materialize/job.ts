import { featureColumn, featureViewDataset } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { checkExpression, DslError, parseExpression } from '@alphagraph/dsl';
import type { JobsLog } from '@alphagraph/jobs';
import {
  type DatasetContract,
  type Lake,
  LakeError,
  type LakeSession,
  latestAsOf,
  quoteIdent,
  type Snapshot,
} from '@alphagraph/lake';
import { z } from 'zod';
import type { FeatureRecord } from '../features/store.ts';
import { upsertOnlineValues } from '../online/store.ts';
import { loadFeatureCatalog } from '../registry/catalog.ts';
import type { FeatureViewRecord } from '../views/store.ts';
import { changedSince } from './changes.ts';
import { computeInto, pinPlanInputs, planComputation } from './compute.ts';
import { keepNewVersions } from './event-series.ts';
import { baselinesOf, type RunRecord, recordRunProgress, runLifecycle } from './runs.ts';

export interface MaterializeJob {
  /** Claimed: status running, `asOf` set. */
  readonly run: RunRecord;
  readonly view: FeatureViewRecord;
  /** The view's members, in its column order. */
  readonly features: readonly FeatureRecord[];
}

const stats = z.object({
  n: z.union([z.bigint(), z.number()]).transform(Number),
  first: z.date().nullable(),
  last: z.date().nullable(),
});
const latestRow = z.object({ entity: z.string(), event_time: z.date(), available_at: z.date() }).passthrough();
const storedSpan = z.object({ entity: z.string(), first: z.date(), last: z.date() });

/** A run's steps, in the order they happen (timings are stored as JSON, which keeps no order). */
export const RUN_STEPS = ['resolve', 'source', 'compute', 'write', 'publish'] as const;
export type RunStep = (typeof RUN_STEPS)[number];

/** Wall-clock milliseconds per step. */
class Stopwatch {
  readonly steps: Record<string, number> = {};
  private mark = performance.now();
  lap(step: string): void {
    const now = performance.now();
    this.steps[step] = Math.round((now - this.mark) * 10) / 10;
    this.mark = now;
  }
}

/** Thrown inside the lake write to leave without publishing when the run has nothing to write. */
class NothingToWrite extends Error {
  constructor() {
    super('nothing to write');
  }
}

/** Per entity, the first and last event time the view holds (for an incremental run). */
async function storedSpans(lake: Lake, session: LakeSession, view: Snapshot | null) {
  if (!view || view.files.length === 0) return new Map<string, { first: Date; last: Date }>();
  const rows = await session.all(
    `SELECT entity, min(event_time) AS first, max(event_time) AS last FROM ${lake.scan(view)} GROUP BY entity`,
  );
  return new Map(rows.map((r) => storedSpan.parse(r)).map((r) => [r.entity, { first: r.first, last: r.last }]));
}

/**
 * Computes a view's values and publishes them: pins the input snapshots, stages the source (the
 * latest version of each daily bar, or each XNYS session of a MARKET view's series, known at the
 * run's `asOf`, joined with the alternative fields' session aggregates), runs the one compiled
 * query over it, appends the rows to the view's lake dataset and, in the catalog transaction that
 * publishes the snapshot, marks the run succeeded and upserts the latest value per (entity,
 * feature version) into the online store. On failure nothing is published and the run is marked
 * failed.
 *
 * An incremental run computes the periods after the view's last row per entity and, from the
 * earliest input changed since the entity's baseline run (a correction, a late or out-of-order
 * bar or observation: see `changedSince`), recomputes the periods already held, writing a new
 * version only of those whose values or `available_at` differ from the stored latest version.
 * With nothing to write it publishes no snapshot: the run succeeds with 0 rows and records the
 * view's current snapshot (the content it left the view at).
 *
 * `worker` fences the finish: when the run was swept from under this worker (its heartbeat lapsed),
 * finishing fails and the publish rolls back.
 */
export async function runMaterialization(
  deps: {
    db: Db;
    lake: Lake;
    worker?: string;
    signal?: AbortSignal;
    /** Where a failure's cause is logged (the worker lease's log; default the console). */
    log?: JobsLog;
    /** Called once a step's progress is recorded (tests hold a run between steps with it). */
    afterStep?: (step: RunStep) => Promise<void>;
  },
  job: MaterializeJob,
): Promise<RunRecord> {
  const { db, lake, signal } = deps;
  const { run, view } = job;
  const clock = new Stopwatch();
  /** Ends a step: its time, recorded on the run as progress readers see while it runs. */
  const finished = async (step: RunStep) => {
    clock.lap(step);
    await recordRunProgress(db, run.id, clock.steps);
    await deps.afterStep?.(step);
  };
  /** Leaves at the next step once the scheduler's deadline fired (DuckDB work is interrupted). */
  const checkpoint = () => signal?.throwIfAborted();
  try {
    if (run.status !== 'running' || !run.asOf) throw new Error(`run ${run.id} was not claimed before it started`);
    const asOf = run.asOf;
    const catalog = await loadFeatureCatalog(db);
    const plan = planComputation(
      catalog,
      job.features.map((f) => {
        try {
          const checked = checkExpression(parseExpression(f.expression), { fields: catalog.fields, mode: 'feature' });
          return { column: featureColumn(f.name, f.version), expression: f.expression, checked };
        } catch (error) {
          // A version stored before the complexity budget that the checker now refuses.
          if (error instanceof DslError) throw new Error(`${f.name}@${f.version} cannot be computed: ${error.message}`);
          throw error;
        }
      }),
    );
    const { altSources } = plan;
    const inputs = await pinPlanInputs(lake, plan, view.entityKind);
    const viewSnapshot = await lake.currentSnapshot(view.lakeDataset);
    // An as-of series recomputes its versions from the start and writes the new ones (event-series.ts).
    const incremental = run.kind === 'incremental' && plan.eventClock === null;
    const baselines = incremental ? await baselinesOf(db, view.name, run.universe) : [];
    await finished('resolve');
    checkpoint();

    let summary: { rows: number; first: Date | null; last: Date | null } = { rows: 0, first: null, last: null };
    let latest: z.infer<typeof latestRow>[] = [];
    const inputSnapshots: Record<string, number> = {};
    for (const [dataset, snapshot] of inputs) if (snapshot) inputSnapshots[dataset] = snapshot.id;
    const published: { run?: RunRecord } = {};
    try {
      await lake.commit(
        view.lakeDataset,
        {
          mode: 'append',
          summary: { run: run.id, kind: run.kind },
          onPublish: async (tx, snapshot) => {
            await upsertOnlineValues(tx, { runId: run.id, features: job.features, rows: latest });
            clock.lap('publish');
            published.run = await runLifecycle.transition(tx, {
              id: run.id,
              to: 'succeeded',
              set: {
                rowsWritten: summary.rows,
                eventTimeFrom: summary.first,
                eventTimeTo: summary.last,
                snapshotId: snapshot.id,
                inputSnapshots,
                timings: clock.steps,
                finishedAt: new Date(),
              },
              heldBy: deps.worker,
            });
          },
        },
        async (writer) => {
          const session = writer.session;
          checkpoint();
          const interrupt = () => session.interrupt();
          signal?.addEventListener('abort', interrupt, { once: true });
          try {
            const stored = incremental ? await storedSpans(lake, session, viewSnapshot) : null;
            const changed = new Map<string, Date | null>();
            if (stored) {
              const found = await changedSince({
                lake,
                session,
                asOf,
                baselines,
                inputs,
                alt: new Map(altSources.map((s) => [s.lakeDataset, s])),
              });
              const covered = new Set(baselines.flatMap((b) => b.entities));
              for (const entity of run.universe) {
                if (!stored.has(entity)) continue;
                // Without a baseline nothing says which stored periods are current: check them all.
                if (!covered.has(entity)) changed.set(entity, null);
                else if (found.has(entity)) changed.set(entity, found.get(entity)!);
              }
            }
            const columns = await computeInto(session, {
              lake,
              plan,
              entityKind: view.entityKind,
              asOf,
              inputs,
              universe: run.universe,
              from: run.periodFrom,
              to: run.periodTo,
              stored,
              changed: stored ? changed : null,
              tiebreak: run.id,
              onStaged: () => finished('source'),
            });
            if (plan.eventClock === null) {
              await keepOnlyChanges({ session, view: viewSnapshot, dataset: featureViewDataset(view), columns });
            } else {
              await keepNewVersions({ session, lake, view: viewSnapshot, columns });
            }
            const [s] = await session.all(
              'SELECT count(*) AS n, min(event_time) AS first, max(event_time) AS last FROM fs_out',
            );
            const st = stats.parse(s);
            summary = { rows: st.n, first: st.first, last: st.last };
            await finished('compute');
            if (st.n === 0) throw new NothingToWrite();
            // Each entity's newest row, by a semi-join (a window over the wide rows would sort them all);
            // an as-of series also holds several versions of a row: the last available wins.
            latest = (
              await session.all(
                `SELECT o.* FROM fs_out o
               JOIN (SELECT entity, max(event_time) AS last FROM fs_out GROUP BY entity) m
                 ON m.entity = o.entity AND m.last = o.event_time
               QUALIFY row_number() OVER (PARTITION BY o.entity ORDER BY o.available_at DESC) = 1`,
              )
            ).map((r) => latestRow.parse(r));
            await writer.writeQuery('SELECT * FROM fs_out');
            await finished('write');
            checkpoint();
          } finally {
            signal?.removeEventListener('abort', interrupt);
          }
        },
      );
    } catch (error) {
      if (!(error instanceof LakeError && error.cause instanceof NothingToWrite)) throw error;
      // Nothing new and nothing corrected: no empty snapshot. The view stays at its current one.
      clock.lap('write');
      published.run = await runLifecycle.transition(db, {
        id: run.id,
        to: 'succeeded',
        set: {
          rowsWritten: 0,
          eventTimeFrom: null,
          eventTimeTo: null,
          snapshotId: viewSnapshot?.id ?? null,
          inputSnapshots,
          timings: clock.steps,
          finishedAt: new Date(),
        },
        heldBy: deps.worker,
      });
    }
    if (!published.run) throw new Error('the snapshot was published without finishing the run');
    return published.run;
  } catch (error) {
    // Past the deadline, whatever DuckDB's interrupt made of the step, the deadline is the reason.
    const reason = signal?.aborted ? signal.reason : error;
    if (deps.log) deps.log.error({ err: reason, run: run.id }, `materialization run ${run.id} failed`);
    else console.error(`[features] materialization run ${run.id} failed`, reason);
    return runLifecycle.transition(db, {
      id: run.id,
      to: 'failed',
      set: { error: failureMessage(reason), timings: clock.steps, finishedAt: new Date() },
      heldBy: deps.worker,
    });
  }
}

/**
 * `fs_out`: the computed rows to write. New periods (after the view's last row for the entity)
 * are all kept; a recomputed period is kept only when its `available_at` or a value differs from
 * the view's latest version of it (or the view lacks it: a late bar), so periods a correction did
 * not reach are not written again.
 */
async function keepOnlyChanges(options: {
  session: LakeSession;
  view: Snapshot | null;
  dataset: DatasetContract;
  columns: readonly string[];
}): Promise<void> {
  const { session, view } = options;
  const [redo] = await session.all(
    'SELECT count(*) AS n, min(event_time) AS first FROM fs_computed WHERE after IS NOT NULL AND event_time <= after',
  );
  const recomputed = stats.omit({ last: true }).parse(redo);
  const columns = ['entity', 'event_time', 'available_at', 'tiebreak', ...options.columns].map(quoteIdent);
  if (recomputed.n === 0 || !view || view.files.length === 0) {
    await session.run(`CREATE OR REPLACE TEMP TABLE fs_out AS SELECT ${columns.join(', ')} FROM fs_computed`);
    return;
  }
  const same = ['available_at', ...options.columns]
    .map((c) => `s.${quoteIdent(c)} IS NOT DISTINCT FROM c.${quoteIdent(c)}`)
    .join(' AND ');
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_stored AS
     SELECT * FROM ${latestAsOf(view, {
       dataset: options.dataset,
       where: [
         'event_time >= $1::TIMESTAMPTZ',
         'entity IN (SELECT DISTINCT entity FROM fs_computed WHERE event_time <= after)',
       ],
     })}`,
    [recomputed.first!],
  );
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_out AS
     SELECT ${columns.map((c) => `c.${c}`).join(', ')} FROM fs_computed c
     WHERE c.after IS NULL OR c.event_time > c.after
        OR NOT EXISTS (SELECT 1 FROM fs_stored s WHERE s.entity = c.entity AND s.event_time = c.event_time AND ${same})`,
  );
}

/** A short account of a failure for the run record (no stack, no SQL text). */
function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 500);
}
