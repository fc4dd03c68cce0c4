import {
  type ArgumentNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  parse,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';

/**
 * Limits every operation meets before it is planned or executed, at the gateway and in every
 * subgraph (the same numbers, from the same environment variables): a request that breaks one is
 * refused with an error naming the limit and its value, and nothing is called.
 */
export interface OperationLimits {
  /** Bytes of a request body (a mutation's inputs, e.g. spine rows or a model file, are bounded by this alone). */
  maxBodyBytes: number;
  /** Bytes of the `variables` object of a query, as JSON. */
  maxVariablesBytes: number;
  /** Lexical tokens of the document (counted before it is parsed). */
  maxTokens: number;
  /** Nesting of selections, fragments expanded. */
  maxDepth: number;
  /** Field selections once every fragment spread is expanded (counted, never performed). */
  maxFields: number;
  /** Aliases, fragments expanded. */
  maxAliases: number;
  /** Fields at the root of an operation, fragments expanded. */
  maxRootFields: number;
  /** Directives, fragments expanded. */
  maxDirectives: number;
  /** Estimated cost (see `measureOperation`). */
  maxCost: number;
}

export type OperationLimit = keyof OperationLimits;

/** Defaults that fit this graph: the README's queries and the RBAC matrix stay well inside. */
export const DEFAULT_OPERATION_LIMITS: Readonly<OperationLimits> = {
  // Room for the documented uploads through GraphQL: 100,000 spine rows, 10,000 bars, an ONNX file.
  maxBodyBytes: 16_777_216,
  maxVariablesBytes: 262_144,
  maxTokens: 5_000,
  maxDepth: 15,
  maxFields: 2_000,
  maxAliases: 50,
  maxRootFields: 30,
  maxDirectives: 50,
  maxCost: 50_000,
};

/** The environment variable that sets each limit (gateway and subgraphs alike). */
export const OPERATION_LIMIT_VARIABLES: Readonly<Record<OperationLimit, string>> = {
  maxBodyBytes: 'GRAPHQL_MAX_BODY_BYTES',
  maxVariablesBytes: 'GRAPHQL_MAX_VARIABLES_BYTES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxFields: 'GRAPHQL_MAX_FIELDS',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxRootFields: 'GRAPHQL_MAX_ROOT_FIELDS',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxCost: 'GRAPHQL_MAX_COST',
};

const WHAT: Record<OperationLimit, string> = {
  maxBodyBytes: 'the request body has',
  maxVariablesBytes: 'the variables of a query have',
  maxTokens: 'the document has',
  maxDepth: 'the operation nests',
  maxFields: 'the operation selects',
  maxAliases: 'the operation has',
  maxRootFields: 'the operation has',
  maxDirectives: 'the operation has',
  maxCost: 'the operation has an estimated cost of',
};
const UNIT: Record<OperationLimit, string> = {
  maxBodyBytes: 'bytes',
  maxVariablesBytes: 'bytes',
  maxTokens: 'tokens',
  maxDepth: 'levels',
  maxFields: 'fields (fragments expanded)',
  maxAliases: 'aliases',
  maxRootFields: 'root fields',
  maxDirectives: 'directives',
  maxCost: '',
};

export const OPERATION_LIMIT_CODE = 'OPERATION_LIMIT_EXCEEDED';

/** The refusal: names the limit, its value and the variable that sets it. */
export function operationLimitError(limit: OperationLimit, found: number, max: number, atLeast = false): GraphQLError {
  const amount = `${atLeast ? 'more than ' : ''}${Number.isFinite(found) ? found : 'an unbounded number of'}`;
  const unit = UNIT[limit] ? ` ${UNIT[limit]}` : '';
  return new GraphQLError(
    `Operation refused by the limit ${limit} = ${max}: ${WHAT[limit]} ${amount}${unit} ` +
      `(set by ${OPERATION_LIMIT_VARIABLES[limit]}).`,
    {
      extensions: {
        code: OPERATION_LIMIT_CODE,
        limit,
        max,
        http: { status: limit === 'maxBodyBytes' ? 413 : 400 },
      },
    },
  );
}

/** Counts the document's tokens, stopping one past `max` (comments are not tokens). */
export function countTokens(source: string, max: number): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > max) break;
  } catch {
    // A syntax error: the parser reports it.
  }
  return count;
}

/**
 * The request-level limits: tokens, counted before the document is parsed, then the variables of
 * a query (a mutation's inputs are bounded by the body limit only).
 */
