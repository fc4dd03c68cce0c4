import type { Db } from '@alphagraph/db';
import { MAX_TTL_SECONDS } from '@alphagraph/db/schema/features';
import { z } from 'zod';
import type { FeatureRecord, FeatureStore } from '../features/store.ts';
import { type FeatureCatalog, loadFeatureCatalog } from './catalog.ts';
import { canonicalExpression, type ExpressionProblem } from './expression.ts';

export type FeatureErrorCode = 'BAD_EXPRESSION' | 'BAD_INPUT' | 'NOT_FOUND';

/** An expected failure of a registry or materialization request (FeatureError in the schema). */
export interface FeatureErrorModel {
  readonly code: FeatureErrorCode;
  readonly message: string;
  readonly reason?: string | null;
  readonly line?: number | null;
  readonly column?: number | null;
  readonly field?: string | null;
}

export type Outcome<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: FeatureErrorModel };

/**
 * A feature's TTL when its definition gives none, by entity kind (the schema's DefineFeatureInput
 * states the same). Both kinds are daily: 4 days keep Friday's value current over a long weekend
 * with a holiday, and expire it once a session beyond that is missed.
 */
export const DEFAULT_TTL_SECONDS: Readonly<Record<'instrument' | 'market', number>> = {
  instrument: 4 * 86_400,
  market: 4 * 86_400,
};

export const featureInputSchema = z
  .object({
    name: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,49}$/,
        'feature names are lower_snake_case: a letter, then letters, digits or _ (at most 50)',
      ),
    description: z.string().trim().min(1, 'describe what the feature measures').max(2000),
    expression: z.string().min(1, 'the expression is empty').max(4000),
    entity: z.enum(['instrument', 'market']).default('instrument'),
    ttlSeconds: z
      .number()
      .int()
      .positive('the TTL must be a positive number of seconds')
      .max(
        MAX_TTL_SECONDS,
        `the TTL is at most ${MAX_TTL_SECONDS} seconds (about 68 years, what storage holds); for a value that never expires pass noTtl: true`,
      )
      .nullish(),
    /** No TTL: a value stays current however old its event time (ttlSeconds must then be absent). */
    noTtl: z.boolean().default(false),
    tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,39}$/, 'tags are short lower-case words')).default([]),
    status: z.enum(['draft', 'active', 'deprecated']).default('active'),
    universe: z.array(z.string().regex(/^[A-Z0-9][A-Z0-9.\-/^]{0,23}$/, 'symbols are upper-case tickers')).default([]),
  })
  .refine((d) => !(d.noTtl && d.ttlSeconds != null), {
    path: ['ttlSeconds'],
    message: 'pass either ttlSeconds or noTtl: true, not both',
  });
export type FeatureInput = z.input<typeof featureInputSchema>;

export function badInput(error: z.ZodError): FeatureErrorModel {
  const issue = error.issues[0]!;
  const field = issue.path.map(String).join('.') || null;
  return { code: 'BAD_INPUT', message: field ? `${field}: ${issue.message}` : issue.message, field };
}

/** A refused expression as the schema's FeatureError: its reason and position. */
export function badExpression(p: ExpressionProblem): FeatureErrorModel {
  return {
    code: 'BAD_EXPRESSION',
    field: 'expression',
    message: p.message,
    reason: p.reason,
    line: p.line,
    column: p.column,
  };
}

/** Feature definitions: parse, check, canonicalise, derive lineage, version. */
export function createRegistry(db: Db, features: FeatureStore) {
  return {
    /**
     * Defines a feature version owned by `owner`. `catalog` may be passed to check many
     * definitions against one read of the alternative-data catalog.
     */
    async defineFeature(
      input: FeatureInput,
      owner: string,
      catalog?: FeatureCatalog,
    ): Promise<Outcome<{ feature: FeatureRecord; created: boolean }>> {
      const parsed = featureInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: badInput(parsed.error) };
      const def = parsed.data;
      const known = catalog ?? (await loadFeatureCatalog(db));
      const expression = canonicalExpression(def.expression, known.fields);
      if (!expression.ok) return { ok: false, error: badExpression(expression.problem) };
      const { canonical, datasets } = expression.value;
      if (def.entity === 'market') {
        // A market-wide feature has no instrument: it may read market-wide series only.
        const perInstrument = datasets.filter((d) => known.alt.get(d)?.entityKind !== 'market');
        if (perInstrument.length > 0) {
          return {
            ok: false,
            error: {
              code: 'BAD_INPUT',
              field: 'entity',
              message:
                `a MARKET feature reads market-wide series only, but this one reads ${perInstrument.join(', ')}; ` +
                'define it with entity INSTRUMENT (market-wide series are joined to every instrument by session)',
            },
          };
        }
      }
      const clock = expression.value.checked.eventClock;
      if (clock !== null && def.entity === 'instrument' && known.alt.get(clock)?.entityKind === 'market') {
        // An as-of series keeps its dataset's entities: a market-wide series has one, MARKET.
        return {
          ok: false,
          error: {
            code: 'BAD_INPUT',
            field: 'entity',
            message: `an as-of series over the market-wide ${clock} has the entity MARKET: define it with entity MARKET`,
          },
        };
      }
      const result = await features.define({
        name: def.name,
        owner,
        description: def.description,
        entity: def.entity,
        expression: canonical,
        ttlSeconds: def.noTtl ? null : (def.ttlSeconds ?? DEFAULT_TTL_SECONDS[def.entity]),
        tags: def.tags,
        status: def.status,
        universe: def.universe,
        inputs: datasets,
      });
      return { ok: true, ...result };
    },
  };
}
export type Registry = ReturnType<typeof createRegistry>;
