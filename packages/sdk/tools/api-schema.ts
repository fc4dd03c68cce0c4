import { buildASTSchema, type DefinitionNode, type DocumentNode, Kind, parse, printSchema, visit } from 'graphql';

/** Federation's own machinery in a supergraph: `join__*` and `link__*` types and directives, `@link`, `@inaccessible`... */
const isFederationName = (name: string) => /^[A-Za-z]+__/.test(name) || name === 'link';

/**
 * The API schema of a composed supergraph: what a client can query, without federation's
 * bookkeeping (join/link types and every directive). The SDK's types are generated from it and
 * breaking changes are judged on it.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  const doc = parse(supergraphSdl);
  const stripped = visit(doc, {
    Directive: () => null,
    DirectiveDefinition: () => null,
    SchemaDefinition: () => null,
    SchemaExtension: () => null,
    ScalarTypeDefinition: (node) => (isFederationName(node.name.value) ? null : undefined),
    EnumTypeDefinition: (node) => (isFederationName(node.name.value) ? null : undefined),
    InputObjectTypeDefinition: (node) => (isFederationName(node.name.value) ? null : undefined),
  }) as DocumentNode;
  const definitions = stripped.definitions.filter((d: DefinitionNode) => d.kind !== Kind.SCHEMA_DEFINITION);
  return printSchema(buildASTSchema({ ...stripped, definitions }, { assumeValidSDL: true }));
}
