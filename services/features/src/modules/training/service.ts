import { AUDIT_DENIED, AUDIT_READ, type AuditLog, type Entitlements, type Identity } from '@alphagraph/auth';
import { describeMissing, licenceCheck, readFeatureLineage } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import type { WorkerLease } from '@alphagraph/jobs';
import { type Lake, type LakeParam, quoteIdent } from '@alphagraph/lake';
import { DomainError, type DownloadLink, type Downloads, type RequestScope } from '@alphagraph/service';
import { z } from 'zod';
import { buildTrainingSet, TRAINING_SET_PARQUET } from './build.ts';
import { TrainingSetError } from './errors.ts';
import { downloadMetadata } from './metadata.ts';
import { resolveFeatureVersions, resolveTrainingSet } from './resolve.ts';
import { type TrainingSetSpecInput, trainingSetSpecSchema } from './spec.ts';
import { createTrainingSetStore, type TrainingSetRecord } from './store.ts';
import { type SplitName, summarizeBuild } from './warnings.ts';

export type { SplitName } from './warnings.ts';

export interface ColumnStatistics {
  readonly column: string;
  readonly kind: 'feature' | 'label';
  readonly count: number;
  readonly nulls: number;
  readonly mean: number | null;
  /** Sample standard deviation (ddof = 1). mean, std, min and max are null for a touch-time column. */
  readonly std: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface TrainingSetRow {
  readonly rowNumber: number;
  readonly entity: string;
  /** ISO-8601 with microseconds. */
  readonly t: string;
  readonly split: SplitName | null;
  readonly values: Record<string, number | string | null>;
}

export const AUDIT_CREATE = 'mutation:createTrainingSet';
export const AUDIT_REBUILD = 'mutation:rebuildTrainingSet';

export interface TrainingSetDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly audit: AuditLog;
  readonly entitlements: Entitlements;
  readonly downloads: Downloads;
  /** This process as a worker: builds record it and heartbeat, so a crash mid-build is detected. */
  readonly lease: WorkerLease;
  /** The largest Parquet spine accepted, in bytes (FEATURES_SPINE_MAX_BYTES; default 256 MiB). */
  readonly spineMaxBytes?: number;
}

const compact = (id: string) => id.replaceAll('-', '');
/** The split column as the API spells it: builds before TRAIN/VALIDATION/TEST/EMBARGO wrote lower case. */
const SPLIT = 'upper(split)';
const statsRow = z.record(z.string(), z.unknown());
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * Training sets (issue 5 item 6): create (resolve, pin, build, audit), rebuild from the pinned
 * resolution, and the reads: a paged preview, per-column statistics and a Parquet download. Reads
 * of a set whose features' lineage reaches a licensed dataset need the caller's entitlement, as
 * building it did; each such read is audited.
 */
