import type { Db } from '@alphagraph/db';
import { ALPHA158 } from '@alphagraph/dsl';
import type { FeatureStore } from '../features/store.ts';
import { loadFeatureCatalog } from '../registry/catalog.ts';
import { createRegistry, type FeatureInput } from '../registry/define.ts';
import { canonicalExpression, canonicalOfStored } from '../registry/expression.ts';
import type { FeatureSetStore } from './store.ts';

/** Who owns the built-in definitions. */
export const BUILTIN_OWNER = 'alphagraph';

/** A daily value stays current over a weekend and a holiday: Friday's value until Tuesday's close. */
const DAILY_TTL_SECONDS = 4 * 86_400;

/** Qlib's Alpha158 as registry definitions: lower-case names (`kmid`, `roc5`), Qlib's order. */
export function alpha158Definitions(): FeatureInput[] {
  return Object.entries(ALPHA158).map(([name, expression]) => ({
    name: name.toLowerCase(),
    description: `Alpha158 ${name} (Qlib's daily price-volume factor).`,
    expression,
    entity: 'instrument',
    ttlSeconds: DAILY_TTL_SECONDS,
    tags: ['alpha158'],
  }));
}

/** A few features over the demo alternative data, so a training set joins market and alternative data. */
export function altDemoDefinitions(): FeatureInput[] {
  return [
    {
      name: 'tweet_sentiment_mean',
      description: "Mean sentiment of the session's tweets about the instrument (StockNet, licensed).",
      expression: '$stocknet_tweets.sentiment_mean',
      ttlSeconds: DAILY_TTL_SECONDS,
      tags: ['alt', 'tweets'],
    },
    {
      name: 'tweet_count',
      description: "Number of the session's tweets about the instrument (StockNet, licensed).",
      expression: '$stocknet_tweets.count',
      ttlSeconds: DAILY_TTL_SECONDS,
      tags: ['alt', 'tweets'],
    },
    {
      name: 'vix_level',
      description: 'VIX close of the session (CBOE), the same for every instrument.',
      expression: '$cboe_vix_daily.close',
      ttlSeconds: DAILY_TTL_SECONDS,
      tags: ['alt', 'vix'],
    },
    {
      name: 'vix_change',
      description: "Change of the VIX close since the instrument's previous session, in index points.",
      expression: '$cboe_vix_daily.close - Ref($cboe_vix_daily.close, 1)',
      ttlSeconds: DAILY_TTL_SECONDS,
      tags: ['alt', 'vix'],
    },
  ];
}

export const BUILTIN_SETS = {
  alpha158: {
    description: "Qlib's Alpha158: 158 daily price-volume factors over 5-60 day windows.",
    definitions: alpha158Definitions,
    needs: [] as string[],
  },
  alt_demo: {
    description: 'Daily tweet sentiment mean and count, VIX level and change.',
    definitions: altDemoDefinitions,
    needs: ['stocknet_tweets', 'cboe_vix_daily'],
  },
} as const;
export type BuiltinSet = keyof typeof BUILTIN_SETS;

/**
 * Registers a built-in set and its features (idempotent and cheap when nothing changed: one read
 * of the set; definitions are only written when the set is missing or its expressions differ).
 * Returns false when the alternative datasets it needs are not registered (yet).
 */
export async function ensureBuiltinSet(
  db: Db,
  stores: { features: FeatureStore; sets: FeatureSetStore },
  name: BuiltinSet,
): Promise<boolean> {
  const spec = BUILTIN_SETS[name];
  const catalog = await loadFeatureCatalog(db);
  if (spec.needs.some((d) => !catalog.alt.has(d))) return false;
  const definitions = spec.definitions();
  const wanted = definitions.map((d) => {
    const c = canonicalExpression(d.expression, catalog.fields);
    if (!c.ok) throw new Error(`built-in feature ${d.name} does not check: ${c.problem.message}`);
    return `${d.name}=${c.value.canonical}`;
  });
  const members = await stores.sets.membersOf([name]);
  const have = members.map((m) => `${m.feature.name}=${canonicalOfStored(m.feature.expression)}`);
  if (JSON.stringify(have) === JSON.stringify(wanted)) return true;

  const registry = createRegistry(db, stores.features);
  const ids: string[] = [];
  for (const d of definitions) {
    const result = await registry.defineFeature(d, BUILTIN_OWNER, catalog);
    if (!result.ok) throw new Error(`built-in feature ${d.name}: ${result.error.message}`);
    ids.push(result.feature.id);
  }
  await stores.sets.define({ name, description: spec.description, owner: BUILTIN_OWNER, featureIds: ids });
  return true;
}
