export type AuthErrorCode =
  | 'TOKEN_MISSING'
  | 'TOKEN_MALFORMED'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_NOT_YET_VALID'
  | 'TOKEN_BAD_SIGNATURE'
  | 'TOKEN_ALGORITHM_NOT_ALLOWED'
  | 'TOKEN_WRONG_AUDIENCE'
  | 'TOKEN_WRONG_ISSUER'
  | 'TOKEN_CLAIMS_INVALID'
  | 'AUTH_MISCONFIGURED';

/** An authentication failure: always answered with HTTP 401 and this message. */
export class AuthError extends Error {
  readonly status = 401;
  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuthError';
  }
}
