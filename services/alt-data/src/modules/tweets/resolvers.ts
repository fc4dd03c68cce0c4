import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { recordLicensedRead } from '../licensing/policy.ts';
import { readListing } from '../observations/paging.ts';
import { type DailySentimentRecord, TWEETS_DATASET } from './daily.ts';

export interface TweetSentimentDayEdgeModel {
  readonly datasetId: string;
  readonly cursor: string;
  readonly node: DailySentimentRecord;
}
export interface TweetSentimentDayConnectionModel {
  readonly datasetId: string;
  readonly edges: TweetSentimentDayEdgeModel[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
  readonly asOf: Date;
}

export const tweetResolvers: Resolvers = {
  Query: {
    tweetSentimentDaily: async (_root, args, ctx) => {
      const dataset = await ctx.datasetByName.load(TWEETS_DATASET);
      if (!dataset) throw new DomainError('NOT_FOUND', `dataset ${TWEETS_DATASET} is not registered`);
      const listing = readListing('tweetSentimentDaily', 'tweets-daily', args);
      const page = await ctx.stores.tweets.page(dataset, {
        ...listing,
        after: listing.after ? [listing.after[0], listing.after[1]] : null,
      });
      const edges = page.rows.map((node) => ({
        datasetId: dataset.id,
        cursor: listing.cursorAt([node.entity, node.eventTime.getTime(), 0], page.snapshotId),
        node,
      }));
      await recordLicensedRead(ctx, dataset, {
        view: 'Query.tweetSentimentDaily',
        // What the series is computed from: every tweet's sentiment (its count and mean are returned).
        fields: ['sentiment'],
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
  },
};
