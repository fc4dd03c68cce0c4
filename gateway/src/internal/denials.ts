import { createGraphQLError } from '@graphql-tools/utils';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  getOperationAST,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';

/**
 * Denied fields keep the answer's shape.
 *
 * The gateway refuses a field the caller may not read before planning (the generic-auth plugin in
 * `protect-granular` mode): the field is taken out of the document and one error is reported for
 * it. The plugin's own error path is wrong for any field under a list (it writes `@` before the
 * list's key, so `instrument.models` came back as `data.instrument["@"].models`), and a field
 * inside a fragment spread in two places got a path for one of them. So the gateway records each
 * denial without a path, and once the result is in, walks the caller's own document over the
 * data: every place a denied field was asked for gets `null` at its own path and an error at that
 * path, exactly as a subgraph's resolver error would (one per list element); a denied non-null
 * field nulls its nearest nullable ancestor, as the spec's null propagation does. A denial with no
 * place in the data (its parent is null or an empty list) is reported once, without a path.
 */
export interface Denial {
  /** The denied field's node in the caller's document. */
  readonly node: FieldNode;
  readonly error: GraphQLError;
}

/** What one request's denials need to be placed: the document as the caller sent it. */
export interface DenialScope {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operationName: string | null | undefined;
  readonly variables: Record<string, unknown> | null | undefined;
  readonly denials: Denial[];
}

type Path = (string | number)[];
type JsonObject = Record<string, unknown>;

/**
 * Puts each denied field back into `data` as null at every path the document asks for it, and
 * returns the errors with those paths (the denial errors replaced, all others kept as they are).
 */
export function placeDenials(
  scope: DenialScope,
  data: JsonObject | null | undefined,
  errors: readonly GraphQLError[],
): { data: JsonObject | null | undefined; errors: GraphQLError[] } {
  const denialOf = new Map(scope.denials.map((d) => [d.node, d]));
  const placed = new Map<Denial, Path[]>();
  const operation = getOperationAST(scope.document, scope.operationName ?? undefined);
  const rootType = operation ? scope.schema.getRootType(operation.operation) : undefined;
  if (operation && rootType && data) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of scope.document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const included = (node: SelectionNode) => {
      for (const directive of node.directives ?? []) {
        const name = directive.name.value;
        if (name !== 'skip' && name !== 'include') continue;
        const arg = directive.arguments?.find((a) => a.name.value === 'if');
        const value = arg
          ? valueFromAST(arg.value, scope.schema.getDirective(name)!.args[0]!.type, scope.variables)
          : false;
        if (name === 'skip' && value === true) return false;
        if (name === 'include' && value !== true) return false;
      }
      return true;
    };
    const place = (denial: Denial, path: Path) => {
      const at = placed.get(denial) ?? [];
      if (!at.some((p) => p.length === path.length && p.every((x, i) => x === path[i]))) at.push(path);
      placed.set(denial, at);
    };
    const denialsUnder = (set: SelectionSetNode | undefined): Denial[] => {
      const found: Denial[] = [];
      for (const selection of set?.selections ?? []) {
        if (selection.kind === Kind.FIELD) {
          const denial = denialOf.get(selection);
          if (denial) found.push(denial);
          else found.push(...denialsUnder(selection.selectionSet));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) found.push(...denialsUnder(selection.selectionSet));
        else found.push(...denialsUnder(fragments.get(selection.name.value)?.selectionSet));
      }
      return found;
    };
    /**
     * Walks a value at a position of `type`; answers false when the position must become null
     * (a non-null field below it was denied), which its parent then applies or passes on.
     */
    const walkValue = (value: unknown, type: GraphQLOutputType, set: SelectionSetNode, path: Path): boolean => {
      if (value === null || value === undefined) return true;
      const inner = isNonNullType(type) ? type.ofType : type;
      if (isListType(inner)) {
        if (!Array.isArray(value)) return true;
        for (const [i, item] of value.entries()) {
          if (walkValue(item, inner.ofType, set, [...path, i])) continue;
          if (isNonNullType(inner.ofType)) return false;
          value[i] = null;
        }
        return true;
      }
      if (!isObjectType(inner) || typeof value !== 'object') return true;
      return walkSelections(value as JsonObject, inner, set, path);
    };
    /** Places the denials of one object; false when a denied non-null field nulls the object. */
    const walkSelections = (
      object: JsonObject,
      type: GraphQLObjectType,
      set: SelectionSetNode,
      path: Path,
    ): boolean => {
      let whole = true;
      const keys: string[] = [];
      let inserted = false;
      const visit = (selections: SelectionSetNode) => {
        for (const selection of selections.selections) {
          if (!included(selection)) continue;
          if (selection.kind === Kind.INLINE_FRAGMENT) {
            visit(selection.selectionSet);
            continue;
          }
          if (selection.kind === Kind.FRAGMENT_SPREAD) {
            const fragment = fragments.get(selection.name.value);
            if (fragment) visit(fragment.selectionSet);
            continue;
          }
          const name = selection.name.value;
          const key = selection.alias?.value ?? name;
          if (!keys.includes(key)) keys.push(key);
          const field = type.getFields()[name];
          const denial = denialOf.get(selection);
          if (!(key in object) && name !== '__typename') {
            // A denied field, or one whose every subfield was denied (the plugin then takes the
            // whole field out): null at its own path, each denial reported there.
            object[key] = null;
            inserted = true;
            for (const d of denial ? [denial] : denialsUnder(selection.selectionSet)) place(d, [...path, key]);
            if (field && isNonNullType(field.type)) whole = false;
            continue;
          }
          if (!selection.selectionSet || !field || object[key] === null) continue;
          if (walkValue(object[key], field.type, selection.selectionSet, [...path, key])) continue;
          if (isNonNullType(field.type)) whole = false;
          else object[key] = null;
        }
      };
      visit(set);
      if (inserted) {
        // In the query's order, as the spec orders a response's keys.
        const entries = new Map(Object.entries(object));
        for (const k of entries.keys()) delete object[k];
        for (const k of keys) if (entries.has(k)) object[k] = entries.get(k);
        for (const [k, v] of entries) if (!(k in object)) object[k] = v;
      }
      return whole;
    };
    if (!walkSelections(data, rootType, operation.selectionSet, [])) data = null;
  }
  const denied = new Set(scope.denials.map((d) => d.error));
  const out = errors.filter((e) => !denied.has(e));
  for (const denial of scope.denials) {
    const { error } = denial;
    const paths = placed.get(denial);
    if (!paths) {
      out.push(error);
      continue;
    }
    for (const path of paths) {
      out.push(
        createGraphQLError(error.message, {
          ...(error.nodes ? { nodes: error.nodes } : {}),
          path,
          ...(error.extensions ? { extensions: error.extensions } : {}),
        }),
      );
    }
  }
  return { data, errors: out };
}
