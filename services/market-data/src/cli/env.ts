import { databaseEnv, type EnvSource, lakeEnv, loadEnv } from '@alphagraph/config';

/** The operator CLI's configuration: the database (DATABASE_URL, else embedded PGlite) and the lake. */
export function loadCliEnv(source: EnvSource = process.env) {
  return loadEnv({ db: databaseEnv, lake: lakeEnv }, source);
}
export type CliEnv = ReturnType<typeof loadCliEnv>;
