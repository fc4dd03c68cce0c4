import type { Db } from '@alphagraph/db';
import { altDatasets, altDatasetVersions, vendors } from '@alphagraph/db/schema/alt';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { datasetFieldsSchema, eventTimeSchema } from '../datasets/spec.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import type { ObservationStore } from '../observations/store.ts';
import { ruleOverridesSchema } from './rules.ts';

export interface UserErrorModel {
  readonly code: string;
  readonly message: string;
  readonly field: string | null;
}

export const registrationSchema = z.object({
  vendor: z.string().trim().min(1).max(200),
  vendorWebsite: z.string().url().nullish(),
  name: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,55}$/, 'dataset names are lower_snake_case, at most 56 characters')
    .refine((n) => !n.includes('__'), { message: 'dataset names may not contain "__" (it names lake versions)' }),
  description: z.string().trim().min(1, 'describe the dataset').max(4000),
  licence: z.string().trim().min(1, 'state the licence terms').max(2000),
  licensed: z.boolean(),
  entityKind: z.enum(['instrument', 'market', 'key']),
  fields: datasetFieldsSchema,
  latencySeconds: z.number().int().min(0).max(2_147_483_647),
  cadenceSeconds: z.number().int().positive().max(2_147_483_647).nullish(),
  eventTime: eventTimeSchema.default({ kind: 'point' }),
  rules: ruleOverridesSchema.default({}),
});
export type RegistrationInput = z.input<typeof registrationSchema>;

export type RegistrationOutcome =
  | { readonly ok: true; readonly created: boolean; readonly newVersion: boolean; readonly dataset: DatasetRecord }
  | { readonly ok: false; readonly error: UserErrorModel };

/** Fields compare by everything a reader relies on: a change of any of these is a new version. */
const schemaKey = (fields: readonly unknown[]) =>
  JSON.stringify(
    z
      .array(
        z.object({
          name: z.string(),
          type: z.string(),
          unit: z.string().nullish(),
          minimum: z.number().nullish(),
          maximum: z.number().nullish(),
          required: z.boolean().optional(),
        }),
      )
      .parse(fields)
      .map((f) => [f.name, f.type, f.unit ?? null, f.minimum ?? null, f.maximum ?? null, f.required ?? false]),
  );

/**
 * Registers a dataset, or updates a registered one's declared metadata. A changed schema (field
 * names, types, units, ranges, requiredness) is a new version with its own lake dataset; rows
 * written under the old version stay there with it. The vendor is created when it is new.
 */
export async function registerDataset(
  deps: { db: Db; observations: ObservationStore },
  input: RegistrationInput,
  actor: string,
): Promise<RegistrationOutcome> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || null;
    return {
      ok: false,
      error: { code: 'BAD_INPUT', field, message: field ? `${field}: ${issue.message}` : issue.message },
    };
  }
  const d = parsed.data;
  const result = await deps.db.transaction(async (tx): Promise<RegistrationOutcome> => {
    await tx
      .insert(vendors)
      .values({ name: d.vendor, website: d.vendorWebsite ?? null, licence: d.licence })
      .onConflictDoNothing({ target: vendors.name });
    const [vendor] = await tx.select().from(vendors).where(eq(vendors.name, d.vendor));
    const [existing] = await tx.select().from(altDatasets).where(eq(altDatasets.name, d.name)).for('update');
    const declared = {
      description: d.description,
      licence: d.licence,
      licensed: d.licensed,
      latencySeconds: d.latencySeconds,
      cadenceSeconds: d.cadenceSeconds ?? null,
      eventTime: d.eventTime,
      // Only the rules the dataset sets (an absent one keeps its default).
      rules: Object.fromEntries(
        Object.entries(d.rules).filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== undefined),
      ),
      fields: d.fields,
    };
    if (!existing) {
      const [row] = await tx
        .insert(altDatasets)
        .values({ name: d.name, vendorId: vendor!.id, entityKind: d.entityKind, version: 1, ...declared })
        .returning();
      await tx
        .insert(altDatasetVersions)
        .values({ datasetId: row!.id, version: 1, fields: d.fields, createdBy: actor });
      return { ok: true, created: true, newVersion: true, dataset: row! };
    }
    if (existing.vendorId !== vendor!.id) {
      return {
        ok: false,
        error: { code: 'CONFLICT', field: 'vendor', message: `dataset ${d.name} is supplied by another vendor` },
      };
    }
    if (existing.entityKind !== d.entityKind) {
      return {
        ok: false,
        error: {
          code: 'CONFLICT',
          field: 'entityKind',
          message: `dataset ${d.name} is keyed by ${existing.entityKind}; a different entity kind is a different dataset`,
        },
      };
    }
    const newVersion = schemaKey(existing.fields) !== schemaKey(d.fields);
    const version = newVersion ? existing.version + 1 : existing.version;
    if (newVersion) {
      // Datasets loaded before versions were recorded have no row for their first schema.
      await tx
        .insert(altDatasetVersions)
        .values({ datasetId: existing.id, version: existing.version, fields: existing.fields, createdBy: 'system' })
        .onConflictDoNothing();
      await tx
        .insert(altDatasetVersions)
        .values({ datasetId: existing.id, version, fields: d.fields, createdBy: actor });
    } else {
      // Descriptions of unchanged fields may still be edited.
      await tx
        .update(altDatasetVersions)
        .set({ fields: d.fields })
        .where(and(eq(altDatasetVersions.datasetId, existing.id), eq(altDatasetVersions.version, version)));
    }
    const [row] = await tx
      .update(altDatasets)
      .set({ ...declared, version })
      .where(eq(altDatasets.id, existing.id))
      .returning();
    return { ok: true, created: false, newVersion, dataset: row! };
  });
  // The lake dataset of the (new) version exists before any observation is pushed to it.
  if (result.ok) await deps.observations.register(result.dataset);
  return result;
}

/** Every schema version of a dataset, oldest first (a dataset never re-registered has its one). */
export async function datasetVersions(
  db: Db,
  dataset: DatasetRecord,
): Promise<{ version: number; fields: DatasetRecord['fields']; createdAt: Date | null; createdBy: string | null }[]> {
  const rows = await db
    .select()
    .from(altDatasetVersions)
    .where(eq(altDatasetVersions.datasetId, dataset.id))
    .orderBy(altDatasetVersions.version);
  if (rows.length === 0)
    return [{ version: dataset.version, fields: dataset.fields, createdAt: dataset.createdAt, createdBy: null }];
  return rows.map((r) => ({ version: r.version, fields: r.fields, createdAt: r.createdAt, createdBy: r.createdBy }));
}
