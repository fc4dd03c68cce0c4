import { DomainError, type DomainErrorCode } from '@alphagraph/service';

/** Why a training set could not be created or rebuilt (the schema's TrainingSetErrorCode). */
export type TrainingSetFailure =
  | 'INVALID_SPEC'
  | 'NOT_FOUND'
  | 'NOT_MATERIALIZED'
  | 'NOT_ENTITLED'
  | 'CONFLICT'
  | 'BUILD_FAILED';

/** The GraphQL error code of each failure when it surfaces as a field error. */
const GRAPHQL_CODE: Readonly<Record<TrainingSetFailure, DomainErrorCode>> = {
  INVALID_SPEC: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  NOT_MATERIALIZED: 'FAILED_PRECONDITION',
  NOT_ENTITLED: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  BUILD_FAILED: 'FAILED_PRECONDITION',
};

/**
 * A training-set failure, thrown where it arises with its own code: createTrainingSet and
 * rebuildTrainingSet return it as the result's error without translating anything.
 */
export class TrainingSetError extends DomainError {
  constructor(
    readonly failure: TrainingSetFailure,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(GRAPHQL_CODE[failure], message, options);
    this.name = 'TrainingSetError';
  }
}
