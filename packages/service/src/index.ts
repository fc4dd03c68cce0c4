export { DateScalar, DateTimeScalar, JSONScalar } from '@alphagraph/server';
export { bootSubgraph, type ServiceRuntime, type ServiceWiring, serviceRuntime } from './boot.ts';
export { type Change, changeOf } from './caller.ts';
export { readDemoSeed } from './demo.ts';
export { createDownloads, type DownloadLink, type Downloads } from './downloads.ts';
export { demoEnv, loadServiceEnv, type PlatformEnv, type ServiceEnv } from './env.ts';
export {
  DATABASE_UNAVAILABLE_MESSAGE,
  DomainError,
  type DomainErrorCode,
  dependencyErrorsPlugin,
} from './errors.ts';
export { assertNever, UnreachableCaseError } from './exhaustive.ts';
export { type HttpRoute, sendJson } from './http.ts';
export { manyByKey, oneByKey } from './loaders.ts';
export { createLogger, currentRequestId, type Logger } from './logger.ts';
export { metricsRegistry, sharedCounter } from './metrics.ts';
export {
  type AssembledService,
  assembleService,
  defineModule,
  type ModuleContext,
  mergeModuleResolvers,
  type ProvidersOf,
  type ServiceModule,
} from './modules.ts';
export {
  createPubSub,
  type PolledPage,
  type PollingSource,
  type PollingSourceOptions,
  type PubSub,
  pollingSource,
  type TopicDataMap,
} from './pubsub.ts';
export { requestScope } from './request.ts';
export {
  buildServiceSchema,
  type RequestScope,
  type RunningSubgraph,
  type ServiceContext,
  type SubgraphResolvers,
  type SubgraphServerOptions,
  startSubgraphServer,
} from './server.ts';
export { SSE_KEEP_ALIVE_MS } from './subscriptions.ts';
