import { DateScalar, DateTimeScalar } from '@alphagraph/service';
import type { Resolvers } from './generated/resolvers.ts';
import { barResolvers } from './modules/bars/resolvers.ts';
import { ingestResolvers } from './modules/ingest/resolvers.ts';
import { instrumentResolvers } from './modules/instruments/resolvers.ts';
import { qualityResolvers } from './modules/quality/resolvers.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
  Query: { ...instrumentResolvers.Query, ...barResolvers.Query, ...qualityResolvers.Query, ...ingestResolvers.Query },
  Mutation: { ...ingestResolvers.Mutation },
  Instrument: { ...instrumentResolvers.Instrument, ...barResolvers.Instrument },
  Bar: { ...barResolvers.Bar },
  CorporateAction: { ...barResolvers.CorporateAction },
  DataQualityReport: { ...qualityResolvers.DataQualityReport },
  IngestReport: { ...ingestResolvers.IngestReport },
  IngestIssue: { ...ingestResolvers.IngestIssue },
  IngestMapping: { ...ingestResolvers.IngestMapping },
  QuarantinedBar: { ...ingestResolvers.QuarantinedBar },
};
