import { LakeError } from './errors.ts';
import type { DatasetSpec } from './lake.ts';

/**
 * A lake dataset as its owner declares it for readers: every version of every observation is a
 * row, and a correction is a new row with the same version key and a later availability. Readers
 * never restate these columns: the point-in-time reads below are built from the declaration.
 */
export interface DatasetContract extends DatasetSpec {
  /** The columns that name one observation (symbol+interval+time for bars); its versions share them. */
  readonly versionKey: readonly string[];
  /** When a version could first have been known (`available_at`). */
  readonly availableAt: string;
  /** Orders versions of equal availability: the greater wins (a batch id, a time-ordered run id). */
  readonly tiebreak: string;
  /** What an observation is about: an instrument symbol, `MARKET`, a model's entity. */
  readonly entity: string;
  /** The moment or period an observation describes. */
  readonly eventTime: string;
}

/** Checks that a contract's roles name declared columns, so a typo fails at declaration. */
export function defineDataset<T extends DatasetContract>(contract: T): T {
  const names = new Set(contract.columns.map((c) => c.name));
  const roles = [...contract.versionKey, contract.availableAt, contract.tiebreak, contract.entity, contract.eventTime];
  const missing = roles.filter((r) => !names.has(r));
  if (contract.versionKey.length === 0) missing.push('(an empty version key)');
  if (missing.length > 0) {
    throw new LakeError('DATASET_INVALID', `dataset ${contract.name} declares unknown columns: ${missing.join(', ')}`);
  }
  return contract;
}
