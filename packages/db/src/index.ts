export { type DatabaseHandle, type Db, type OpenDatabaseOptions, openDatabase, type Schema } from './client.ts';
export { DatabaseError, isConnectionLost } from './errors.ts';
export { applyMigrations, migrationsFolder, pendingMigrations, pingDatabase } from './migrate.ts';
export { rowsOf } from './rows.ts';
