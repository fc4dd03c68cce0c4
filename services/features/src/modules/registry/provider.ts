import type { Change } from '@alphagraph/service';
import type { FeatureStoreServices } from '../../feature-store.ts';
import { defineFeatureSet, type FeatureSetInput } from '../sets/define.ts';
import { refOf } from '../views/naming.ts';
import type { FeatureInput } from './define.ts';
import { previewFeature } from './preview.ts';

/** The registry as the subgraph serves it: definitions audited as they are made, and the reads beside them. */
export function createRegistryProvider(fs: FeatureStoreServices) {
  const record = (change: Change, action: string, resource: string, details: Record<string, unknown>) =>
    fs.audit.append({
      actor: change.actor.userId,
      roles: change.actor.roles,
      action,
      resource,
      details,
      requestId: change.requestId,
    });
  return {
    db: fs.db,
    registry: fs.registry,
    features: fs.features,
    sets: fs.sets,
    views: fs.views,
    /** Computes an expression without registering it (see `previewFeature`). */
    preview: (input: Parameters<typeof previewFeature>[1]) => previewFeature(fs, input),

    async defineFeature(input: FeatureInput, change: Change) {
      const outcome = await fs.registry.defineFeature(input, change.actor.userId);
      if (outcome.ok) {
        await record(change, 'mutation:defineFeature', `feature:${refOf(outcome.feature)}`, {
          ref: refOf(outcome.feature),
          created: outcome.created,
          expression: outcome.feature.expression,
        });
      }
      return outcome;
    },

    async defineFeatureSet(input: FeatureSetInput, change: Change) {
      const outcome = await defineFeatureSet(fs, input, change.actor.userId);
      if (outcome.ok) {
        await record(change, 'mutation:defineFeatureSet', `feature-set:${outcome.featureSet.name}`, {
          features: input.features,
        });
      }
      return outcome;
    },
  };
}
export type RegistryProvider = ReturnType<typeof createRegistryProvider>;
