export { CompositionError, composeSupergraph, supergraphPath } from './compose.ts';
export { type GatewayEnv, loadGatewayEnv } from './env.ts';
export { type GatewayOptions, GRAPHQL_PATH, HEALTH_PATH, type RunningGateway, startGateway } from './server.ts';
