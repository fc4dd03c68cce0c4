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
