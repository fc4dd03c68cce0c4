import type { Db } from '@alphagraph/db';
import { checkExpression, compileFeatureSet, parseExpression } from '@alphagraph/dsl';
import { type Lake, type LakeSession, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { z } from 'zod';
import type { FeatureRecord } from '../features/store.ts';
import { upsertOnlineValues } from '../online/store.ts';
import { type AltField, loadFeatureCatalog } from '../registry/catalog.ts';
import { isCrossSectional } from '../registry/expression.ts';
import { featureColumn } from '../views/naming.ts';
import type { FeatureViewRecord } from '../views/store.ts';
import { type RunRecord, transitionRun } from './runs.ts';
import { stageSource } from './source.ts';

export interface MaterializeJob {
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
const highWater = z.object({ entity: z.string(), last: z.date() });

/** A run's steps, in the order they happen (timings are stored as JSON, which keeps no order). */
export const RUN_STEPS = ['resolve', 'source', 'compute', 'write', 'publish'] as const;

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

/** Per entity, the last event time the view already holds (for an incremental run). */
async function highWaterMarks(lake: Lake, session: LakeSession, dataset: string) {
  const snapshot = await lake.currentSnapshot(dataset);
  if (!snapshot || snapshot.files.length === 0) return new Map<string, Date>();
  const rows = await session.all(`SELECT entity, max(event_time) AS last FROM ${lake.scan(snapshot)} GROUP BY entity`);
  return new Map(rows.map((r) => highWater.parse(r)).map((r) => [r.entity, r.last] as const));
}

/**
 * Computes a view's values and publishes them: stages the source (the latest version of each
 * daily bar known at the run's start, joined with the alternative fields' session aggregates),
 * runs the one compiled query over it, appends the rows to the view's lake dataset and, in the
 * catalog transaction that publishes the snapshot, marks the run succeeded and upserts the
 * latest value per (entity, feature version) into the online store. On failure nothing is
 * published and the run is marked failed.
 */
export async function runMaterialization(deps: { db: Db; lake: Lake }, job: MaterializeJob): Promise<RunRecord> {
  const { db, lake } = deps;
  const asOf = new Date();
  const clock = new Stopwatch();
  await transitionRun(db, job.run.id, 'running', { startedAt: asOf, asOf });
  try {
    const catalog = await loadFeatureCatalog(db);
    const expressions = new Map(job.features.map((f) => [featureColumn(f.name, f.version), f.expression]));
    const checked = [...expressions.values()].map((e) =>
      checkExpression(parseExpression(e), { fields: catalog.fields, mode: 'feature' }),
    );
    const lookback = Math.max(0, ...checked.map((c) => c.lookback));
    const altFields = [...new Set(checked.flatMap((c) => c.fields))]
      .filter((f) => f.includes('.'))
      .sort()
      .map((f): AltField => catalog.altFields.get(f)!);
    clock.lap('resolve');

    let summary: { rows: number; first: Date | null; last: Date | null; inputs: Record<string, number> } | null = null;
    let latest: z.infer<typeof latestRow>[] = [];
    const published: { run?: RunRecord } = {};
    await lake.commit(
      job.view.lakeDataset,
      {
        mode: 'append',
        summary: { run: job.run.id, kind: job.run.kind },
        onPublish: async (tx, snapshot) => {
          await upsertOnlineValues(tx, { runId: job.run.id, features: job.features, rows: latest });
          clock.lap('publish');
          published.run = await transitionRun(tx, job.run.id, 'succeeded', {
            rowsWritten: summary!.rows,
            eventTimeFrom: summary!.first,
            eventTimeTo: summary!.last,
            snapshotId: snapshot.id,
            inputSnapshots: summary!.inputs,
            timings: clock.steps,
            finishedAt: new Date(),
          });
        },
      },
      async (writer) => {
        const session = writer.session;
        const after = job.run.kind === 'incremental' ? await highWaterMarks(lake, session, job.view.lakeDataset) : null;
        const staged = await stageSource({
          lake,
          session,
          asOf,
          universe: job.run.universe,
          from: job.run.periodFrom,
          to: job.run.periodTo,
          after,
          lookback,
          crossSectional: checked.some((c) => isCrossSectional(c.ast)),
          altFields,
          alt: catalog.alt,
        });
        clock.lap('source');
        const compiled = compileFeatureSet(expressions, {
          fields: catalog.fields,
          source: {
            relation: staged.relation,
            entityColumn: 'entity',
            timeColumn: 'time',
            availableAtColumn: 'available_at',
            columns: staged.columns,
            rowNumberColumn: 'rn',
          },
        });
        const cols = compiled.columns.map((c) => `c.${quoteIdent(c)}`).join(', ');
        const to = job.run.periodTo ? `AND c.time < TIMESTAMPTZ ${quoteLiteral(job.run.periodTo.toISOString())}` : '';
        await session.run(
          `CREATE OR REPLACE TEMP TABLE fs_out AS
           SELECT c.entity, c.time AS event_time, c.available_at, ${quoteLiteral(job.run.id)} AS tiebreak, ${cols}
           FROM (${compiled.sql}) c JOIN ${staged.bounds} d ON d.entity = c.entity
           WHERE (d.out_from IS NULL OR c.time >= d.out_from) ${to}`,
        );
        const [s] = await session.all(
          'SELECT count(*) AS n, min(event_time) AS first, max(event_time) AS last FROM fs_out',
        );
        const st = stats.parse(s);
        summary = { rows: st.n, first: st.first, last: st.last, inputs: staged.inputSnapshots };
        // Each entity's newest row, by a semi-join (a window over the wide rows would sort them all).
        latest = (
          await session.all(
            `SELECT o.* FROM fs_out o
             JOIN (SELECT entity, max(event_time) AS last FROM fs_out GROUP BY entity) m
               ON m.entity = o.entity AND m.last = o.event_time`,
          )
        ).map((r) => latestRow.parse(r));
        clock.lap('compute');
        if (st.n > 0) await writer.writeQuery('SELECT * FROM fs_out');
        clock.lap('write');
      },
    );
    if (!published.run) throw new Error('the snapshot was published without finishing the run');
    return published.run;
  } catch (error) {
    console.error(`[features] materialization run ${job.run.id} failed`, error);
    return transitionRun(db, job.run.id, 'failed', {
      error: failureMessage(error),
      timings: clock.steps,
      finishedAt: new Date(),
    });
  }
}

/** A short account of a failure for the run record (no stack, no SQL text). */
function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.slice(0, 500);
}
