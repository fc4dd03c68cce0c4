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
  print,
  type TypeNode,
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

/** Root types whose fields are each asked on their own (see `deniableNonNullFields`). */
const ROOTS_ASKED_ALONE = new Set(['Mutation', 'Subscription']);

/** The authorization directives of a node as text, without the always-held `viewer`. */
function requirementOf(directives: readonly ConstDirectiveNode[] | undefined): string {
  return (directives ?? [])
    .filter((d) => AUTH_DIRECTIVES.has(d.name.value))
    .map(print)
    .filter((d) => d !== '@requiresScopes(scopes: [["viewer"]])')
    .sort()
    .join(' ');
}

/**
 * A field that a caller who may read its parent can still be denied (by its own directives or by
 * its return type's) must be nullable. The gateway answers a denied field with null at its own
 * path; on a non-null field that null would take its parent with it, so one denied field would
 * blank the whole object (or, at the root, the whole answer). Mutation and Subscription root
 * fields are exempt: each is asked on its own (a subscription has exactly one root field), and a
 * denied one answers no data. The types they return are checked like any other. Returns
 * `Type.field (where)` for each that is not.
 */
export function deniableNonNullFields(document: DocumentNode, where: string): string[] {
  const types = new Map<string, ConstDirectiveNode[]>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    types.set(def.name.value, [...(types.get(def.name.value) ?? []), ...(def.directives ?? [])]);
  }
  const out: string[] = [];
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (FEDERATION_TYPES.has(def.name.value) || ROOTS_ASKED_ALONE.has(def.name.value)) continue;
    const parent = requirementOf(types.get(def.name.value));
    for (const field of def.fields ?? []) {
      if (field.type.kind !== Kind.NON_NULL_TYPE) continue;
      let named: TypeNode = field.type.type;
      while (named.kind !== Kind.NAMED_TYPE) named = named.type;
      const own = requirementOf(field.directives);
      const returned = requirementOf(types.get(named.name.value));
      if ((own && own !== parent) || (returned && returned !== parent && returned !== own)) {
        out.push(`${def.name.value}.${field.name.value} (${where})`);
      }
    }
  }
  return out;
}

/** Checks schema/<subgraph>.graphql for each subgraph and schema/supergraph.graphql. */
export function checkPolicies(root = findRepoRoot()): string[] {
  const files = [...SUBGRAPHS.map((s) => `${s.name}.graphql`), 'supergraph.graphql'];
  return files.flatMap((file) =>
    fieldsWithoutPolicy(parse(readFileSync(join(root, 'schema', file), 'utf8')), `schema/${file}`),
  );
}

/** The nullability rule of `deniableNonNullFields` over the supergraph. */
export function checkDeniableFields(root = findRepoRoot()): string[] {
  return deniableNonNullFields(parse(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8')), 'supergraph');
}
