import type { AuditLog } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import { type Change, defineModule, type ServiceModule } from '@alphagraph/service';
import type { DatasetRecord } from '../datasets/store.ts';
import type { ObservationStore } from '../observations/store.ts';
import { observationQuality } from '../quality/report.ts';
import {
  batchesOf,
  type IngestOutcome,
  ingestObservationFile,
  ingestObservations,
  type ObservationBatch,
  type ObservationFileBatch,
} from './ingest.ts';
import { datasetVersions, type RegistrationInput, type RegistrationOutcome, registerDataset } from './register.ts';
import { ingestResolvers } from './resolvers.ts';

/** Registering datasets and pushing observations, audited as every change of state is. */
export function createIngestProvider(deps: { db: Db; lake: Lake; observations: ObservationStore; audit: AuditLog }) {
  const audit = (change: Change, action: string, resource: string, details: Record<string, unknown>) =>
    deps.audit.append({
      actor: change.actor.userId,
      roles: change.actor.roles,
      action,
      resource,
      details,
      requestId: change.requestId,
    });
  const audited = async (change: Change, dataset: DatasetRecord, outcome: IngestOutcome) => {
    if (outcome.ok && !outcome.repeated) {
      const r = outcome.report;
      await audit(change, 'mutation:ingestObservations', `dataset:${dataset.name}`, {
        batch: r.id,
        version: r.datasetVersion,
        snapshotId: r.snapshotId,
        accepted: r.accepted,
        quarantined: r.quarantined,
        rejected: r.rejected,
      });
    }
  };
  return {
    async register(change: Change, input: RegistrationInput): Promise<RegistrationOutcome> {
      const outcome = await registerDataset(deps, input, change.actor.userId);
      if (outcome.ok) {
        await audit(change, 'mutation:registerDataset', `dataset:${outcome.dataset.name}`, {
          created: outcome.created,
          version: outcome.dataset.version,
          newVersion: outcome.newVersion,
        });
      }
      return outcome;
    },
    async ingest(change: Change, batch: Omit<ObservationBatch, 'actor'>): Promise<IngestOutcome> {
      const outcome = await ingestObservations(deps, { ...batch, actor: change.actor.userId });
      await audited(change, batch.dataset, outcome);
      return outcome;
    },
    /** A CSV or Parquet file as one batch (the CLI), through the same rules and commit. */
    async ingestFile(change: Change, batch: Omit<ObservationFileBatch, 'actor'>): Promise<IngestOutcome> {
      const outcome = await ingestObservationFile(deps, { ...batch, actor: change.actor.userId });
      await audited(change, batch.dataset, outcome);
      return outcome;
    },
    versions: (dataset: DatasetRecord) => datasetVersions(deps.db, dataset),
    reports: (dataset: DatasetRecord, limit: number) => batchesOf(deps.db, dataset.id, limit),
    quality: (dataset: DatasetRecord, asOf: Date) => observationQuality(deps, dataset, asOf),
  };
}
export type IngestProvider = ReturnType<typeof createIngestProvider>;
export type IngestModule = ServiceModule<'ingest', IngestProvider>;

export function createIngestModule(deps: Parameters<typeof createIngestProvider>[0]): IngestModule {
  return defineModule({ name: 'ingest', provider: createIngestProvider(deps), resolvers: ingestResolvers });
}
