import { DomainError, type DomainErrorCode } from '@alphagraph/service';

/** Why a backtest or sweep was refused (the schema's BacktestErrorCode). */
export type BacktestFailure = 'INVALID_SPEC' | 'LOOKAHEAD' | 'NO_DATA' | 'NOT_FOUND' | 'FORBIDDEN';

const GRAPHQL_CODE: Readonly<Record<BacktestFailure, DomainErrorCode>> = {
  INVALID_SPEC: 'BAD_USER_INPUT',
  LOOKAHEAD: 'BAD_USER_INPUT',
  NO_DATA: 'FAILED_PRECONDITION',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
};

/**
 * A refusal of a backtest or sweep, thrown where it arises with its own code; the mutations
 * return it as the result's error. A spec refused this way stored nothing.
 */
export class BacktestServiceError extends DomainError {
  constructor(
    readonly failure: BacktestFailure,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(GRAPHQL_CODE[failure], message, options);
    this.name = 'BacktestServiceError';
  }
}
