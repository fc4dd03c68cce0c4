import { resolveSymbols } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { z } from 'zod';
import { computeInto, pinPlanInputs, planComputation } from '../materialize/compute.ts';
import { loadFeatureCatalog } from './catalog.ts';
import { badExpression, type FeatureErrorModel } from './define.ts';
import { canonicalExpression } from './expression.ts';

/** How much one preview may compute: a look at a few symbols, not a materialization. */
export const PREVIEW_LIMITS = { maxSymbols: 20, maxDays: 366 } as const;

export interface PreviewRow {
  readonly symbol: string;
  readonly time: Date;
  readonly value: number | null;
  readonly availableAt: Date;
}

export type FeaturePreviewModel =
  | {
      readonly ok: true;
      readonly expression: string;
      readonly inputs: string[];
      readonly lookback: number;
      readonly rows: PreviewRow[];
      readonly error: null;
    }
  | {
      readonly ok: false;
      readonly expression: null;
      readonly inputs: string[];
      readonly lookback: null;
      readonly rows: PreviewRow[];
      readonly error: FeatureErrorModel;
    };

const previewRow = z.object({
  entity: z.string(),
  event_time: z.date(),
  available_at: z.date(),
  preview_value: z.number().nullable(),
});

const DAY_MS = 86_400_000;

/** Refuses a request past the preview's bounds, naming the argument. */
function checkBounds(symbols: readonly string[], period: { from: Date; to: Date }): void {
  const refuse = (argument: string, message: string) => {
    throw new DomainError('BAD_USER_INPUT', `previewFeature: ${argument}: ${message}`, { details: { argument } });
  };
  if (symbols.length === 0) refuse('symbols', 'give at least one symbol');
  if (symbols.length > PREVIEW_LIMITS.maxSymbols) {
    refuse(
      'symbols',
      `${symbols.length} symbols is more than the ${PREVIEW_LIMITS.maxSymbols} a preview computes; materialize the feature for more`,
    );
  }
  if (!(period.from < period.to)) refuse('period', 'from must be before to (from is inclusive, to exclusive)');
  const days = (period.to.getTime() - period.from.getTime()) / DAY_MS;
  if (days > PREVIEW_LIMITS.maxDays) {
    refuse(
      'period',
      `${Math.ceil(days)} days is longer than the ${PREVIEW_LIMITS.maxDays} a preview computes; shorten the period or materialize the feature`,
    );
  }
}

/**
 * Computes an expression over a few symbols and a period without registering anything: the
 * registry's checks (catalog, lookahead, complexity budget), the materialization's staging and
 * compiler (inputs as known now, each value's `available_at` the latest input it read, the
 * warm-up rows before `from` read but not returned). Licences are decided before (the field's
 * `@policy(entitled)`, over the expression's lineage).
 */
export async function previewFeature(
  deps: { db: Db; lake: Lake },
  input: { expression: string; symbols: readonly string[]; period: { from: Date; to: Date } },
): Promise<FeaturePreviewModel> {
  const { db, lake } = deps;
  checkBounds(input.symbols, input.period);
  const { canonical, unknown } = await resolveSymbols(db, input.symbols);
  if (unknown.length > 0) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `previewFeature: symbols: no instrument has the symbol ${unknown.join(', ')}`,
      {
        details: { argument: 'symbols', unknownSymbols: unknown },
      },
    );
  }
  const catalog = await loadFeatureCatalog(db);
  const checked = canonicalExpression(input.expression, catalog.fields);
  if (!checked.ok) {
    return { ok: false, expression: null, inputs: [], lookback: null, rows: [], error: badExpression(checked.problem) };
  }
  const { value } = checked;
  const plan = planComputation(catalog, [
    { column: 'preview_value', expression: value.canonical, checked: value.checked },
  ]);
  const inputs = await pinPlanInputs(lake, plan, 'instrument');
  const universe = [...new Set(input.symbols.map((s) => canonical.get(s)!))];
  const raw = await lake.withSession(async (session) => {
    await computeInto(session, {
      lake,
      plan,
      entityKind: 'instrument',
      asOf: new Date(),
      inputs,
      universe,
      from: input.period.from,
      to: input.period.to,
      stored: null,
      changed: null,
      tiebreak: 'preview',
    });
    try {
      return await session.all(
        `SELECT entity, event_time, available_at,
                CASE WHEN isfinite(preview_value) THEN preview_value END AS preview_value
         FROM fs_computed ORDER BY entity, event_time`,
      );
    } finally {
      await session.run('DROP TABLE IF EXISTS fs_computed');
    }
  });
  const rows = raw.map((r) => {
    const row = previewRow.parse(r);
    return { symbol: row.entity, time: row.event_time, value: row.preview_value, availableAt: row.available_at };
  });
  return {
    ok: true,
    expression: value.canonical,
    inputs: [...value.datasets],
    lookback: value.checked.lookback,
    rows,
    error: null,
  };
}
