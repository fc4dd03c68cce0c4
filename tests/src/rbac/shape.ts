import { Kind, parse, type SelectionSetNode, type TypeNode } from 'graphql';
import type { GraphQLBody } from '../testkit.ts';
import type { TypeInfo } from './graph-model.ts';

type Model = ReadonlyMap<string, TypeInfo>;
type Path = readonly (string | number)[];

/**
 * Everything about an answer's shape that differs from its query (GraphQL spec, "Response"):
 * every object has exactly the response keys its selection asks for, in the query's order; a null
 * stands only where the type allows one; lists are lists; and every error path leads through keys
 * of the answer to a null (or stops at a null that an error's propagation left above it).
 * `data: null` is accepted only with errors. An empty list means the answer is right.
 */
export function shapeViolations(model: Model, operation: string, body: GraphQLBody<unknown>): string[] {
  const out: string[] = [];
  const document = parse(operation);
  const op = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return ['no operation in the query'];
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  const at = (path: Path) => (path.length ? path.join('.') : '(root)');

  /** The response keys a selection set asks of an object of `typeName`, in order, with their fields. */
  const keysOf = (typeName: string, set: SelectionSetNode): Map<string, { name: string; set?: SelectionSetNode }> => {
    const keys = new Map<string, { name: string; set?: SelectionSetNode }>();
    const add = (s: SelectionSetNode) => {
      for (const sel of s.selections) {
        if (sel.kind === Kind.FIELD) {
          const key = sel.alias?.value ?? sel.name.value;
          if (!keys.has(key))
            keys.set(key, { name: sel.name.value, ...(sel.selectionSet ? { set: sel.selectionSet } : {}) });
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          if (!sel.typeCondition || sel.typeCondition.name.value === typeName) add(sel.selectionSet);
        } else {
          const f = fragments.get(sel.name.value);
          if (f && f.typeCondition.name.value === typeName) add(f.selectionSet);
        }
      }
    };
    add(set);
    return keys;
  };

  const checkValue = (value: unknown, type: TypeNode, set: SelectionSetNode | undefined, path: Path): void => {
    if (value === null) {
      if (type.kind === Kind.NON_NULL_TYPE) out.push(`${at(path)}: null where the type ${typeText(type)} allows none`);
      return;
    }
    if (value === undefined) {
      out.push(`${at(path)}: missing`);
      return;
    }
    const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
    if (inner.kind === Kind.LIST_TYPE) {
      if (!Array.isArray(value)) return void out.push(`${at(path)}: expected a list, got ${JSON.stringify(value)}`);
      value.forEach((item, i) => {
        checkValue(item, inner.type, set, [...path, i]);
      });
      return;
    }
    if (Array.isArray(value)) return void out.push(`${at(path)}: a list where ${typeText(type)} is expected`);
    const typeName = inner.name.value;
    if (!set) return; // a scalar or an enum
    if (typeof value !== 'object')
      return void out.push(`${at(path)}: expected an object, got ${JSON.stringify(value)}`);
    checkObject(value as Record<string, unknown>, typeName, set, path);
  };

  const checkObject = (object: Record<string, unknown>, typeName: string, set: SelectionSetNode, path: Path): void => {
    // _entities answers objects of whatever type each representation names.
    const actual = typeName === '_Entity' ? String(object.__typename ?? inlineType(set)) : typeName;
    const keys = keysOf(actual, set);
    const got = Object.keys(object);
    const wanted = [...keys.keys()];
    if (got.join(',') !== wanted.join(',')) {
      out.push(`${at(path)}: keys ${JSON.stringify(got)} where the query asks for ${JSON.stringify(wanted)}`);
    }
    for (const [key, { name, set: sub }] of keys) {
      if (!(key in object)) continue;
      if (name === '__typename') continue;
      if (name === '_entities') {
        checkValue(object[key], listOf('_Entity'), sub, [...path, key]);
        continue;
      }
      const field = model.get(actual)?.fields.get(name);
      if (!field) {
        out.push(`${at([...path, key])}: ${actual}.${name} is not in the schema`);
        continue;
      }
      checkValue(object[key], field.type, sub, [...path, key]);
    }
  };

  if (body.data === null || body.data === undefined) {
    if (!body.errors?.length) out.push(`data is ${body.data} without an error`);
  } else {
    const root = op.operation === 'mutation' ? 'Mutation' : 'Query';
    checkObject(body.data as Record<string, unknown>, root, op.selectionSet, []);
  }
  for (const e of body.errors ?? []) {
    if (!e.path) continue;
    let value: unknown = body.data;
    for (const [i, segment] of e.path.entries()) {
      if (value === null || value === undefined) break; // propagated: an ancestor is null
      const here = e.path.slice(0, i + 1);
      if (
        typeof segment === 'number' ? !Array.isArray(value) : Array.isArray(value) || !(segment in (value as object))
      ) {
        out.push(`error path ${JSON.stringify(e.path)}: ${at(here)} is not in the answer`);
        value = undefined;
        break;
      }
      value = (value as Record<string | number, unknown>)[segment];
    }
    if (value !== null && value !== undefined)
      out.push(`error path ${JSON.stringify(e.path)} leads to a value, not a null`);
  }
  return out;
}

const listOf = (name: string): TypeNode => ({
  kind: Kind.NON_NULL_TYPE,
  type: { kind: Kind.LIST_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: name } } },
});

function inlineType(set: SelectionSetNode): string {
  for (const s of set.selections)
    if (s.kind === Kind.INLINE_FRAGMENT && s.typeCondition) return s.typeCondition.name.value;
  return '_Entity';
}

function typeText(t: TypeNode): string {
  if (t.kind === Kind.NON_NULL_TYPE) return `${typeText(t.type)}!`;
  if (t.kind === Kind.LIST_TYPE) return `[${typeText(t.type)}]`;
  return t.name.value;
}
