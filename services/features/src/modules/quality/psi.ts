/**
 * Population stability index over explicit bins.
 *
 * Binning: the edges are the reference period's quantiles at k / bins (k = 1 … bins - 1, DuckDB's
 * quantile_cont, linear interpolation), repeated edges merged (a heavily tied reference has fewer
 * bins). Bin j holds values v with edge[j-1] < v <= edge[j]; the first bin has no lower edge and
 * the last no upper edge, so current values outside the reference range land in the end bins.
 * Shares are of the period's non-null values. A bin with no values in a period takes the share
 * EPSILON instead of 0 (ln 0 is undefined); shares are not renormalised after that.
 *
 *   PSI = sum over bins of (current share - reference share) * ln(current share / reference share)
 */
export const PSI_EPSILON = 1e-4;

export interface PsiBin {
  readonly lower: number | null;
  readonly upper: number | null;
  readonly referenceCount: number;
  readonly currentCount: number;
  readonly referenceShare: number;
  readonly currentShare: number;
  readonly contribution: number;
}

/** Merges repeated edges and sorts them. */
export function distinctEdges(edges: readonly number[]): number[] {
  return [...new Set(edges.filter((e) => Number.isFinite(e)))].sort((a, b) => a - b);
}

/** The PSI of per-bin counts (bins = edges.length + 1). */
export function populationStability(
  edges: readonly number[],
  referenceCounts: readonly number[],
  currentCounts: readonly number[],
  epsilon = PSI_EPSILON,
): { psi: number; bins: PsiBin[] } {
  const n = edges.length + 1;
  if (referenceCounts.length !== n || currentCounts.length !== n) {
    throw new Error(`expected ${n} counts per period for ${edges.length} edges`);
  }
  const refTotal = referenceCounts.reduce((a, b) => a + b, 0);
  const curTotal = currentCounts.reduce((a, b) => a + b, 0);
  const share = (count: number, total: number) => (count === 0 || total === 0 ? epsilon : count / total);
  const bins = Array.from({ length: n }, (_, j): PsiBin => {
    const referenceShare = share(referenceCounts[j]!, refTotal);
    const currentShare = share(currentCounts[j]!, curTotal);
    return {
      lower: j === 0 ? null : edges[j - 1]!,
      upper: j === n - 1 ? null : edges[j]!,
      referenceCount: referenceCounts[j]!,
      currentCount: currentCounts[j]!,
      referenceShare,
      currentShare,
      contribution: (currentShare - referenceShare) * Math.log(currentShare / referenceShare),
    };
  });
  return { psi: bins.reduce((a, b) => a + b.contribution, 0), bins };
}
