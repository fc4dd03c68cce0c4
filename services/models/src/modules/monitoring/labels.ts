import { BARS_DATASET, realizedLabels } from '@alphagraph/datasets';
import type { Lake } from '@alphagraph/lake';
import { LakeError } from '@alphagraph/lake';
import type { LabelReader } from './outcomes.ts';

/**
 * Realized labels for the outcome join: the label definition shared with training-set builds
 * (@alphagraph/datasets' realizedLabels, the same SQL), over the bars as the lake had them at the
 * run's as-of, returning only labels knowable by then.
 */
export function createLabelReader(lake: Lake): LabelReader {
  return async ({ label, interval, rows, asOf }) => {
    if (rows.length === 0) return [];
    // No bars ever ingested: no label is knowable yet.
    const bars = await lake.currentSnapshot(BARS_DATASET.name).catch((error: unknown) => {
      if (error instanceof LakeError && error.code === 'DATASET_NOT_FOUND') return null;
      throw error;
    });
    if (!bars) return [];
    const known = await lake.withSession((session) =>
      realizedLabels(session, lake, { label, interval, predictions: rows, asOf, bars }),
    );
    return known.flatMap((k) =>
      k.value === null ? [] : [{ entity: k.entity, t: k.t, value: k.value, knownAt: k.knownAt }],
    );
  };
}
