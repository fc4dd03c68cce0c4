import { featureViewDataset } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import {
  type DatasetContract,
  type Lake,
  type LakeParam,
  latestAsOf,
  quoteIdent,
  type Snapshot,
} from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { z } from 'zod';
import { type ResolvedView, resolveViews } from '../views/reader.ts';
import { distinctEdges, PSI_EPSILON, type PsiBin, populationStability } from './psi.ts';

export const QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;

export interface Period {
  readonly from: Date;
  readonly to: Date;
}

export interface FeatureQualityReport {
  readonly feature: string;
  readonly view: string;
  readonly snapshotId: number;
  readonly from: Date;
  readonly to: Date;
  readonly rows: number;
  readonly nulls: number;
  readonly nullRate: number;
  readonly distribution: {
    count: number;
    mean: number;
    std: number | null;
    min: number;
    max: number;
    quantiles: { q: number; value: number }[];
  } | null;
}

export interface FeatureDriftReport {
  readonly feature: string;
  readonly view: string;
  readonly snapshotId: number;
  readonly reference: Period & { rows: number; nulls: number };
  readonly current: Period & { rows: number; nulls: number };
  readonly psi: number;
  readonly epsilon: number;
  readonly binning: string;
  readonly bins: PsiBin[];
}

const num = z.union([z.bigint(), z.number()]).transform(Number);
const summaryRow = z.object({
  rows: num,
  nulls: num,
  n: num,
  mean: z.number().nullable(),
  std: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  q: z.array(z.number()).nullable(),
});

/** The view holding `ref`, or null when none has materialized it. */
async function viewOf(db: Db, ref: string): Promise<{ resolved: ResolvedView; column: string; ref: string } | null> {
  try {
    const [resolved] = await resolveViews(db, [ref]);
    const column = resolved!.columns[0]!;
    return { resolved: resolved!, column: column.column, ref: column.ref };
  } catch (error) {
    if (error instanceof DomainError && error.extensions.code === 'FAILED_PRECONDITION') return null;
    throw error;
  }
}

/**
 * The feature's values with event times in `[from, to)`: for each (entity, event time) the latest
 * version in the view (greatest available_at, then the later run), non-finite values as null.
 */
function valuesSql(
  view: { snapshot: Snapshot; dataset: DatasetContract },
  column: string,
  periods: readonly Period[],
  params: LakeParam[],
): string {
  const conditions = periods.map((p) => {
    const from = `$${params.push(p.from)}::TIMESTAMPTZ`;
    const to = `$${params.push(p.to)}::TIMESTAMPTZ`;
    return { from, to, sql: `(event_time >= ${from} AND event_time < ${to})` };
  });
  const x = quoteIdent(column);
  const latest = latestAsOf(view.snapshot, {
    dataset: view.dataset,
    where: [conditions.map((c) => c.sql).join(' OR ')],
    columns: ['event_time', column],
  });
  return `SELECT event_time, CASE WHEN isfinite(${x}) THEN ${x} END AS x,
      ${conditions.map((c, i) => `${c.sql} AS p${i}`).join(', ')}
    FROM ${latest}`;
}

