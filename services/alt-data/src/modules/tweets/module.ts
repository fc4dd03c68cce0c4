import { defineModule, type ServiceModule } from '@alphagraph/service';
import type { DailySentimentStore } from './daily.ts';
import { tweetResolvers } from './resolvers.ts';

export type TweetsModule = ServiceModule<'tweets', DailySentimentStore>;

/** Daily tweet sentiment per instrument, aggregated over each session. */
export function createTweetsModule(dailySentiment: DailySentimentStore): TweetsModule {
  return defineModule({ name: 'tweets', provider: dailySentiment, resolvers: tweetResolvers });
}
