import { BARS_DATASET, MARKET_ENTITY, resolveSymbols } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { DslError } from '@alphagraph/dsl';
import type { Lake } from '@alphagraph/lake';
import { currentRequestId } from '@alphagraph/service';
import { z } from 'zod';
import type { FeatureRecord, FeatureStore } from '../features/store.ts';
import { badInput, type Outcome } from '../registry/define.ts';
import { checkStoredExpression } from '../registry/expression.ts';
import type { FeatureSetStore } from '../sets/store.ts';
import { refOf, timeOrderedId } from '../views/naming.ts';
import type { ViewStore } from '../views/store.ts';
import type { RunRecord, RunStore } from './runs.ts';
import type { Scheduler } from './scheduler.ts';

const requestSchema = z
  .object({
    set: z.string().min(1).nullish(),
    features: z.array(z.string()).min(1, 'name at least one feature').max(2000).nullish(),
    universe: z
      .array(z.string().regex(/^[A-Z0-9][A-Z0-9.\-/^]{0,23}$/i, 'symbols are tickers such as AAPL or BRK.B'))
      .max(10_000)
      .nullish(),
    from: z.date().nullish(),
    to: z.date().nullish(),
    mode: z.enum(['incremental', 'backfill']).default('incremental'),
    waitSeconds: z.number().int().min(0).max(60).default(10),
  })
  .refine((r) => (r.set == null) !== (r.features == null), {
    message: 'give exactly one of set or features',
    path: ['set'],
  })
  .refine((r) => r.mode !== 'backfill' || r.from != null, { message: 'a backfill needs from', path: ['from'] })
  .refine((r) => r.from == null || r.to == null || r.from < r.to, { message: 'from must be before to', path: ['to'] });
export type MaterializeRequest = z.input<typeof requestSchema>;

export interface MaterializeDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly features: FeatureStore;
  readonly sets: FeatureSetStore;
  readonly views: ViewStore;
  readonly runs: RunStore;
  readonly scheduler: Scheduler;
}

/**
 * The clock a stored expression runs on; null (sessions) when the checker now refuses it (a version
 * stored before the complexity budget): the run then fails naming the version and why.
 */
function storedClock(expression: string): string | null {
  try {
    return checkStoredExpression(expression).eventClock;
  } catch (error) {
    if (error instanceof DslError) return null;
    throw error;
  }
}

/** Every instrument with daily bars in the lake (the default universe). */
async function barSymbols(lake: Lake): Promise<string[]> {
  const snapshot = await lake.currentSnapshot(BARS_DATASET.name).catch(() => null);
  if (!snapshot) return [];
  const rows = await lake.query<{ symbol: string }>(
    `SELECT DISTINCT symbol FROM ${lake.scan(snapshot)} WHERE interval = '1d' ORDER BY symbol`,
  );
  return rows.map((r) => r.symbol);
}

/**
 * Resolves what to materialize (a set, or refs), finds or creates its view, records a queued run
 * and tells the scheduler (any replica may claim it); answers once the run finishes or
 * `waitSeconds` pass. A request names features of one entity kind: INSTRUMENT features are
 * computed per instrument of the universe, MARKET features once, for the entity MARKET (a given
 * universe is refused: it would mean nothing).
 */
