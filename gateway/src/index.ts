export { CompositionError, composeSupergraph, readSubgraphSdl, supergraphPath } from './compose.ts';
export { type GatewayEnv, loadGatewayEnv } from './env.ts';
export { type GatewayOptions, GRAPHQL_PATH, HEALTH_PATH, type RunningGateway, startGateway } from './server.ts';
export { defaultSubgraphUrl, SUBGRAPHS, type SubgraphName, subgraphUrlVariable } from './subgraphs.ts';
