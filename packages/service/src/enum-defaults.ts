import { type GraphQLSchema, isEnumType, isInputObjectType, isInputType, isObjectType, valueFromAST } from 'graphql';

/**
 * Re-reads every argument and input-field default from the SDL. buildSubgraphSchema installs enum
 * resolvers (GraphQL name -> domain value) after the defaults were read, so `interval: BarInterval =
 * DAY` would otherwise reach a resolver as "DAY" while an explicit `DAY` arrives as its domain value.
 */
export function rereadEnumDefaults(schema: GraphQLSchema): GraphQLSchema {
  const reread = (input: { type: unknown; defaultValue?: unknown; astNode?: { defaultValue?: unknown } | null }) => {
    const node = input.astNode?.defaultValue;
    if (!node || !isInputType(input.type) || !mentionsEnum(input.type)) return;
    input.defaultValue = valueFromAST(node as Parameters<typeof valueFromAST>[0], input.type);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type)) for (const field of Object.values(type.getFields())) field.args.forEach(reread);
    if (isInputObjectType(type)) Object.values(type.getFields()).forEach(reread);
  }
  return schema;
}

function mentionsEnum(type: unknown): boolean {
  let t = type as { ofType?: unknown };
  while (t.ofType) t = t.ofType as { ofType?: unknown };
  return isEnumType(t) || isInputObjectType(t);
}
