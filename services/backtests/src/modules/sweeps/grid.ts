import { BacktestServiceError } from '../backtests/errors.ts';
import { parseRunSpec, type RunSpec } from '../backtests/spec.ts';

export interface GridAxis {
  readonly name: string;
  readonly values: readonly number[];
}

export interface Configuration {
  readonly index: number;
  readonly parameters: Record<string, number>;
  /** The configuration's spec, or why it cannot run (e.g. slow <= fast). */
  readonly spec: RunSpec | null;
  readonly error: string | null;
}

export const MAX_CONFIGURATIONS = 1_000;
const PATH_ROOTS = new Set(['strategy', 'compat']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

function setPath(target: Record<string, unknown>, path: readonly string[], value: number): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (next === null || next === undefined) node[key] = {};
    else if (typeof next !== 'object' || Array.isArray(next)) throw new Error(`${key} is not an object`);
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1)!] = value;
}

/**
 * Every configuration of a grid over a base spec, in row-major order (the last axis varies fastest).
 * An axis named with a dot sets a path of the spec (`strategy.rule.long`, `compat.fast`); a plain
 * name fills the `{name}` placeholders of the signal expression. A configuration the spec refuses
 * (slow <= fast) is kept with its error; the grid itself is refused when malformed.
 */
export function expandGrid(base: Record<string, unknown>, axes: readonly GridAxis[]): Configuration[] {
  const problems: string[] = [];
  if (axes.length === 0) problems.push('grid: give at least one parameter');
  const seen = new Set<string>();
  const expression = (base.signal as { expression?: string } | null | undefined)?.expression ?? null;
  for (const axis of axes) {
    if (!NAME.test(axis.name)) problems.push(`grid: ${JSON.stringify(axis.name)} is not a parameter name`);
    if (seen.has(axis.name)) problems.push(`grid: ${axis.name} appears twice`);
    seen.add(axis.name);
    if (axis.values.length === 0) problems.push(`grid.${axis.name}: no values`);
    if (axis.values.some((v) => !Number.isFinite(v))) problems.push(`grid.${axis.name}: values must be finite numbers`);
    if (axis.name.includes('.')) {
      if (!PATH_ROOTS.has(axis.name.split('.')[0]!)) {
        problems.push(`grid.${axis.name}: a path must start with strategy. or compat.`);
      }
    } else if (!expression?.includes(`{${axis.name}}`)) {
      problems.push(`grid.${axis.name}: the signal expression has no {${axis.name}} placeholder`);
    }
  }
  const total = axes.reduce((n, a) => n * Math.max(1, a.values.length), 1);
  if (total > MAX_CONFIGURATIONS) problems.push(`grid: ${total} configurations, at most ${MAX_CONFIGURATIONS}`);
  if (total < 2 && problems.length === 0) problems.push('grid: a sweep needs at least two configurations');
  if (problems.length > 0) throw new BacktestServiceError('INVALID_SPEC', `Invalid sweep: ${problems.join('; ')}`);

  const out: Configuration[] = [];
  for (let index = 0; index < total; index++) {
    const parameters: Record<string, number> = {};
    let rest = index;
    for (let a = axes.length - 1; a >= 0; a--) {
      const axis = axes[a]!;
      parameters[axis.name] = axis.values[rest % axis.values.length]!;
      rest = Math.floor(rest / axis.values.length);
    }
    const input = structuredClone(base);
    let text = expression;
    for (const axis of axes) {
      const v = parameters[axis.name]!;
      if (axis.name.includes('.')) setPath(input, axis.name.split('.'), v);
      else text = text!.replaceAll(`{${axis.name}}`, String(v));
    }
    if (text !== null) (input.signal as { expression: string }).expression = text;
    try {
      out.push({ index, parameters, spec: parseRunSpec(input), error: null });
    } catch (error) {
      if (!(error instanceof BacktestServiceError)) throw error;
      out.push({ index, parameters, spec: null, error: error.message.replace(/^Invalid backtest spec: /, '') });
    }
  }
  if (out.filter((c) => c.spec).length < 2) {
    throw new BacktestServiceError(
      'INVALID_SPEC',
      `Invalid sweep: fewer than two configurations can run (${out.find((c) => c.error)?.error ?? 'none valid'})`,
    );
  }
  return out;
}
