import { DateScalar, DateTimeScalar } from '@alphagraph/service';
import type { Resolvers } from './generated/resolvers.ts';
import { barResolvers } from './modules/bars/resolvers.ts';
import { instrumentResolvers } from './modules/instruments/resolvers.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: { ...instrumentResolvers.Query },
  Instrument: { ...instrumentResolvers.Instrument, ...barResolvers.Instrument },
  Bar: { ...barResolvers.Bar },
};
