/**
 * What training (or evaluating an uploaded ONNX model) records on a version, as stored in its
 * `result` column. Metric names are the snake_case names success criteria use.
 */
export interface SplitMetrics {
  readonly rows: number;
  readonly accuracy?: number | null;
  readonly precision?: number | null;
  readonly recall?: number | null;
  readonly f1?: number | null;
  readonly roc_auc?: number | null;
  readonly log_loss?: number | null;
  readonly confusion?: { tp: number; fp: number; tn: number; fn: number } | null;
  readonly rmse?: number | null;
  readonly mae?: number | null;
  readonly r2?: number | null;
  readonly mean_ic?: number | null;
  readonly icir?: number | null;
}

export type EvaluationSplitName = 'train' | 'validation' | 'test';

export interface FoldRecord {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly purgedRows: number;
  readonly embargoedRows: number;
  readonly metrics: SplitMetrics;
}

export interface TrainingResult {
  readonly trainingSet: { readonly id: string; readonly lakeDataset: string; readonly snapshotId: number };
  /** The snapshots the training set's build read (feature views, bars, spine). */
  readonly inputs: readonly { readonly lakeDataset: string; readonly snapshotId: number; readonly role: string }[];
  readonly period: { readonly from: string | null; readonly to: string | null };
  readonly universe: readonly string[];
  readonly rowCounts: {
    readonly train: number;
    readonly validation: number;
    readonly test: number;
    readonly embargo: number;
    readonly droppedUnlabeled: number;
  };
  readonly missing: readonly { readonly column: string; readonly imputedInTrain: number; readonly fill: number }[];
  readonly metrics: Readonly<Record<EvaluationSplitName, SplitMetrics>>;
  readonly baseline: Readonly<Record<EvaluationSplitName, SplitMetrics>>;
  readonly crossValidation: {
    readonly folds: number;
    readonly embargoSessions: number;
    readonly metric: string;
    readonly mean: number | null;
    readonly std: number | null;
    readonly perFold: readonly FoldRecord[];
  } | null;
  readonly importances: readonly {
    readonly feature: string;
    readonly kind: 'permutation' | 'coefficient' | 'impurity';
    readonly value: number;
    readonly std: number | null;
  }[];
  readonly criteria: readonly CriterionOutcome[];
  readonly artifact: {
    readonly path: string;
    readonly sha256: string;
    readonly bytes: number;
    readonly format: 'json' | 'onnx';
  };
  readonly trainingSeconds: number;
  /** Scoring latency measured on the test split: milliseconds per 1,000 rows. */
  readonly scoringMsPer1000: number;
  readonly framework?: string;
  readonly notes?: string | null;
}

export interface CriterionOutcome {
  readonly metric: string;
  readonly op: 'gte' | 'lte';
  readonly threshold: number | null;
  readonly againstBaseline: boolean;
  readonly value: number | null;
  readonly met: boolean;
}