export function checkRequestLimits(
  request: { query?: unknown; variables?: unknown },
  limits: OperationLimits,
): GraphQLError | null {
  if (typeof request.query === 'string') {
    const tokens = countTokens(request.query, limits.maxTokens);
    if (tokens > limits.maxTokens) return operationLimitError('maxTokens', limits.maxTokens, limits.maxTokens, true);
  }
  if (request.variables === undefined || request.variables === null || isMutation(request.query)) return null;
  const bytes =
    typeof request.variables === 'string'
      ? Buffer.byteLength(request.variables)
      : Buffer.byteLength(JSON.stringify(request.variables));
  if (bytes > limits.maxVariablesBytes)
    return operationLimitError('maxVariablesBytes', bytes, limits.maxVariablesBytes);
  return null;
}

/** Whether a document (already within the token limit) holds a mutation. */
function isMutation(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    return parse(query, { noLocation: true }).definitions.some(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'mutation',
    );
  } catch {
    return false;
  }
}

/**
 * Cost annotations (the demand-control directives of Federation 2.9): `@cost(weight:)` on a field
 * and `@listSize(assumedSize:, slicingArguments:, sizedFields:)` on a list or connection field,
 * by coordinate (`Type.field`).
 */
export interface FieldCost {
  weight?: number;
  assumedSize?: number;
  slicingArguments?: readonly string[];
  sizedFields?: readonly string[];
}
export type CostAnnotations = ReadonlyMap<string, FieldCost>;

