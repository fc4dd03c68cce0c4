/** The five subgraphs, their SDL files under schema/, and where each listens by default. */
export const SUBGRAPHS = [
  { name: 'market-data', defaultPort: 4001 },
  { name: 'alt-data', defaultPort: 4002 },
  { name: 'features', defaultPort: 4003 },
  { name: 'models', defaultPort: 4004 },
  { name: 'backtests', defaultPort: 4005 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** The env variable that overrides a subgraph's URL, e.g. SUBGRAPH_MARKET_DATA_URL. */
export function subgraphUrlVariable(name: SubgraphName): string {
  return `SUBGRAPH_${name.toUpperCase().replaceAll('-', '_')}_URL`;
}

export function defaultSubgraphUrl(name: SubgraphName): string {
  const sg = SUBGRAPHS.find((s) => s.name === name)!;
  return `http://127.0.0.1:${sg.defaultPort}/graphql`;
}
