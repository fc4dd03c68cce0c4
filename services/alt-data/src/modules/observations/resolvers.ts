import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { describeAvailability } from '../datasets/spec.ts';
import { recordLicensedRead } from '../licensing/policy.ts';
import { readListing } from './paging.ts';
import type { ObservationRecord } from './store.ts';

/** Every object of a licensed listing names its dataset: the `entitled` policy decides by it. */
export interface ObservationEdgeModel {
  readonly datasetId: string;
  readonly cursor: string;
  readonly node: ObservationRecord;
}
export interface ObservationConnectionModel {
  readonly datasetId: string;
  readonly edges: ObservationEdgeModel[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  readonly asOf: Date;
}

export const observationResolvers: Resolvers = {
  Dataset: {
    fields: (dataset) => dataset.fields,
    observations: async (current, args, ctx) => {
      // An older schema version reads its own lake dataset, with the fields it had.
      let dataset = current;
      if (args.version != null && args.version !== current.version) {
        const schema = (await ctx.stores.ingest.versions(current)).find((v) => v.version === args.version);
        if (!schema) {
          throw new DomainError(
            'BAD_USER_INPUT',
            `observations: ${current.name} has no version ${args.version}; its versions are 1 to ${current.version}`,
          );
        }
        dataset = { ...current, version: schema.version, fields: schema.fields };
      }
      const known = dataset.fields.map((f) => f.name);
      const unknown = (args.fields ?? []).filter((f) => !known.includes(f));
      if (unknown.length > 0) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `observations: ${dataset.name} has no field ${unknown.join(', ')}; its fields are ${known.join(', ')}`,
        );
      }
      const fields = args.fields ? known.filter((f) => args.fields!.includes(f)) : known;
      const listing = readListing(
        'observations',
        dataset.version === 1 ? `obs/${dataset.id}` : `obs/${dataset.id}@${dataset.version}`,
        args,
        fields,
      );
      const page = await ctx.stores.observations.page(dataset, { ...listing, fields });
      const edges = page.rows.map((node) => ({
        datasetId: dataset.id,
        cursor: listing.cursorAt([node.entity, node.eventTime.getTime(), node.seq], page.snapshotId),
        node,
      }));
      await recordLicensedRead(ctx, dataset, {
        view: 'Dataset.observations',
        fields,
        rows: edges.length,
        details: {
          asOf: listing.asOf.toISOString(),
          snapshotId: page.snapshotId,
          entities: listing.entities,
          from: listing.from?.toISOString() ?? null,
          to: listing.to?.toISOString() ?? null,
        },
      });
      return {
        datasetId: dataset.id,
        edges,
        hasNextPage: page.hasNextPage,
        endCursor: edges.at(-1)?.cursor ?? null,
        asOf: listing.asOf,
      };
    },
    entities: (dataset, _a, ctx) => ctx.stores.observations.entities(dataset),
    licensed: (dataset) => dataset.licensed,
    availability: (dataset) => describeAvailability(dataset.publication, dataset.latencySeconds),
  },
  DatasetField: {
    unit: (field) => field.unit ?? null,
  },
};
