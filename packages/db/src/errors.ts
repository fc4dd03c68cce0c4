/** The db package's error base: a code, a message a user can act on, and the cause. */
export class DatabaseError extends Error {
  constructor(
    readonly code: 'DB_UNAVAILABLE' | 'DB_MIGRATION_FAILED' | 'DB_TEST_SETUP',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseError';
  }
}

/** postgres.js's own codes for a connection that is gone or never came. */
const DRIVER_CODES = new Set(['CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);
/** Node's socket errors. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
/** SQLSTATEs of a server that dropped or will not take the session (class 08; shutdowns, pg_terminate_backend). */
const SERVER_STATES = new Set(['57P01', '57P02', '57P03']);

/**
 * Whether an error (or any error in its `cause` chain) says the database connection was lost or
 * could not be made: a retry may succeed, unlike a query error. Postgres (postgres.js codes, socket
 * errors, SQLSTATE class 08, 57P01-57P03) and embedded PGlite ("PGlite is closed").
 */
export function isConnectionLost(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 10; depth++) {
    if (e instanceof DatabaseError && e.code === 'DB_UNAVAILABLE') return true;
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SERVER_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) {
        return true;
      }
    }
    if (typeof message === 'string' && /PGlite is closed/i.test(message)) return true;
    e = (e as { cause?: unknown; originalError?: unknown }).cause ?? (e as { originalError?: unknown }).originalError;
  }
  return false;
}
