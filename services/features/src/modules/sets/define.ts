import { z } from 'zod';
import type { FeatureStore } from '../features/store.ts';
import { badInput, type Outcome } from '../registry/define.ts';
import type { FeatureSetRecord, FeatureSetStore } from './store.ts';

const setInputSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'set names are lower_snake_case (at most 40 characters)'),
  description: z.string().trim().min(1, 'describe the set').max(2000),
  features: z.array(z.string()).min(1, 'a set lists at least one feature').max(2000),
});
export type FeatureSetInput = z.input<typeof setInputSchema>;

/**
 * Creates or replaces a set. Refs without a version resolve to the newest version now and are
 * pinned: the set keeps naming that version after a newer one is defined.
 */
export async function defineFeatureSet(
  stores: { features: FeatureStore; sets: FeatureSetStore },
  input: FeatureSetInput,
  owner: string,
): Promise<Outcome<{ featureSet: FeatureSetRecord }>> {
  const parsed = setInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: badInput(parsed.error) };
  const { name, description, features: refs } = parsed.data;
  const resolved = await stores.features.resolveRefs(refs);
  const missing = refs.filter((r) => !resolved.get(r));
  if (missing.length > 0) {
    return {
      ok: false,
      error: {
        code: 'NOT_FOUND',
        field: 'features',
        message: `no feature version matches ${missing.slice(0, 5).join(', ')}`,
      },
    };
  }
  const ids = refs.map((r) => resolved.get(r)!.id);
  const names = refs.map((r) => resolved.get(r)!.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) {
    return {
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field: 'features',
        message: `${repeated} appears twice: a set holds one version of each feature`,
      },
    };
  }
  const featureSet = await stores.sets.define({ name, description, owner, featureIds: ids });
  return { ok: true, featureSet };
}
