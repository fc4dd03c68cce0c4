import {
  type ConstDirectiveNode,
  type DocumentNode,
  Kind,
  type ObjectTypeDefinitionNode,
  parse,
  type TypeNode,
  type ValueNode,
} from 'graphql';

/** A field as the RBAC matrix sees it: where it lives, what it needs, what it returns. */
export interface FieldInfo {
  readonly name: string;
  readonly returns: string;
  /** The declared type with its list and non-null wrappers (`[Bar!]!`). */
  readonly type: TypeNode;
  readonly args: readonly { name: string; required: boolean; typeName: string }[];
  readonly scopes: string[][][];
  readonly authenticated: boolean;
  /** Subgraphs that resolve it (join__field, else every subgraph declaring the type). */
  readonly graphs: readonly string[];
}

export interface TypeInfo {
  readonly name: string;
  readonly scopes: string[][][];
  readonly authenticated: boolean;
  readonly fields: ReadonlyMap<string, FieldInfo>;
  /** Entity keys per subgraph. */
  readonly keys: readonly { graph: string; fields: string; resolvable: boolean }[];
}

const namedType = (t: TypeNode): string => (t.kind === Kind.NAMED_TYPE ? t.name.value : namedType(t.type));

function value(v: ValueNode): unknown {
  switch (v.kind) {
    case Kind.LIST:
      return v.values.map(value);
    case Kind.STRING:
    case Kind.ENUM:
      return v.value;
    case Kind.BOOLEAN:
      return v.value;
    default:
      return undefined;
  }
}

function arg(d: ConstDirectiveNode, name: string): unknown {
  const a = d.arguments?.find((x) => x.name.value === name);
  return a ? value(a.value) : undefined;
}

const graphName = (enumValue: string) => enumValue.toLowerCase().replaceAll('_', '-');

function authOf(directives: readonly ConstDirectiveNode[] | undefined) {
  const ds = directives ?? [];
  return {
    scopes: ds.filter((d) => d.name.value === 'requiresScopes').map((d) => arg(d, 'scopes') as string[][]),
    authenticated: ds.some((d) => d.name.value === 'authenticated'),
  };
}

/** Reads object types, their fields, auth directives and federation joins from SDL. */
export function graphModel(sdl: string): Map<string, TypeInfo> {
  const doc: DocumentNode = parse(sdl);
  // Merge `extend type X` into X: one entry per type with every field and directive.
  const merged = new Map<string, ObjectTypeDefinitionNode>();
  for (const d of doc.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const prev = merged.get(d.name.value);
    merged.set(d.name.value, {
      kind: Kind.OBJECT_TYPE_DEFINITION,
      name: d.name,
      directives: [...(prev?.directives ?? []), ...(d.directives ?? [])],
      fields: [...(prev?.fields ?? []), ...(d.fields ?? [])],
    });
  }
  const out = new Map<string, TypeInfo>();
  for (const t of merged.values()) {
    const joinTypes = (t.directives ?? []).filter((d) => d.name.value === 'join__type');
    const keys = joinTypes
      .filter((d) => arg(d, 'key') !== undefined)
      .map((d) => ({
        graph: graphName(arg(d, 'graph') as string),
        fields: arg(d, 'key') as string,
        resolvable: arg(d, 'resolvable') !== false,
      }));
    const typeGraphs = joinTypes.map((d) => graphName(arg(d, 'graph') as string));
    const fields = new Map<string, FieldInfo>();
    for (const f of t.fields ?? []) {
      const joinFields = (f.directives ?? []).filter((d) => d.name.value === 'join__field');
      const graphs = joinFields.length
        ? joinFields.filter((d) => arg(d, 'external') !== true).map((d) => graphName(arg(d, 'graph') as string))
        : typeGraphs;
      fields.set(f.name.value, {
        name: f.name.value,
        returns: namedType(f.type),
        type: f.type,
        args: (f.arguments ?? []).map((a) => ({
          name: a.name.value,
          required: a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue,
          typeName: namedType(a.type),
        })),
        ...authOf(f.directives),
        graphs,
      });
    }
    out.set(t.name.value, { name: t.name.value, fields, keys, ...authOf(t.directives) });
  }
  return out;
}

/** The fields on the shortest path from a root (Query before Mutation) to every object type. */
export function pathsToTypes(model: Map<string, TypeInfo>): Map<string, { root: string; fields: string[] }> {
  const out = new Map<string, { root: string; fields: string[] }>();
  for (const root of ['Query', 'Mutation']) {
    if (!model.has(root)) continue;
    const queue: { type: string; fields: string[] }[] = [{ type: root, fields: [] }];
    const seen = new Set([root]);
    while (queue.length) {
      const { type, fields } = queue.shift()!;
      if (!out.has(type)) out.set(type, { root, fields });
      for (const f of model.get(type)?.fields.values() ?? []) {
        if (!model.has(f.returns) || seen.has(f.returns)) continue;
        seen.add(f.returns);
        queue.push({ type: f.returns, fields: [...fields, `${type}.${f.name}`] });
      }
    }
  }
  return out;
}
