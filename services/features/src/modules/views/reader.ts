import type { Db } from '@alphagraph/db';
import { createFeatureStore } from '../features/store.ts';
import { TrainingSetError } from '../training/errors.ts';
import { refOf } from './naming.ts';
import { viewColumns, viewsContaining } from './store.ts';

/** Where a feature version's values are read from: a view and the column holding them. */
export interface ResolvedView {
  readonly view: string;
  readonly lakeDataset: string;
  /** The snapshot the view's newest succeeded run published (read it for a reproducible build). */
  readonly snapshotId: number;
  readonly columns: readonly { readonly ref: string; readonly column: string; readonly ttlSeconds: number | null }[];
}

/**
 * Picks, for each requested feature version, a materialized view holding it: one view for all
 * when one exists (the one whose newest succeeded run is newest), otherwise as few views as a
 * greedy cover finds, each ref read from exactly one of them. Refs are `name@version` (`name`
 * alone means the newest version). Only views with a succeeded run count. Throws NOT_FOUND for an
 * unknown ref and FAILED_PRECONDITION naming the refs no view has materialized.
 *
 * Shared with the training-set builder (the views contract).
 */
export async function resolveViews(db: Db, refs: readonly string[]): Promise<ResolvedView[]> {
  const features = createFeatureStore(db);
  const resolved = await features.resolveRefs([...new Set(refs)]);
  const unknown = [...resolved].filter(([, f]) => !f).map(([r]) => r);
  if (unknown.length > 0) throw new TrainingSetError('NOT_FOUND', `no feature version matches ${unknown.join(', ')}`);
  const wanted = new Map<string, { ref: string; ttlSeconds: number | null }>();
  for (const f of resolved.values()) wanted.set(refOf(f!), { ref: refOf(f!), ttlSeconds: f!.ttlSeconds });

  const candidates = (await viewsContaining(db, [...wanted.keys()])).filter(
    (c) => c.snapshotId !== null && c.finishedAt !== null,
  );
  const uncovered = new Set(wanted.keys());
  const chosen: ResolvedView[] = [];
  while (uncovered.size > 0) {
    let best: (typeof candidates)[number] | undefined;
    let bestCount = 0;
    // Candidates come newest run first, so a tie keeps the view with the newest run.
    for (const c of candidates) {
      const count = c.view.features.filter((r) => uncovered.has(r)).length;
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    if (!best) {
      throw new TrainingSetError(
        'NOT_MATERIALIZED',
        `not materialized yet: ${[...uncovered].join(', ')}; run materializeFeatures for them first`,
      );
    }
    const columns = viewColumns(best.view)
      .filter((c) => uncovered.has(c.ref))
      .map((c) => ({ ...c, ttlSeconds: wanted.get(c.ref)!.ttlSeconds }));
    for (const c of columns) uncovered.delete(c.ref);
    chosen.push({ view: best.view.name, lakeDataset: best.view.lakeDataset, snapshotId: best.snapshotId!, columns });
  }
  return chosen;
}
