export { ConfigError, type EnvSource, loadEnv } from './load-env.ts';
export { defaultDataDir, demoDataDir, findRepoRoot } from './paths.ts';
export {
  booleanFlag,
  type DatabaseEnv,
  databaseEnv,
  type HttpEnv,
  httpEnv,
  type LakeEnv,
  lakeEnv,
} from './schemas.ts';