export async function requestMaterialization(
  deps: MaterializeDeps,
  input: MaterializeRequest,
  caller: string,
): Promise<Outcome<{ run: RunRecord }>> {
  const parsed = requestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: badInput(parsed.error) };
  const req = parsed.data;

  let members: FeatureRecord[];
  if (req.set != null) {
    const [set] = await deps.sets.byNames([req.set]);
    if (!set)
      return { ok: false, error: { code: 'NOT_FOUND', field: 'set', message: `no feature set named ${req.set}` } };
    members = (await deps.sets.membersOf([req.set])).map((m) => m.feature);
  } else {
    const resolved = await deps.features.resolveRefs(req.features!);
    const missing = req.features!.filter((r) => !resolved.get(r));
    if (missing.length > 0) {
      return {
        ok: false,
        error: { code: 'NOT_FOUND', field: 'features', message: `no feature version matches ${missing.join(', ')}` },
      };
    }
    const byRef = new Map(req.features!.map((r) => [refOf(resolved.get(r)!), resolved.get(r)!]));
    members = [...byRef.values()];
  }
  const field = req.set != null ? 'set' : 'features';
  const kinds = new Set(members.map((f) => f.entity));
  if (kinds.size > 1) {
    // A view holds one entity kind: its rows are either instruments' daily bars or market sessions.
    const market = members.filter((f) => f.entity === 'market').map(refOf);
    const instrument = members.filter((f) => f.entity === 'instrument').map(refOf);
    const few = (refs: string[]) => `${refs.slice(0, 5).join(', ')}${refs.length > 5 ? `, … (${refs.length})` : ''}`;
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field,
        message:
          `MARKET and INSTRUMENT features cannot be materialized together (a view holds one entity kind): ` +
          `MARKET ${few(market)}; INSTRUMENT ${few(instrument)}. Materialize each kind in its own request`,
      },
    };
  }
  const clocks = new Map<string, string[]>();
  for (const f of members) {
    const clock = storedClock(f.expression);
    const key = clock === null ? 'the session clock' : `${clock}'s event times (as-of series)`;
    clocks.set(key, [...(clocks.get(key) ?? []), refOf(f)]);
  }
  if (clocks.size > 1) {
    // A view's rows are one clock's: daily bars or sessions, or one dataset's observed event times.
    const parts = [...clocks].map(
      ([clock, refs]) => `${clock}: ${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ', …' : ''}`,
    );
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field,
        message: `features on different clocks cannot be materialized together (a view holds one clock's rows): ${parts.join('; ')}. Materialize each clock in its own request`,
      },
    };
  }
  const market = kinds.has('market');
  if (market && (req.universe?.length ?? 0) > 0) {
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field: 'universe',
        message:
          'MARKET features have one entity, MARKET (a row per XNYS session of the market-wide series they read): ' +
          'omit universe',
      },
    };
  }
  let universe = market ? [MARKET_ENTITY] : (req.universe ?? []);
  if (!market && universe.length > 0) {
    // Matched case-insensitively; an unknown symbol is refused by name, before anything is queued.
    const { canonical, unknown } = await resolveSymbols(deps.db, universe);
    if (unknown.length > 0) {
      return {
        ok: false,
        error: {
          code: 'BAD_INPUT',
          field: 'universe',
          message: `universe: ${unknown.length} unknown ${unknown.length === 1 ? 'symbol' : 'symbols'} (no instrument has ${unknown.length === 1 ? 'it' : 'them'}): ${unknown.join(', ')}`,
        },
      };
    }
    universe = universe.map((s) => canonical.get(s)!);
  }
  const view = await deps.views.ensure(members, req.set ?? null);

  if (universe.length === 0) {
    const declared = await deps.features.universeOf(members.map((f) => f.id));
    universe = [...new Set(declared.map((u) => u.symbol))].sort();
  }
  if (universe.length === 0) universe = await barSymbols(deps.lake);
  if (universe.length === 0) {
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field: 'universe',
        message: 'no instruments to materialize: the lake has no daily bars',
      },
    };
  }

  const run = await deps.runs.create({
    id: timeOrderedId(),
    view: view.name,
    kind: req.mode,
    periodFrom: req.from ?? null,
    periodTo: req.to ?? null,
    universe: [...new Set(universe)].sort(),
    createdBy: caller,
    requestId: currentRequestId(),
  });
  deps.scheduler.submit(run);
  const finished = req.waitSeconds > 0 ? await deps.scheduler.waitFor(run.id, req.waitSeconds * 1000) : null;
  if (finished) return { ok: true, run: finished };
  const [current] = await deps.runs.byIds([run.id]);
  return { ok: true, run: current ?? run };
}
