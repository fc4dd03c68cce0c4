/**
 * The platform's processes, declared once: the gateway reads the roster to compose and route, the
 * launcher to start each process, each service's env.ts for its default port. A process's entry
 * point is its package's `./main` export (declared in that package.json), so the launcher starts
 * what a package declares rather than a path it knows about.
 */
export const SUBGRAPHS = [
  { name: 'market-data', defaultPort: 4001, package: '@alphagraph/market-data' },
  { name: 'alt-data', defaultPort: 4002, package: '@alphagraph/alt-data' },
  { name: 'features', defaultPort: 4003, package: '@alphagraph/features' },
  { name: 'models', defaultPort: 4004, package: '@alphagraph/models', pages: '/models/' },
  { name: 'backtests', defaultPort: 4005, package: '@alphagraph/backtests', pages: '/backtests/' },
] as const;

/**
 * Pages served by a subgraph under a path prefix (model cards, backtest reports); the gateway
 * passes each request under the prefix through to it with the caller's Authorization.
 */
export const PAGE_ROUTES: readonly { readonly prefix: string; readonly subgraph: SubgraphName }[] = SUBGRAPHS.flatMap(
  (s) => ('pages' in s ? [{ prefix: s.pages, subgraph: s.name }] : []),
);

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const GATEWAY = { name: 'gateway', defaultPort: 4000, package: '@alphagraph/gateway' } as const;

/** The package export every process declares as its entry point. */
export const MAIN_EXPORT = './main';

export function subgraphDefaultPort(name: SubgraphName): number {
  return SUBGRAPHS.find((s) => s.name === name)!.defaultPort;
}

/** The env variable that overrides a subgraph's URL, e.g. SUBGRAPH_MARKET_DATA_URL. */
export function subgraphUrlVariable(name: SubgraphName): string {
  return `SUBGRAPH_${name.toUpperCase().replaceAll('-', '_')}_URL`;
}

export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://127.0.0.1:${subgraphDefaultPort(name)}/graphql`;
}
