import type { AltDatasetField, AltEventTime, AltPublicationRule } from '@alphagraph/db/schema/alt';
import { z } from 'zod';

/**
 * Names the observation layout itself uses (see modules/observations/layout.ts); a dataset field
 * may not take one.
 */
export const RESERVED_FIELD_NAMES = ['entity', 'event_time', 'seq', 'available_at', 'batch_id'] as const;

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const datasetFieldSchema = z
  .object({
    name: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'field names are lower_snake_case')
      .refine((n) => !(RESERVED_FIELD_NAMES as readonly string[]).includes(n), {
        message: `field names may not be one of ${RESERVED_FIELD_NAMES.join(', ')}`,
      }),
    type: z.enum(['float', 'int', 'string', 'boolean']),
    description: z.string().min(1),
    unit: z.string().nullish(),
    minimum: z.number().finite().nullish(),
    maximum: z.number().finite().nullish(),
    required: z.boolean().optional(),
  })
  .refine((f) => f.minimum == null || f.maximum == null || f.minimum <= f.maximum, {
    message: 'minimum is above maximum',
  })
  .refine((f) => (f.minimum == null && f.maximum == null) || f.type === 'float' || f.type === 'int', {
    message: 'only numeric fields have an allowed range',
  }) satisfies z.ZodType<AltDatasetField>;

export const datasetFieldsSchema = z
  .array(datasetFieldSchema)
  .min(1, 'a dataset declares at least one value field')
  .refine((fs) => new Set(fs.map((f) => f.name)).size === fs.length, { message: 'field names repeat' });

export const publicationRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event_time') }),
  z.object({
    kind: z.literal('local_time'),
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM'),
    timeZone: z.string().refine(isTimeZone, { message: 'timeZone must be an IANA time zone' }),
  }),
]) satisfies z.ZodType<AltPublicationRule>;

export const eventTimeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('point') }),
  z.object({ kind: z.literal('period'), periodSeconds: z.number().int().positive().max(2_147_483_647) }).strict(),
]) satisfies z.ZodType<AltEventTime>;

export type DatasetField = z.output<typeof datasetFieldSchema>;
export type PublicationRule = z.output<typeof publicationRuleSchema>;

/** The availability rule in words, e.g. "16:15 America/New_York on the event date + 0 s". */
export function describeAvailability(rule: PublicationRule, latencySeconds: number): string {
  const base = rule.kind === 'event_time' ? 'event time' : `${rule.time} ${rule.timeZone} on the event date`;
  return `available_at = ${base} + ${latencySeconds} s`;
}
