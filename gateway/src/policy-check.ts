import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot, SUBGRAPHS } from '@alphagraph/config';
import {
  type ConstDirectiveNode,
  type DocumentNode,
  Kind,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  parse,
} from 'graphql';

const AUTH_DIRECTIVES = new Set(['requiresScopes', 'authenticated', 'policy']);

/**
 * Fields that are deliberately readable without any role. Empty: every field of Alphagraph needs
 * at least a verified identity. Adding to it is a reviewed change.
 */
export const PUBLIC_FIELDS: ReadonlySet<string> = new Set<string>([]);

/** Federation's own plumbing types, which carry no data of ours. */
const FEDERATION_TYPES = new Set(['_Service', 'link__Import', 'join__Graph']);

const hasAuth = (directives: readonly ConstDirectiveNode[] | undefined) =>
  (directives ?? []).some((d) => AUTH_DIRECTIVES.has(d.name.value));

/**
 * Every field of every object type (root fields included) must carry an authorization directive,
 * on itself or on its type. Returns `Type.field (where)` for each that has none.
 */
export function fieldsWithoutPolicy(document: DocumentNode, where: string): string[] {
  const missing: string[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
    if (FEDERATION_TYPES.has(type.name.value)) continue;
    const typeCovered = hasAuth(type.directives);
    for (const field of type.fields ?? []) {
      const coordinate = `${type.name.value}.${field.name.value}`;
      if (typeCovered || hasAuth(field.directives) || PUBLIC_FIELDS.has(coordinate)) continue;
      missing.push(`${coordinate} (${where})`);
    }
  }
  return missing;
}

/** Checks schema/<subgraph>.graphql for each subgraph and schema/supergraph.graphql. */
export function checkPolicies(root = findRepoRoot()): string[] {
  const files = [...SUBGRAPHS.map((s) => `${s.name}.graphql`), 'supergraph.graphql'];
  return files.flatMap((file) =>
    fieldsWithoutPolicy(parse(readFileSync(join(root, 'schema', file), 'utf8')), `schema/${file}`),
  );
}
