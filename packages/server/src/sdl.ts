import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@alphagraph/config';

/** A subgraph's SDL, schema/<name>.graphql: the source of truth both the subgraph and the gateway build from. */
export function readSubgraphSdl(name: string): string {
  return readFileSync(join(findRepoRoot(), 'schema', `${name}.graphql`), 'utf8');
}