export function createTrainingSets(deps: TrainingSetDeps) {
  const store = createTrainingSetStore(deps.db);

  const identityOf = (scope: RequestScope): Identity => {
    if (!scope.identity) throw new DomainError('UNAUTHENTICATED', 'training sets need an authenticated caller');
    return scope.identity;
  };

  /** Refuses (and audits the refusal) when the caller lacks an entitlement along the lineage. */
  async function authorize(scope: RequestScope, datasets: readonly string[], what: string) {
    const identity = identityOf(scope);
    const { licensed, missing } = await licenceCheck({ ...deps, identity, datasets });
    if (missing.length > 0) {
      await deps.audit.append({
        actor: identity.userId,
        roles: identity.roles,
        action: AUDIT_DENIED,
        resource: missing.map((m) => `dataset:${m.dataset}`).join(','),
        details: { what, datasets: missing.map((m) => m.dataset) },
        requestId: scope.requestId,
      });
      throw new TrainingSetError('NOT_ENTITLED', describeMissing(missing, identity));
    }
    return { identity, licensed };
  }

  async function build(ts: TrainingSetRecord): Promise<TrainingSetRecord> {
    try {
      const built = await buildTrainingSet({
        lake: deps.lake,
        lakeDataset: ts.lakeDataset,
        resolution: ts.resolution,
        summary: { trainingSet: ts.id },
      });
      const { splitRows, warnings } = await summarizeBuild({
        lake: deps.lake,
        lakeDataset: ts.lakeDataset,
        snapshotId: built.snapshotId,
        resolution: ts.resolution,
      });
      const ready = await store.transition(
        ts.id,
        'ready',
        { snapshotId: built.snapshotId, rowCount: built.rows, builtAt: new Date(), error: null, splitRows, warnings },
        deps.lease.id,
      );
      if (!ready) throw new TrainingSetError('CONFLICT', `training set ${ts.id} changed while it was building`);
      return ready;
    } catch (error) {
      // The set stays recorded as failed; rebuildTrainingSet(id) retries it. No SQL or driver text leaks.
      const reason = error instanceof DomainError ? error.message : 'the server log has the details';
      if (!(error instanceof DomainError)) {
        deps.lease.log.error({ err: error, trainingSet: ts.id }, `training set ${ts.id} failed to build`);
      }
      await store.transition(ts.id, 'failed', { error: reason }, deps.lease.id);
      throw new TrainingSetError('BUILD_FAILED', `training set ${ts.id} failed to build: ${reason}`, {
        cause: error,
        details: { reason: 'BUILD_FAILED', trainingSetId: ts.id },
      });
    }
  }

  /** Builds and audits the build, whether it succeeds or fails. */
  async function auditedBuild(
    scope: RequestScope,
    identity: Identity,
    action: string,
    ts: TrainingSetRecord,
    details: Record<string, unknown>,
  ): Promise<TrainingSetRecord> {
    const append = (outcome: Record<string, unknown>) =>
      deps.audit.append({
        actor: identity.userId,
        roles: identity.roles,
        action,
        resource: `training-set:${ts.id}`,
        details: { ...details, ...outcome },
        requestId: scope.requestId,
      });
    let built: TrainingSetRecord;
    try {
      built = await build(ts);
    } catch (error) {
      await append({ status: 'failed' });
      throw error;
    }
    await append({ status: 'ready', rows: built.rowCount, snapshotId: built.snapshotId });
    return built;
  }

  async function readable(scope: RequestScope, ts: TrainingSetRecord, what: string) {
    if (ts.status !== 'ready' || ts.snapshotId === null) {
      throw new DomainError('FAILED_PRECONDITION', `training set ${ts.id} is ${ts.status}, not ready`);
    }
    const featureIds = ts.resolution.features.map((f) => f.featureId);
    const { identity, licensed } = await authorize(scope, await readFeatureLineage(deps.db, featureIds), what);
    if (licensed.length > 0) {
      await deps.audit.append({
        actor: identity.userId,
        roles: identity.roles,
        action: AUDIT_READ,
        resource: `training-set:${ts.id}`,
        details: { what, datasets: licensed.map((l) => l.dataset) },
        requestId: scope.requestId,
      });
    }
    return deps.lake.scan(await deps.lake.snapshot(ts.lakeDataset, ts.snapshotId));
  }

  const valueColumns = (ts: TrainingSetRecord) =>
    ts.resolution.columns.filter((c) => c.kind === 'feature' || c.kind === 'label');

  return {
    store,

    /** Validates, resolves and pins the spec, builds the set and audits it. Throws DomainError. */
    async create(scope: RequestScope, input: TrainingSetSpecInput): Promise<TrainingSetRecord> {
      const parsed = trainingSetSpecSchema.safeParse(input);
      if (!parsed.success) {
        throw new TrainingSetError(
          'INVALID_SPEC',
          parsed.error.issues.map((i) => `${i.path.join('.') || 'spec'}: ${i.message}`).join('; '),
        );
      }
      const spec = parsed.data;
      const features = await resolveFeatureVersions(deps.db, spec);
      const lineage = await readFeatureLineage(
        deps.db,
        features.map((f) => f.id),
      );
      const { identity, licensed } = await authorize(scope, lineage, 'build');
      const id = crypto.randomUUID();
      const names = { output: `ts_${compact(id)}`, spine: `tsspine_${compact(id)}` };
      const { resolution, inputs } = await resolveTrainingSet({
        db: deps.db,
        lake: deps.lake,
        spec,
        features,
        names,
        ...(deps.spineMaxBytes === undefined ? {} : { spineMaxBytes: deps.spineMaxBytes }),
      });
      const recorded =
        spec.spine.kind === 'rows' || spec.spine.kind === 'parquet'
          ? { ...spec, spine: { kind: spec.spine.kind } }
          : spec;
      // The build holds the worker lease: a crash leaves a row a live replica sees as abandoned.
      return deps.lease.hold(async () => {
        const ts = await store.insert({
          id,
          name: spec.name,
          createdBy: identity.userId,
          spec: recorded,
          resolution,
          lakeDataset: names.output,
          builder: deps.lease.id,
          inputs,
        });
        return auditedBuild(scope, identity, AUDIT_CREATE, ts, {
          name: spec.name,
          features: resolution.features.map((f) => f.ref),
          labels: spec.labels.map((l) => l.name),
          inputs,
          licensed: licensed.map((l) => l.dataset),
        });
      });
    },

    /** Builds again from the pinned resolution: identical content, whatever was appended since. */
    async rebuild(scope: RequestScope, id: string): Promise<TrainingSetRecord> {
      const [ts] = await store.byIds([id]);
      if (!ts) throw new TrainingSetError('NOT_FOUND', `no training set ${id}`);
      const featureIds = ts.resolution.features.map((f) => f.featureId);
      const { identity } = await authorize(scope, await readFeatureLineage(deps.db, featureIds), 'rebuild');
      return deps.lease.hold(async () => {
        const claim = () => store.claim(id, deps.lease.id);
        // A set still marked building by a process that is gone is failed first, then rebuilt.
        const building =
          (await claim()) ?? ((await store.failInterrupted(deps.lease)).includes(id) ? await claim() : null);
        if (!building) throw new TrainingSetError('CONFLICT', `training set ${id} is already building`);
        return auditedBuild(scope, identity, AUDIT_REBUILD, building, {});
      });
    },

    /** One page of rows in spine order, after row number `after`, optionally of one split. */
    async rows(
      scope: RequestScope,
      ts: TrainingSetRecord,
      page: { first: number; after: number | null; split: SplitName | null },
    ) {
      const scan = await readable(scope, ts, 'rows');
      const params: LakeParam[] = [page.after ?? -1];
      const bySplit = page.split ? `AND ${SPLIT} = $${params.push(page.split)}` : '';
      const hasSplit = ts.resolution.split !== null;
      const columns = valueColumns(ts);
      const select = columns.map((c) =>
        c.type === 'TIMESTAMPTZ' ? `strftime(${quoteIdent(c.name)}, '%Y-%m-%dT%H:%M:%S.%fZ')` : quoteIdent(c.name),
      );
      const raw = await deps.lake.query(
        `SELECT row_no, entity, strftime(t, '%Y-%m-%dT%H:%M:%S.%fZ') AS t, ${hasSplit ? SPLIT : 'NULL'} AS split
           ${select.map((s, i) => `, ${s} AS c${i}`).join('')}
         FROM ${scan} WHERE row_no > $1 ${bySplit} ORDER BY row_no LIMIT ${page.first + 1}`,
        params,
      );
      const items: TrainingSetRow[] = raw.slice(0, page.first).map((r) => ({
        rowNumber: Number(r.row_no),
        entity: String(r.entity),
        t: String(r.t),
        split: (r.split ?? null) as SplitName | null,
        values: Object.fromEntries(columns.map((c, i) => [c.name, (r[`c${i}`] ?? null) as number | string | null])),
      }));
      return { items, hasNextPage: raw.length > page.first };
    },

    /** count, nulls, mean, sample std, min, max per feature and label value column (cached per build). */
    async statistics(scope: RequestScope, ts: TrainingSetRecord, split: SplitName | null): Promise<ColumnStatistics[]> {
      const scan = await readable(scope, ts, 'statistics');
      const key = split ?? 'all';
      const cached = ts.statistics[key];
      if (cached) return cached as ColumnStatistics[];
      const columns = valueColumns(ts);
      if (columns.length === 0) return [];
      // Touch times are counted only: a mean of instants is not a statistic anyone reads.
      const aggregates = columns.flatMap((c, i) => {
        const q = quoteIdent(c.name);
        if (c.type !== 'DOUBLE') return [`count(${q}) AS n${i}`];
        return [
          `count(${q}) AS n${i}`,
          `avg(${q}) AS mean${i}`,
          `stddev_samp(${q}) AS std${i}`,
          `min(${q}) AS min${i}`,
          `max(${q}) AS max${i}`,
        ];
      });
      const [raw] = await deps.lake.query(
        `SELECT count(*) AS total, ${aggregates.join(', ')} FROM ${scan} ${split ? `WHERE ${SPLIT} = $1` : ''}`,
        split ? [split] : [],
      );
      const r = statsRow.parse(raw);
      const total = Number(r.total);
      const stats: ColumnStatistics[] = columns.map((c, i) => ({
        column: c.name,
        kind: c.kind as 'feature' | 'label',
        count: Number(r[`n${i}`]),
        nulls: total - Number(r[`n${i}`]),
        mean: num(r[`mean${i}`]),
        std: num(r[`std${i}`]),
        min: num(r[`min${i}`]),
        max: num(r[`max${i}`]),
      }));
      await store.saveStatistics(ts.id, ts.snapshotId!, key, stats);
      return stats;
    },

    /** A Parquet download of the latest build (or one split of it), in spine order. */
    async download(scope: RequestScope, ts: TrainingSetRecord, split: SplitName | null): Promise<DownloadLink> {
      const scan = await readable(scope, ts, 'download');
      const columns = ts.resolution.columns
        .map((c) => (c.kind === 'split' ? `${SPLIT} AS split` : quoteIdent(c.name)))
        .join(', ');
      return deps.downloads.create(scope, {
        sql: `SELECT ${columns} FROM ${scan} ${split ? `WHERE ${SPLIT} = $1` : ''} ORDER BY row_no`,
        params: split ? [split] : [],
        requires: [['researcher']],
        name: `${ts.name}${split ? `-${split}` : ''}`,
        // Encoded as the build wrote it: re-encoding 50 DOUBLE columns is most of a download's cost.
        // The file carries its spec, snapshots and split vocabulary in its key-value metadata.
        parquet: { ...TRAINING_SET_PARQUET, keyValueMetadata: downloadMetadata(ts, split) },
      });
    },
  };
}
export type TrainingSets = ReturnType<typeof createTrainingSets>;
