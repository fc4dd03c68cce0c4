import type { AuditLog } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import type { InstrumentStore } from '../instruments/store.ts';
import type { IngestionDeps } from './batch.ts';
import { createIngestion } from './ingest.ts';
import { lakeCorporateActions } from './lookups.ts';
import { createIngestReportStore } from './report-store.ts';

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
