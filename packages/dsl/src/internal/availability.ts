import type { Expr } from '../ast.ts';
import { literalValue } from '../check.ts';
import { OPERATORS } from '../operators.ts';
import type { IrBuilder, IrNode } from './ir.ts';
import { emaTruncation } from './ops/smoothing.ts';

/**
 * The rows a value can read, to stamp it with the latest `available_at` among them.
 *
 * `lo..hi` is a span of the entity's own rows around the current one (always containing it);
 * each cross term is a cross-sectional read: at every row of its span, all entities' rows at that
 * time, each over its own `inner` reads. Spans are hulls (Ref($close, 5) reads row -5 only, but is
 * stamped over -5..0), so the stamp can be later than necessary, never earlier.
 */
export interface Reads {
  lo: number;
  hi: number;
  cross: Map<string, CrossRead>;
}

interface CrossRead {
  inner: Reads;
  lo: number;
  hi: number;
}

const here = (): Reads => ({ lo: 0, hi: 0, cross: new Map() });

function keyOf(r: Reads): string {
  const cross = [...r.cross.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => `${k}@${c.lo}:${c.hi}`);
  return `${r.lo}:${r.hi}[${cross.join(',')}]`;
}

/** The union of several reads (hulls of the spans). */
export function mergeReads(all: readonly Reads[]): Reads {
  const out = here();
  for (const r of all) {
    out.lo = Math.min(out.lo, r.lo);
    out.hi = Math.max(out.hi, r.hi);
    for (const [k, c] of r.cross) {
      const prev = out.cross.get(k);
      out.cross.set(k, prev ? { inner: c.inner, lo: Math.min(prev.lo, c.lo), hi: Math.max(prev.hi, c.hi) } : { ...c });
    }
  }
  return out;
}

/** Reads shifted by `back` rows into the past (negative: into the future), hull kept around row 0. */
function shift(r: Reads, back: number, widen: number): Reads {
  const move = (lo: number, hi: number) => ({ lo: Math.min(0, lo - back - widen), hi: Math.max(0, hi - back) });
  const out: Reads = { ...move(r.lo, r.hi), cross: new Map() };
  for (const [k, c] of r.cross) out.cross.set(k, { inner: c.inner, ...move(c.lo, c.hi) });
  return out;
}

/** What a (checked) expression reads, relative to the current row. */
export function readsOf(e: Expr): Reads {
  switch (e.kind) {
    case 'number':
    case 'duration':
    case 'field':
      return here();
    case 'negate':
      return readsOf(e.operand);
    case 'binary':
      return mergeReads([readsOf(e.left), readsOf(e.right)]);
    case 'call': {
      const spec = OPERATORS.get(e.name)!;
      const series = e.args.filter((_, i) => ['series', 'value', 'condition'].includes(spec.params[i]!.kind));
      const inner = mergeReads(series.map(readsOf));
      if (spec.kind === 'cross-sectional') {
        const out = here();
        out.cross.set(keyOf(inner), { inner, lo: 0, hi: 0 });
        return out;
      }
      if (spec.kind === 'elementwise') return inner;
      const window = e.args[e.name === 'Corr' || e.name === 'Cov' ? 2 : 1]!;
      // A time window spans an unknown number of rows: the stamp covers all rows up to this one.
      if (window.kind === 'duration') return shift(inner, 0, Number.POSITIVE_INFINITY);
      const literal = literalValue(window)!;
      if (e.name === 'Ref') return shift(inner, literal, 0);
      if (e.name === 'Delta') return shift(inner, 0, literal);
      if (e.name === 'EMA') return shift(inner, 0, emaTruncation(literal).rows - 1);
      return shift(inner, 0, literal - 1);
    }
  }
}

/** IR for the latest availability time over `reads`, from the base column `availableAt`. */
export function latestAvailable(ir: IrBuilder, availableAt: IrNode, reads: Reads): IrNode {
  const over = (node: IrNode, lo: number, hi: number): IrNode =>
    lo === 0 && hi === 0 ? node : ir.window('latestOver', 'time', [node], [-lo, hi]);
  const terms = [over(availableAt, reads.lo, reads.hi)];
  for (const c of reads.cross.values()) {
    const everyone = ir.window('latestByTime', 'time', [latestAvailable(ir, availableAt, c.inner)]);
    terms.push(over(everyone, c.lo, c.hi));
  }
  return terms.length === 1 ? terms[0]! : ir.scalar('latest', 'time', terms);
}