export function createQualityStore(db: Db, lake: Lake) {
  async function scanOf(resolved: ResolvedView) {
    const snapshot = await lake.snapshot(resolved.lakeDataset, resolved.snapshotId);
    // The view as far as this read uses it: its keys and the columns resolved for the feature.
    const dataset = featureViewDataset({
      lakeDataset: resolved.lakeDataset,
      features: resolved.columns.map((c) => c.ref),
    });
    return { snapshot, dataset };
  }
  return {
    async quality(ref: string, period: Period): Promise<FeatureQualityReport | null> {
      const found = await viewOf(db, ref);
      if (!found) return null;
      const params: LakeParam[] = [];
      const values = valuesSql(await scanOf(found.resolved), found.column, [period], params);
      const [raw] = await lake.query(
        `SELECT count(*) AS rows, count(*) - count(x) AS nulls, count(x) AS n, avg(x) AS mean, stddev_samp(x) AS std,
                min(x) AS min, max(x) AS max, quantile_cont(x, [${QUANTILES.join(', ')}]) AS q
         FROM (${values})`,
        params,
      );
      const s = summaryRow.parse(raw);
      return {
        feature: found.ref,
        view: found.resolved.view,
        snapshotId: found.resolved.snapshotId,
        from: period.from,
        to: period.to,
        rows: s.rows,
        nulls: s.nulls,
        nullRate: s.rows === 0 ? 0 : s.nulls / s.rows,
        distribution:
          s.n === 0
            ? null
            : {
                count: s.n,
                mean: s.mean!,
                std: s.std,
                min: s.min!,
                max: s.max!,
                quantiles: QUANTILES.map((q, i) => ({ q, value: s.q![i]! })),
              },
      };
    },

    async drift(ref: string, reference: Period, current: Period, bins: number): Promise<FeatureDriftReport | null> {
      if (!Number.isInteger(bins) || bins < 2 || bins > 100) {
        throw new DomainError('BAD_USER_INPUT', `featureDrift: bins must be an integer from 2 to 100, got ${bins}`);
      }
      const found = await viewOf(db, ref);
      if (!found) return null;
      const params: LakeParam[] = [];
      const values = valuesSql(await scanOf(found.resolved), found.column, [reference, current], params);
      const cuts = Array.from({ length: bins - 1 }, (_, k) => (k + 1) / bins);
      // One pass in DuckDB: reference quantile edges, then each period's count per bin, where a
      // value's bin is the number of edges below it.
      const rows = await lake.query(
        `WITH v AS (${values}),
         edges AS (SELECT list_distinct(quantile_cont(x, [${cuts.join(', ')}])) AS e FROM v WHERE p0 AND x IS NOT NULL),
         binned AS (
           SELECT p0, p1, x, CASE WHEN x IS NULL THEN NULL ELSE len(list_filter((SELECT list_sort(e) FROM edges), lambda edge: edge < x)) END AS bin FROM v
         )
         SELECT 'edges' AS kind, NULL AS bin, NULL AS ref, NULL AS cur, NULL AS ref_rows, NULL AS cur_rows,
                (SELECT list_sort(e) FROM edges) AS edges
         UNION ALL
         SELECT 'rows', NULL, count(*) FILTER (WHERE p0 AND x IS NULL), count(*) FILTER (WHERE p1 AND x IS NULL),
                count(*) FILTER (WHERE p0), count(*) FILTER (WHERE p1), NULL FROM binned
         UNION ALL
         SELECT 'bin', bin, count(*) FILTER (WHERE p0), count(*) FILTER (WHERE p1), NULL, NULL, NULL
         FROM binned WHERE bin IS NOT NULL GROUP BY bin`,
        params,
      );
      const edgesRow = rows.find((r) => r.kind === 'edges');
      const edges = distinctEdges(
        z
          .array(z.number())
          .nullable()
          .parse(edgesRow?.edges ?? null) ?? [],
      );
      const totals = rows.find((r) => r.kind === 'rows')!;
      const refCounts = new Array<number>(edges.length + 1).fill(0);
      const curCounts = new Array<number>(edges.length + 1).fill(0);
      for (const r of rows.filter((x) => x.kind === 'bin')) {
        const bin = num.parse(r.bin);
        refCounts[bin] = num.parse(r.ref);
        curCounts[bin] = num.parse(r.cur);
      }
      const refNonNull = refCounts.reduce((a, b) => a + b, 0);
      if (refNonNull === 0) {
        throw new DomainError(
          'FAILED_PRECONDITION',
          `featureDrift: ${found.ref} has no non-null values in the reference period`,
        );
      }
      const { psi, bins: out } = populationStability(edges, refCounts, curCounts);
      return {
        feature: found.ref,
        view: found.resolved.view,
        snapshotId: found.resolved.snapshotId,
        reference: { ...reference, rows: num.parse(totals.ref_rows), nulls: num.parse(totals.ref) },
        current: { ...current, rows: num.parse(totals.cur_rows), nulls: num.parse(totals.cur) },
        psi,
        epsilon: PSI_EPSILON,
        binning:
          `${edges.length + 1} bins cut at the reference period's quantiles ${cuts.map((c) => c.toFixed(2)).join(', ')} ` +
          `(linear interpolation, repeated edges merged); a bin holds edge[j-1] < v <= edge[j]; nulls excluded; ` +
          `an empty bin's share is ${PSI_EPSILON}`,
        bins: out,
      };
    },
  };
}
export type QualityStore = ReturnType<typeof createQualityStore>;