/** Reads @cost and @listSize from an SDL (a subgraph's or the supergraph). */
export function costAnnotationsFromSdl(sdl: DocumentNode): CostAnnotations {
  const out = new Map<string, FieldCost>();
  for (const def of sdl.definitions) {
    if (!('fields' in def) || !def.fields || !('name' in def) || !def.name) continue;
    for (const field of def.fields as readonly FieldDefinitionNode[]) {
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const annotation: FieldCost = {};
      for (const d of field.directives ?? []) {
        const args = Object.fromEntries((d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
        if (d.name.value === 'cost') annotation.weight = Number(args.weight);
        if (d.name.value === 'listSize') {
          if (args.assumedSize != null) annotation.assumedSize = Number(args.assumedSize);
          if (Array.isArray(args.slicingArguments)) annotation.slicingArguments = args.slicingArguments as string[];
          if (Array.isArray(args.sizedFields)) annotation.sizedFields = args.sizedFields as string[];
        }
      }
      if (Object.keys(annotation).length > 0) out.set(`${def.name.value}.${field.name.value}`, annotation);
    }
  }
  return out;
}

export interface OperationMeasure {
  depth: number;
  fields: number;
  aliases: number;
  rootFields: number;
  directives: number;
  cost: number;
}

interface Stats {
  depth: number;
  fields: number;
  aliases: number;
  /** Fields at this level (fragments expanded): the root fields when measured at the root. */
  width: number;
  directives: number;
  cost: number;
}
const ZERO: Stats = { depth: 0, fields: 0, aliases: 0, width: 0, directives: 0, cost: 0 };

function add(a: Stats, b: Stats): Stats {
  return {
    depth: Math.max(a.depth, b.depth),
    fields: a.fields + b.fields,
    aliases: a.aliases + b.aliases,
    width: a.width + b.width,
    directives: a.directives + b.directives,
    cost: a.cost + b.cost,
  };
}

/** List sizes assumed for a list field with no @listSize. */
export const DEFAULT_LIST_SIZE = 10;

/**
 * Measures an operation in one pass, each fragment measured once and its spreads counted (so 30
 * fragments each spreading the previous twice cost 30 steps, and count 2^30 fields).
 *
 * Cost, after the IBM/Apollo demand-control model: a field returning an object costs 1 (or its
 * `@cost` weight) plus its selections, a scalar 0 (or its weight); a list field costs that for
 * each of its elements, its size being the value of a slicing argument (an Int, or a list's length) when given, else the
 * argument's default, else `@listSize(assumedSize:)`, else DEFAULT_LIST_SIZE. With `sizedFields`
 * the size applies to those child fields (a connection's `edges`). `_entities` is sized by its
 * representations. Every operation of the document is measured; the largest figures count.
 */
export function measureOperation(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Readonly<Record<string, unknown>> | null | undefined;
  annotations: CostAnnotations;
}): OperationMeasure {
  const { schema, document, annotations } = options;
  const variables = options.variables ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Stats>();
  const visiting = new Set<string>();

  const argumentValue = (node: FieldNode, arg: GraphQLArgument | undefined, name: string): unknown => {
    const given: ArgumentNode | undefined = node.arguments?.find((a) => a.name.value === name);
    if (given) return valueFromASTUntyped(given.value as ValueNode, variables as Record<string, unknown>);
    return arg?.defaultValue;
  };
  const sizeOf = (value: unknown): number | undefined => {
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, value);
    if (Array.isArray(value)) return value.length;
    return undefined;
  };
  const listSize = (node: FieldNode, field: GraphQLField<unknown, unknown>, annotation: FieldCost | undefined) => {
    if (field.name === '_entities')
      return sizeOf(argumentValue(node, undefined, 'representations')) ?? DEFAULT_LIST_SIZE;
    const sizes = (annotation?.slicingArguments ?? [])
      .map((name) =>
        sizeOf(
          argumentValue(
            node,
            field.args.find((a) => a.name === name),
            name,
          ),
        ),
      )
      .filter((n): n is number => n !== undefined);
    if (sizes.length > 0) return Math.max(...sizes);
    return annotation?.assumedSize ?? DEFAULT_LIST_SIZE;
  };

  const measureSet = (
    parent: GraphQLCompositeType | undefined,
    set: SelectionSetNode,
    sized: { fields: readonly string[]; size: number } | null,
  ): Stats => {
    let acc = ZERO;
    for (const selection of set.selections) {
      const directives = selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const field =
          parent && (isObjectType(parent) || isInterfaceType(parent))
            ? parent.getFields()[selection.name.value]
            : undefined;
        const named = field ? getNamedType(field.type) : undefined;
        const annotation = field && parent ? annotations.get(`${parent.name}.${field.name}`) : undefined;
        const isList = !!field && isListType(getNullableType(field.type));
        const ownSize = isList && field ? listSize(selection, field, annotation) : 1;
        const childSized =
          annotation?.sizedFields && field
            ? { fields: annotation.sizedFields, size: listSize(selection, field, annotation) }
            : null;
        const multiplier = sized?.fields.includes(selection.name.value)
          ? sized.size
          : annotation?.sizedFields
            ? 1
            : ownSize;
        const child = selection.selectionSet
          ? measureSet(named && isCompositeType(named) ? named : undefined, selection.selectionSet, childSized)
          : ZERO;
        const weight = annotation?.weight ?? (named && isCompositeType(named) ? 1 : 0);
        acc = add(acc, {
          depth: 1 + child.depth,
          fields: 1 + child.fields,
          aliases: (selection.alias ? 1 : 0) + child.aliases,
          width: 1,
          directives: directives + child.directives,
          // Each element of a list costs its own weight plus its selections.
          cost: multiplier * (weight + child.cost),
        });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const child = measureSet(type && isCompositeType(type) ? type : undefined, selection.selectionSet, sized);
        acc = add(acc, { ...child, directives: directives + child.directives });
      } else {
        const name = selection.name.value;
        const key = sized ? `${name}|${sized.fields.join(',')}|${sized.size}` : name;
        let child = memo.get(key);
        if (!child) {
          const fragment = fragments.get(name);
          // Unknown or cyclic fragments are the validator's to report.
          if (!fragment || visiting.has(name)) child = ZERO;
          else {
            visiting.add(name);
            const type = schema.getType(fragment.typeCondition.name.value);
            const inner = measureSet(type && isCompositeType(type) ? type : undefined, fragment.selectionSet, sized);
            visiting.delete(name);
            child = { ...inner, directives: inner.directives + (fragment.directives?.length ?? 0) };
            memo.set(key, child);
          }
        }
        acc = add(acc, { ...child, directives: directives + child.directives });
      }
    }
    return acc;
  };

  let total: OperationMeasure = { depth: 0, fields: 0, aliases: 0, rootFields: 0, directives: 0, cost: 0 };
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root =
      def.operation === 'query'
        ? schema.getQueryType()
        : def.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    const s = measureSet(root ?? undefined, def.selectionSet, null);
    total = {
      depth: Math.max(total.depth, s.depth),
      fields: Math.max(total.fields, s.fields),
      aliases: Math.max(total.aliases, s.aliases),
      rootFields: Math.max(total.rootFields, s.width),
      directives: Math.max(total.directives, s.directives + (def.directives?.length ?? 0)),
      cost: Math.max(total.cost, s.cost),
    };
  }
  return total;
}

/** The first limit a measured operation breaks, in the order a reader would look for it. */
export function checkOperationLimits(measure: OperationMeasure, limits: OperationLimits): GraphQLError | null {
  const checks: [OperationLimit, number][] = [
    ['maxDepth', measure.depth],
    ['maxFields', measure.fields],
    ['maxAliases', measure.aliases],
    ['maxRootFields', measure.rootFields],
    ['maxDirectives', measure.directives],
    ['maxCost', measure.cost],
  ];
  for (const [limit, found] of checks)
    if (found > limits[limit]) return operationLimitError(limit, found, limits[limit]);
  return null;
}
