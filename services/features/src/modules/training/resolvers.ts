import type { LabelSpec } from '@alphagraph/datasets';
import { DomainError } from '@alphagraph/service';
import type { CreateTrainingSetInput, LabelInput, Resolvers } from '../../generated/resolvers.ts';
import { trainingEnums } from './enums.ts';
import { TrainingSetError, type TrainingSetFailure } from './errors.ts';
import { inputSnapshots } from './metadata.ts';
import type { TrainingSetRow } from './service.ts';
import type { TrainingSetSpecInput } from './spec.ts';
import type { TrainingSetRecord } from './store.ts';
import { SPLIT_NAMES, type TrainingSetWarning } from './warnings.ts';

export interface TrainingSetRowEdgeModel {
  readonly cursor: string;
  readonly node: TrainingSetRow;
}
export interface TrainingSetRowConnectionModel {
  readonly edges: readonly TrainingSetRowEdgeModel[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}
export type { InputSnapshot as TrainingSetInputSnapshotModel } from './metadata.ts';
export interface TrainingSetResultModel {
  readonly ok: boolean;
  readonly trainingSet: TrainingSetRecord | null;
  readonly error: { code: TrainingSetFailure; message: string } | null;
  readonly warnings: readonly TrainingSetWarning[];
}

const MAX_PAGE = 1_000;
const cursorOf = (rowNumber: number) => Buffer.from(`row:${rowNumber}`).toString('base64url');

function rowAfter(cursor: string | null | undefined): number | null {
  if (!cursor) return null;
  const m = /^row:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw new DomainError('BAD_USER_INPUT', 'rows: `after` is not a cursor this field returned');
  return Number(m[1]);
}

function exactlyOne(what: string, options: Record<string, unknown>): string {
  const given = Object.entries(options).filter(([, v]) => v !== null && v !== undefined);
  if (given.length !== 1)
    throw new TrainingSetError('INVALID_SPEC', `${what}: give exactly one of ${Object.keys(options).join(', ')}`);
  return given[0]![0];
}

function labelFrom(l: LabelInput): LabelSpec {
  const kind = exactlyOne(`label ${l.name}`, {
    forwardReturn: l.forwardReturn,
    tripleBarrier: l.tripleBarrier,
    expression: l.expression,
  });
  if (kind === 'forwardReturn') return { kind: 'forward_return', name: l.name, horizon: l.forwardReturn!.horizon };
  if (kind === 'expression') return { kind: 'expression', name: l.name, expression: l.expression! };
  const tb = l.tripleBarrier!;
  const span = tb.volatilitySpan ?? 20;
  return {
    kind: 'triple_barrier',
    name: l.name,
    horizon: tb.horizon,
    profitTake: tb.profitTake ?? null,
    stopLoss: tb.stopLoss ?? null,
    volatilitySpan: span,
    volatilityMinPeriods: tb.volatilityMinPeriods ?? span,
  };
}

/** The GraphQL input as a spec (the service validates it). */
export function specFromInput(input: CreateTrainingSetInput): TrainingSetSpecInput {
  const s = input.spine;
  const kind = exactlyOne('spine', {
    rows: s.rows,
    parquetBase64: s.parquetBase64,
    uploadedFile: s.uploadedFile,
    schedule: s.schedule,
  });
  const spine: TrainingSetSpecInput['spine'] =
    kind === 'rows'
      ? { kind: 'rows', rows: s.rows! }
      : kind === 'parquetBase64'
        ? { kind: 'parquet', base64: s.parquetBase64! }
        : kind === 'uploadedFile'
          ? { kind: 'upload', file: s.uploadedFile! }
          : { kind: 'schedule', calendar: s.schedule!.calendar as 'XNYS', times: s.schedule!.times };
  let split: TrainingSetSpecInput['split'] = null;
  if (input.split) {
    const { train, validation, validationStart, testStart, embargoSeconds } = input.split;
    const fractions = train != null || validation != null;
    if (fractions === (validationStart != null || testStart != null)) {
      throw new TrainingSetError(
        'INVALID_SPEC',
        'split: give either train and validation, or validationStart and testStart',
      );
    }
    split = fractions
      ? { train: train ?? 0, validation: validation ?? 0, embargoSeconds: embargoSeconds ?? 0 }
      : { validationStart: validationStart ?? '', testStart: testStart ?? '', embargoSeconds: embargoSeconds ?? 0 };
  }
  return {
    name: input.name,
    entities: input.entities ?? null,
    universe: input.universe ?? null,
    spine,
    features: input.features ?? [],
    featureSets: input.featureSets ?? [],
    labels: (input.labels ?? []).map(labelFrom),
    period: input.period ?? null,
    split,
  };
}

/** A training-set failure becomes the result's error; anything else stays an error of the field. */
async function result(run: () => Promise<TrainingSetRecord>): Promise<TrainingSetResultModel> {
  try {
    const trainingSet = await run();
    return { ok: true, trainingSet, error: null, warnings: trainingSet.warnings };
  } catch (error) {
    if (error instanceof TrainingSetError) {
      return { ok: false, trainingSet: null, error: { code: error.failure, message: error.message }, warnings: [] };
    }
    throw error;
  }
}

/** The training-set part of the features subgraph's resolver map. */
export const trainingResolvers: Resolvers = {
  ...trainingEnums,
  Query: {
    trainingSet: (_r, args, ctx) => ctx.trainingSetById.load(args.id),
    trainingSets: (_r, args, ctx) =>
      ctx.stores.trainingSets.store.list({ createdBy: args.createdBy ?? null, first: Math.min(args.first ?? 50, 500) }),
  },
  Mutation: {
    createTrainingSet: (_r, args, ctx) => result(() => ctx.stores.trainingSets.create(ctx, specFromInput(args.input))),
    rebuildTrainingSet: (_r, args, ctx) => result(() => ctx.stores.trainingSets.rebuild(ctx, args.id)),
  },
  TrainingSet: {
    __resolveReference: (ref, ctx) => ctx.trainingSetById.load(String(ref.id)),
    spec: (ts) => ts.spec,
    features: async (ts, _a, ctx) => {
      const found = await ctx.featureById.loadMany(ts.resolution.features.map((f) => f.featureId));
      return found.filter((f) => f !== null && !(f instanceof Error)) as NonNullable<
        Exclude<(typeof found)[number], Error>
      >[];
    },
    featureRefs: (ts) => ts.resolution.features.map((f) => f.ref),
    columns: (ts) => [...ts.resolution.columns],
    splitRows: (ts) =>
      ts.splitRows ? SPLIT_NAMES.map((split) => ({ split, rows: ts.splitRows?.[split] ?? 0 })) : null,
    warnings: (ts) => [...ts.warnings],
    inputs: (ts) => inputSnapshots(ts.resolution),
    labelsAsOf: (ts) => ts.resolution.bars?.asOf ?? null,
    split: (ts) => ts.resolution.split,
    rows: async (ts, args, ctx) => {
      const first = Math.max(0, Math.min(args.first ?? 100, MAX_PAGE));
      const page = await ctx.stores.trainingSets.rows(ctx, ts, {
        first,
        after: rowAfter(args.after),
        split: args.split ?? null,
      });
      const edges = page.items.map((node) => ({ cursor: cursorOf(node.rowNumber), node }));
      return { edges, hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null };
    },
    statistics: (ts, args, ctx) => ctx.stores.trainingSets.statistics(ctx, ts, args.split ?? null),
    download: (ts, args, ctx) => ctx.stores.trainingSets.download(ctx, ts, args.split ?? null),
  },
  DatasetLineage: {
    trainingSets: async (lineage, _a, ctx) =>
      (await ctx.stores.trainingSets.store.dependingOn([lineage.dataset])).map((r) => r.trainingSet),
  },
};
