import { join } from 'node:path';
import { defaultSubgraphUrl, findRepoRoot, SUBGRAPHS, type SubgraphName } from '@alphagraph/config';
import { readSubgraphSdl } from '@alphagraph/server';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export class CompositionError extends Error {
  readonly code = 'COMPOSITION_FAILED';
  constructor(readonly problems: readonly string[]) {
    super(`Supergraph composition failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

export const supergraphPath = (): string => join(findRepoRoot(), 'schema', 'supergraph.graphql');

/** Composes the checked-in subgraph SDLs into a supergraph SDL, with the given routing URLs. */
export function composeSupergraph(urls: Partial<Record<SubgraphName, string>> = {}): string {
  const result = composeServices(
    SUBGRAPHS.map(({ name }) => ({
      name,
      url: urls[name] ?? defaultSubgraphUrl(name),
      typeDefs: parse(readSubgraphSdl(name)),
    })),
  );
  if (result.errors && result.errors.length > 0) {
    throw new CompositionError(result.errors.map((e) => e.message));
  }
  if (!result.supergraphSdl) throw new CompositionError(['composition produced no supergraph']);
  return result.supergraphSdl;
}
