import type { CheckedExpression } from '@alphagraph/dsl';
import { compileFeatureSet } from '@alphagraph/dsl';
import { type Lake, type LakeSession, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import type { AltField, AltSource, FeatureCatalog } from '../registry/catalog.ts';
import { isCrossSectional } from '../registry/expression.ts';
import { type PinnedInputs, pinInputs } from './changes.ts';
import { computeEventSeries } from './event-series.ts';
import { type SourceRequest, stageSource } from './source.ts';

/** What computing a list of checked expressions reads: warm-up, alternative fields and their datasets. */
export interface ComputationPlan {
  readonly catalog: FeatureCatalog;
  /** Output column -> expression text. */
  readonly expressions: ReadonlyMap<string, string>;
  readonly lookback: number;
  readonly crossSectional: boolean;
  readonly altFields: readonly AltField[];
  readonly altSources: readonly AltSource[];
  /**
   * The clock of every expression: null for the session clock (a row per daily bar or XNYS
   * session), else the dataset whose event times an as-of series follows (see event-series.ts).
   */
  readonly eventClock: string | null;
}

/** Plans the computation of checked expressions, each into its output column. */
export function planComputation(
  catalog: FeatureCatalog,
  entries: readonly { column: string; expression: string; checked: CheckedExpression }[],
): ComputationPlan {
  const altFields = [...new Set(entries.flatMap((e) => e.checked.fields))]
    .filter((f) => f.includes('.'))
    .sort()
    .map((f): AltField => catalog.altFields.get(f)!);
  const altSources = [...new Set(altFields.map((f) => f.dataset))].map((d): AltSource => {
    const source = catalog.alt.get(d);
    if (!source) throw new Error(`alternative dataset ${d} is not registered`);
    return source;
  });
  const clocks = [...new Set(entries.map((e) => e.checked.eventClock))];
  if (clocks.length > 1) {
    const show = (c: string | null) => (c === null ? 'the session clock' : `${c}'s event times`);
    throw new Error(`features on ${clocks.map(show).join(' and ')} cannot be computed into one view`);
  }
  return {
    catalog,
    eventClock: clocks[0] ?? null,
    expressions: new Map(entries.map((e) => [e.column, e.expression])),
    lookback: Math.max(0, ...entries.map((e) => e.checked.lookback)),
    crossSectional: entries.some((e) => isCrossSectional(e.checked.ast)),
    altFields,
    altSources,
  };
}

/** The snapshots a computation reads, pinned now (bars for instrument features, and its alternative datasets). */
export function pinPlanInputs(lake: Lake, plan: ComputationPlan, entityKind: 'instrument' | 'market') {
  // An as-of series reads its dataset alone: its rows are the dataset's event times, not bars.
  return pinInputs(lake, { readsBars: entityKind === 'instrument' && plan.eventClock === null, alt: plan.altSources });
}

/**
 * Stages the source and computes the plan's expressions into the session's temporary table
 * `fs_computed` (entity, event_time, available_at, tiebreak, one column per expression, after):
 * the rows with event times the request asks for (`from`, exclusive `to`), warm-up excluded.
 * Returns the output columns in plan order. `onStaged` runs between staging and computing.
 */
export async function computeInto(
  session: LakeSession,
  request: Omit<SourceRequest, 'session' | 'lookback' | 'crossSectional' | 'altFields' | 'alt' | 'inputs'> & {
    readonly plan: ComputationPlan;
    readonly inputs: PinnedInputs;
    /** The `tiebreak` value of every row (a run's id). */
    readonly tiebreak: string;
    readonly onStaged?: () => Promise<void>;
  },
): Promise<readonly string[]> {
  const { plan } = request;
  if (plan.eventClock !== null) return computeEventSeries(session, request);
  const staged = await stageSource({
    lake: request.lake,
    session,
    entityKind: request.entityKind,
    asOf: request.asOf,
    inputs: request.inputs,
    universe: request.universe,
    from: request.from,
    to: request.to,
    stored: request.stored,
    changed: request.changed,
    lookback: plan.lookback,
    crossSectional: plan.crossSectional,
    altFields: plan.altFields,
    alt: plan.catalog.alt,
  });
  await request.onStaged?.();
  const compiled = compileFeatureSet(plan.expressions, {
    fields: plan.catalog.fields,
    source: {
      relation: staged.relation,
      entityColumn: 'entity',
      timeColumn: 'time',
      availableAtColumn: 'available_at',
      columns: staged.columns,
      rowNumberColumn: 'rn',
    },
  });
  await session.run(
    `CREATE OR REPLACE TEMP TABLE fs_computed AS
     SELECT c.entity, c.time AS event_time, c.available_at, ${quoteLiteral(request.tiebreak)} AS tiebreak,
            ${compiled.columns.map((c) => `c.${quoteIdent(c)}`).join(', ')}, d.after
     FROM (${compiled.sql}) c JOIN ${staged.bounds} d ON d.entity = c.entity
     WHERE (d.out_from IS NULL OR c.time >= d.out_from)
       ${request.to ? `AND c.time < TIMESTAMPTZ ${quoteLiteral(request.to.toISOString())}` : ''}`,
  );
  return compiled.columns;
}
