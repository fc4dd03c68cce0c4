import { calendarCodes } from '@alphagraph/calendar';
import { type LabelSpec, labelSpecSchema } from '@alphagraph/datasets';
import { z } from 'zod';
import { parseFeatureRef } from '../features/store.ts';

const ENTITY = z.string().min(1).max(64);
/** An instant with up to microsecond precision (kept exactly: TTL bounds are microsecond-exact). */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:?\d{2})$/;
/** A file under the lake's `_uploads/` directory: a bare name, never a path. */
export const UPLOAD_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,100}\.parquet$/;
export const MAX_INLINE_ROWS = 100_000;

const instant = z.string().regex(ISO_INSTANT, 'expected an ISO-8601 instant such as 2016-03-14T20:30:00Z');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'expected HH:MM or HH:MM:SS');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * Where the spine's (entity, t) rows come from:
 * - `rows`: given inline (at most 100,000);
 * - `parquet`: an uploaded Parquet file, base64 in the request, with columns `entity` and `t`
 *   (TIMESTAMPTZ, or TIMESTAMP read as UTC); row order is file order;
 * - `upload`: a Parquet file already placed under the lake's `_uploads/` directory (by an operator or
 *   a tool with lake access), named by its bare file name: the server never reads any other path;
 * - `schedule`: every session of `calendar` between the period's dates, at each wall-clock time of
 *   `times` in the calendar's time zone (DST-aware: 16:30 New York is 21:30Z in winter, 20:30Z in
 *   summer), for every entity; rows ordered by (t, entity).
 */
export const spineSpecSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('rows'),
    rows: z
      .array(z.object({ entity: ENTITY, t: instant }))
      .min(1)
      .max(MAX_INLINE_ROWS),
  }),
  z.object({ kind: z.literal('parquet'), base64: z.string().min(1) }),
  z.object({
    kind: z.literal('upload'),
    file: z.string().regex(UPLOAD_NAME, 'expected a bare file name like spine.parquet'),
  }),
  z.object({ kind: z.literal('schedule'), calendar: z.enum(calendarCodes), times: z.array(localTime).min(1).max(48) }),
]);
export type SpineSpec = z.infer<typeof spineSpecSchema>;

/**
 * Time-ordered splits over the spine's distinct timestamps: train, then validation, then test.
 * Boundaries are given as instants, or as fractions of the distinct timestamps (train gets the
 * first round(n * train), validation the next round(n * validation), test the rest). The embargo is
 * a DURATION IN SECONDS: rows with t in [boundary - embargoSeconds, boundary) before each boundary
 * are marked `embargo` instead of the earlier split, so no training (or validation) label looking
 * up to that far ahead overlaps the next split. Rows are never dropped: `split` says where each goes.
 */
export const splitSpecSchema = z
  .union([
    z.object({
      train: z.number().gt(0).lt(1),
      validation: z.number().gt(0).lt(1),
      embargoSeconds: z.number().int().min(0),
    }),
    z.object({ validationStart: instant, testStart: instant, embargoSeconds: z.number().int().min(0) }),
  ])
  .refine(
    (s) => ('train' in s ? s.train + s.validation < 1 : Date.parse(s.validationStart) < Date.parse(s.testStart)),
    {
      message: 'splits must leave room for a test set: train + validation < 1, validationStart < testStart',
    },
  );
export type SplitSpec = z.infer<typeof splitSpecSchema>;

export const trainingSetSpecSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    /** Entities of a schedule spine; or `universe`: every symbol with bars, or the features' universes. */
    entities: z.array(ENTITY).min(1).max(10_000).nullable().default(null),
    universe: z.enum(['bars', 'features']).nullable().default(null),
    spine: spineSpecSchema,
    /**
     * `name@version`, or a bare `name` (the rule of materializeFeatures and onlineFeatures): a bare
     * name is pinned to the feature's latest version when the set is created.
     */
    features: z
      .array(z.string().refine((r) => parseFeatureRef(r) !== null, 'expected a feature name or name@version'))
      .max(2_000)
      .default([]),
    featureSets: z.array(z.string().min(1).max(63)).max(20).default([]),
    labels: z.array(labelSpecSchema).max(20).default([]),
    /** Bars the labels read. */
    labelInterval: z.enum(['1d', '1h']).default('1d'),
    /** Session dates [from, to] of a schedule spine; for other spines every row must fall in [from, to + 1 day). */
    period: z.object({ from: isoDate, to: isoDate }).nullable().default(null),
    split: splitSpecSchema.nullable().default(null),
  })
  .superRefine((s, ctx) => {
    if (s.spine.kind === 'schedule') {
      if ((s.entities === null) === (s.universe === null)) {
        ctx.addIssue({ code: 'custom', message: 'a schedule spine needs exactly one of entities or universe' });
      }
      if (!s.period) ctx.addIssue({ code: 'custom', message: 'a schedule spine needs a period' });
    } else if (s.entities !== null || s.universe !== null) {
      ctx.addIssue({
        code: 'custom',
        message: 'entities and universe apply to schedule spines; other spines name their entities',
      });
    }
    if (s.period && s.period.from > s.period.to)
      ctx.addIssue({ code: 'custom', message: 'period.from is after period.to' });
    if (s.features.length + s.featureSets.length + s.labels.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'a training set needs features, a feature set or labels' });
    }
    const names = s.labels.map((l) => l.name);
    if (new Set(names).size !== names.length) ctx.addIssue({ code: 'custom', message: 'label names repeat' });
  });
export type TrainingSetSpec = z.infer<typeof trainingSetSpecSchema>;
export type TrainingSetSpecInput = z.input<typeof trainingSetSpecSchema>;

/** One output column. Keys first (row_no, entity, t), then split, features, labels. */
export interface OutputColumn {
  readonly name: string;
  readonly type: 'BIGINT' | 'VARCHAR' | 'TIMESTAMPTZ' | 'DOUBLE';
  readonly kind: 'key' | 'split' | 'feature' | 'label';
  /** `name@version` for a feature column; the label name for a label column. */
  readonly source: string | null;
}

export type { LabelSpec };
