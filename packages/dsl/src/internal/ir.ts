/**
 * The compiler's intermediate form: a DAG of nodes shared between all expressions compiled into one
 * query (so `Ref($close, 1)` is computed once for the 40 Alpha158 factors that use it).
 *
 * `depth` is the number of window layers needed before a node's value exists: base columns and
 * constants are 0, an elementwise node is as deep as its deepest argument, and a window node is one
 * deeper than its arguments, because DuckDB cannot nest window functions.
 */

export type IrType = 'double' | 'bool' | 'time' | 'int';

/** A column of the base layer: a field, the availability time, or the entity's row number. */
export interface ColumnNode {
  readonly kind: 'column';
  readonly id: number;
  readonly type: IrType;
  readonly depth: 0;
  readonly column: string;
}

export interface ConstNode {
  readonly kind: 'const';
  readonly id: number;
  readonly type: 'double';
  readonly depth: 0;
  readonly value: number;
}

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly id: number;
  readonly type: IrType;
  readonly depth: number;
  readonly op: string;
  readonly args: readonly IrNode[];
  readonly params: readonly number[];
}

/** A window computation: over an entity's rows ordered by time, or over all entities at one time. */
export interface WindowNode {
  readonly kind: 'window';
  readonly id: number;
  readonly type: IrType;
  readonly depth: number;
  readonly op: string;
  readonly args: readonly IrNode[];
  readonly params: readonly number[];
}

export type IrNode = ColumnNode | ConstNode | ScalarNode | WindowNode;

/** Builds nodes, returning the existing node for a structurally identical request. */
export class IrBuilder {
  private readonly byKey = new Map<string, IrNode>();
  private nextId = 1;

  /** Every node created, children before parents. */
  readonly nodes: IrNode[] = [];

  column(column: string, type: IrType): ColumnNode {
    return this.intern(`col:${column}`, (id) => ({ kind: 'column', id, type, depth: 0, column }));
  }

  constant(value: number): ConstNode {
    return this.intern(`const:${Object.is(value, -0) ? '-0' : value}`, (id) => ({
      kind: 'const',
      id,
      type: 'double',
      depth: 0,
      value,
    }));
  }

  scalar(op: string, type: IrType, args: readonly IrNode[], params: readonly number[] = []): ScalarNode {
    const depth = Math.max(0, ...args.map((a) => a.depth));
    return this.intern(keyOf('scalar', op, args, params), (id) => ({
      kind: 'scalar',
      id,
      type,
      depth,
      op,
      args,
      params,
    }));
  }

  window(op: string, type: IrType, args: readonly IrNode[], params: readonly number[] = []): WindowNode {
    const depth = 1 + Math.max(0, ...args.map((a) => a.depth));
    return this.intern(keyOf('window', op, args, params), (id) => ({
      kind: 'window',
      id,
      type,
      depth,
      op,
      args,
      params,
    }));
  }

  private intern<T extends IrNode>(key: string, make: (id: number) => T): T {
    const existing = this.byKey.get(key);
    if (existing) return existing as T;
    const node = make(this.nextId++);
    this.byKey.set(key, node);
    this.nodes.push(node);
    return node;
  }
}

function keyOf(kind: string, op: string, args: readonly IrNode[], params: readonly number[]): string {
  return `${kind}:${op}(${params.join(',')})[${args.map((a) => a.id).join(',')}]`;
}
