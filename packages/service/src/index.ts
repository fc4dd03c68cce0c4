export { bootSubgraph, type ServiceRuntime } from './boot.ts';
export { readDemoSeed } from './demo.ts';
export { demoEnv, loadServiceEnv, type ServiceEnv } from './env.ts';
export { DomainError, type DomainErrorCode } from './errors.ts';
export { manyByKey, oneByKey } from './loaders.ts';
export { DateScalar, DateTimeScalar } from './scalars.ts';
export {
  maskError,
  type RunningSubgraph,
  readSubgraphSdl,
  type SubgraphResolvers,
  type SubgraphServerOptions,
  startSubgraphServer,
} from './server.ts';
