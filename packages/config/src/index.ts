export { ConfigError, type EnvSource, loadEnv } from './load-env.ts';
export { defaultDataDir, demoDataDir, findRepoRoot } from './paths.ts';
export {
  booleanFlag,
  type DatabaseEnv,
  DEFAULT_STOP_GRACE_MS,
  databaseEnv,
  type HttpEnv,
  httpEnv,
  type LakeEnv,
  type LogEnv,
  lakeEnv,
  logEnv,
  type TracingEnv,
  tracingEnv,
} from './schemas.ts';
export {
  defaultSubgraphUrl,
  GATEWAY,
  MAIN_EXPORT,
  PAGE_ROUTES,
  SUBGRAPHS,
  type SubgraphName,
  subgraphDefaultPort,
  subgraphUrlVariable,
} from './subgraphs.ts';
