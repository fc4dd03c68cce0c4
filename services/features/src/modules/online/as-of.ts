import { featureViewDataset } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { type Lake, type LakeParam, latestAsOf, quoteIdent } from '@alphagraph/lake';
import { z } from 'zod';
import type { FeatureRecord } from '../features/store.ts';
import { refOf } from '../views/naming.ts';
import { resolveViews } from '../views/reader.ts';
import { viewsContaining } from '../views/store.ts';
import type { OnlineCell, OnlineRead } from './cache.ts';

const keyRow = z.object({
  entity: z.string(),
  event_us: z.union([z.bigint(), z.number()]).transform(Number),
  available_us: z.union([z.bigint(), z.number()]).transform(Number),
});

/**
 * The online values as they were at `asOf`, from the materialized history: per entity and feature,
 * of the view rows available at `asOf` (the lake's one as-of rule, `latestAsOf`: per (entity, event
 * time) the version known then), the one with the latest event time. That is what the online store
 * held at `asOf`, since a publish only ever moves a value forward in (event time, availability).
 * Each feature is read from the view `resolveViews` picks for it (the one with the newest succeeded
 * run); a feature no view has materialized is MISSING for every entity.
 */
export async function readOnlineAsOf(
  deps: { db: Db; lake: Lake },
  request: { entities: readonly string[]; features: readonly FeatureRecord[]; asOf: Date },
): Promise<OnlineRead> {
  const { db, lake } = deps;
  const refs = [...new Set(request.features.map(refOf))];
  const materialized = new Set(
    (await viewsContaining(db, refs)).filter((c) => c.snapshotId !== null).flatMap((c) => c.view.features),
  );
  const covered = refs.filter((r) => materialized.has(r));
  const views = covered.length > 0 ? await resolveViews(db, covered) : [];
  const entities = [...new Set(request.entities)];
  /** ref -> entity -> cell */
  const byRef = new Map<string, Map<string, OnlineCell>>();
  for (const view of views) {
    const snapshot = await lake.snapshot(view.lakeDataset, view.snapshotId);
    const dataset = featureViewDataset({ lakeDataset: view.lakeDataset, features: view.columns.map((c) => c.ref) });
    const params: LakeParam[] = [request.asOf, [...entities]];
    const columns = view.columns.map((c) => c.column);
    const known = latestAsOf(snapshot, {
      dataset,
      asOf: '$1::TIMESTAMPTZ',
      where: ['entity IN (SELECT unnest($2::VARCHAR[]))'],
      columns: ['entity', 'event_time', 'available_at', ...columns],
    });
    const rows = await lake.query(
      `SELECT entity, epoch_us(event_time) AS event_us, epoch_us(available_at) AS available_us,
              ${columns.map((c, i) => `CASE WHEN isfinite(${quoteIdent(c)}) THEN ${quoteIdent(c)} END AS v${i}`).join(', ')}
       FROM ${known}
       QUALIFY row_number() OVER (PARTITION BY entity ORDER BY event_time DESC) = 1`,
      params,
    );
    for (const raw of rows) {
      const key = keyRow.parse(raw);
      view.columns.forEach((c, i) => {
        const value = (raw as Record<string, unknown>)[`v${i}`];
        let cells = byRef.get(c.ref);
        if (!cells) byRef.set(c.ref, (cells = new Map()));
        cells.set(key.entity, {
          value: typeof value === 'number' ? value : null,
          eventUs: key.event_us,
          availableUs: key.available_us,
        });
      });
    }
  }
  const columns = request.features.map((f) => byRef.get(refOf(f)));
  const cells = new Map<string, (OnlineCell | null)[]>();
  for (const entity of request.entities)
    cells.set(
      entity,
      columns.map((c) => c?.get(entity) ?? null),
    );
  return { features: request.features, cells, nowUs: request.asOf.getTime() * 1000 };
}
