import type { AuditLog } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import { defineModule, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { InstrumentStore } from '../instruments/store.ts';
import type { IngestionDeps } from './batch.ts';
import { createIngestion } from './ingest.ts';
import { lakeCorporateActions } from './lookups.ts';
import { type BatchRecord, createIngestReportStore } from './report-store.ts';
import { ingestResolvers } from './resolvers.ts';

/** Everything ingestion needs, wired once per process (service, CLI, demo loader, benchmark). */
export function createIngestModule(options: {
  db: Db;
  lake: Lake;
  instruments: InstrumentStore;
  audit?: AuditLog | undefined;
  overrides?: Partial<Pick<IngestionDeps, 'now' | 'beforePublish' | 'corporateActions'>>;
}) {
  const reports = createIngestReportStore(options.db);
  const ingestion = createIngestion({
    lake: options.lake,
    instruments: options.instruments,
    reports,
    audit: options.audit,
    corporateActions: lakeCorporateActions(options.lake),
    ...options.overrides,
  });
  return { reports, ingestion, audit: options.audit };
}
export type IngestModule = ReturnType<typeof createIngestModule>;

function createIngestLoaders(ingest: IngestModule) {
  return {
    ingestBatchById: new DataLoader<string, BatchRecord | null>(async (ids) =>
      oneByKey(ids, await ingest.reports.batches(ids), (r) => r.id),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type IngestServiceModule = ServiceModule<'ingest', IngestModule, ReturnType<typeof createIngestLoaders>>;

/** Validated ingestion, its reports and the quarantine, as the subgraph serves them. */
export function createIngestServiceModule(ingest: IngestModule): IngestServiceModule {
  return defineModule({
    name: 'ingest',
    provider: ingest,
    loaders: () => createIngestLoaders(ingest),
    resolvers: ingestResolvers,
  });
}
