import { CHECKED_SCALARS } from '@alphagraph/server';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import {
  type ASTNode,
  GraphQLError,
  GraphQLScalarType,
  getNamedType,
  isScalarType,
  Kind,
  type ValidationContext,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

/**
 * The subgraphs' own date scalars, checked by the gateway against the caller's document before it
 * plans: otherwise a bad value reaches a subgraph inside the planner's variables and is refused
 * under a name the caller never wrote (`$_bars_from`).
 *
 * Variables: the unified schema's scalars get the shared parse functions (as `additionalResolvers`),
 * so graphql-js coerces them and says `Variable "$from" got invalid value …`. They answer the value
 * as sent: the gateway forwards it and each subgraph parses it again with the same function.
 * Literals: `scalarArgumentsRule` below, which names the argument (graphql-js's own rule would
 * not say which argument held the value).
 */
export const checkedScalarResolvers: Record<string, GraphQLScalarType> = Object.fromEntries(
  Object.entries(CHECKED_SCALARS).map(([name, scalar]) => [
    name,
    new GraphQLScalarType({
      name,
      parseValue: (value) => {
        scalar.parseValue(value);
        return value;
      },
      // Literals are checked by scalarArgumentsRule (graphql-js would otherwise call parseValue on them).
      parseLiteral: (node, variables) => valueFromASTUntyped(node, variables),
    }),
  ]),
);

/** Where a value sits in its argument: `from`, or `reference.from` inside an input object. */
function argumentPath(ancestors: readonly (ASTNode | readonly ASTNode[])[]): string | null {
  const names: string[] = [];
  for (const a of ancestors) {
    if (Array.isArray(a)) continue;
    const n = a as ASTNode;
    if (n.kind === Kind.ARGUMENT || n.kind === Kind.OBJECT_FIELD) names.push(n.name.value);
  }
  return names.length > 0 ? names.join('.') : null;
}

/** A literal date value the shared scalar refuses is refused here, naming the caller's argument. */
export function scalarArgumentsRule(context: ValidationContext) {
  const check = (
    node: ValueNode,
    _key: unknown,
    parent: ASTNode | readonly ASTNode[] | undefined,
    _path: unknown,
    ancestors: readonly (ASTNode | readonly ASTNode[])[],
  ) => {
    const type = context.getInputType();
    const named = type ? getNamedType(type) : null;
    if (!named || !isScalarType(named)) return;
    const scalar = CHECKED_SCALARS[named.name];
    if (!scalar) return;
    try {
      scalar.parseLiteral(node, undefined);
    } catch (error) {
      const path = argumentPath(parent ? [...ancestors, parent] : ancestors);
      const reason = error instanceof Error ? error.message : String(error);
      context.reportError(
        new GraphQLError(`Argument "${path ?? '?'}" has invalid value ${printed(node)}: ${reason}`, {
          nodes: node,
          extensions: { code: 'BAD_USER_INPUT', argument: path },
        }),
      );
    }
  };
  return {
    StringValue: check,
    IntValue: check,
    FloatValue: check,
    BooleanValue: check,
    EnumValue: check,
  };
}

function printed(node: ValueNode): string {
  return 'value' in node ? JSON.stringify(node.value) : node.kind;
}

/** Adds the literal check to the gateway's validation. */
export function checkedScalarsPlugin(): GatewayPlugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(scalarArgumentsRule);
    },
  };
}
