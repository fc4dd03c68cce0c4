import { authEnv } from '@alphagraph/auth';
import { booleanFlag, databaseEnv, type EnvSource, httpEnv, lakeEnv, loadEnv } from '@alphagraph/config';
import { z } from 'zod';

export const demoEnv = z
  .object({ DEMO_DATA: booleanFlag(false), DEMO_DATA_DIR: z.string().min(1).optional() })
  .transform((e) => ({ load: e.DEMO_DATA, dir: e.DEMO_DATA_DIR }));

/** The configuration every subgraph shares: HTTP, database, lake, demo data, token verification. */
export function loadServiceEnv(defaultPort: number, source: EnvSource) {
  return loadEnv({ http: httpEnv(defaultPort), db: databaseEnv, lake: lakeEnv, demo: demoEnv, auth: authEnv }, source);
}
export type ServiceEnv = ReturnType<typeof loadServiceEnv>;
