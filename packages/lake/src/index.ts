export type { ColumnBatch, ColumnValues } from './columns.ts';
export { type DatasetContract, defineDataset } from './contract.ts';
export { LakeError, type LakeErrorCode } from './errors.ts';
export type { LakeParam } from './internal/duck.ts';
export { type QueryScope, withQueryScope } from './internal/scope.ts';
export type { LakeSession, StagedValue } from './internal/session.ts';
export {
  type CatalogTransaction,
  type ColumnSpec,
  type CommitOptions,
  type DatasetSpec,
  Lake,
  type LakeOptions,
  type ParquetWriteOptions,
  type Snapshot,
  type SnapshotWriter,
} from './lake.ts';
export { getObject, putObject, type StoredObject } from './objects.ts';
export {
  type LakeSource,
  type LatestAsOfOptions,
  latestAsOf,
  type SessionAggregateOptions,
  sessionAggregates,
} from './reads.ts';
export { quoteIdent, quoteLiteral } from './sql.ts';
export { DEFAULT_SWEEP_GRACE_MS, type OrphanSweepOptions, type OrphanSweepResult, sweepOrphanFiles } from './sweep.ts';
