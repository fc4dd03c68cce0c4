import type { Db } from '@alphagraph/db';
import { monitorSettings } from '@alphagraph/db/schema/models';
import { DomainError } from '@alphagraph/service';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';

/**
 * A model's alert rules. Defaults: drift per Evidently's defaults for numerical columns (KS p <= 0.05
 * when the reference has at most 1,000 values, normed Wasserstein >= 0.1 above it), PSI
 * above 0.2 (the usual "significant shift" bound; Evidently's own PSI default is 0.1), live metrics
 * judged on 20-session windows once 30 outcomes are in, 5 losing sessions in a row.
 */
export const settingsSchema = z
  .object({
    windowSessions: z.number().int().min(1).max(1_000).default(20),
    minOutcomes: z.number().int().min(1).max(1_000_000).default(30),
    metricMargin: z.number().min(0).max(1).default(0.05),
    icMargin: z.number().min(0).max(2).default(0.05),
    psiThreshold: z.number().positive().max(100).default(0.2),
    ksPValue: z.number().gt(0).lt(1).default(0.05),
    wassersteinThreshold: z.number().positive().max(100).default(0.1),
    minDriftSamples: z.number().int().min(2).max(1_000_000).default(100),
    volumeLower: z.number().min(0).max(1).default(0.5),
    volumeUpper: z.number().min(1).max(1_000).default(2),
    volumeLookbackSessions: z.number().int().min(2).max(1_000).default(20),
    losingStreak: z.number().int().min(1).max(1_000).default(5),
    staleFraction: z.number().min(0).max(1).default(0.2),
    killOnCritical: z.boolean().default(false),
    webhookUrl: z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'webhookUrl must be an http(s) URL')
      .nullable()
      .default(null),
    natsSubject: z
      .string()
      .regex(
        /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/,
        'natsSubject must be dot-separated tokens of letters, digits, _ and -',
      )
      .nullable()
      .default(null),
  })
  .strict();
export type MonitorSettings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: MonitorSettings = settingsSchema.parse({});

export function createSettingsStore(db: Db) {
  async function forModels(ids: readonly string[]): Promise<Map<string, MonitorSettings>> {
    const rows = ids.length
      ? await db
          .select()
          .from(monitorSettings)
          .where(inArray(monitorSettings.modelId, [...ids]))
      : [];
    const stored = new Map(rows.map((r) => [r.modelId, r.config]));
    return new Map(ids.map((id) => [id, settingsSchema.parse(stored.get(id) ?? {})]));
  }
  return {
    forModels,
    async of(modelId: string): Promise<MonitorSettings> {
      return (await forModels([modelId])).get(modelId)!;
    },
    /** Merges `changes` (undefined fields keep their value) and stores the whole, validated. */
    async update(modelId: string, changes: Record<string, unknown>, actor: string): Promise<MonitorSettings> {
      const current = (await forModels([modelId])).get(modelId)!;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const parsed = settingsSchema.safeParse({ ...current, ...defined });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new DomainError('BAD_USER_INPUT', `configureMonitoring: ${issue.path.join('.')}: ${issue.message}`);
      }
      if (parsed.data.volumeLower >= parsed.data.volumeUpper) {
        throw new DomainError('BAD_USER_INPUT', 'configureMonitoring: volumeLower must be below volumeUpper');
      }
      await db
        .insert(monitorSettings)
        .values({ modelId, config: parsed.data, updatedBy: actor })
        .onConflictDoUpdate({
          target: monitorSettings.modelId,
          set: { config: parsed.data, updatedBy: actor, updatedAt: new Date() },
        });
      return parsed.data;
    },
  };
}
export type SettingsStore = ReturnType<typeof createSettingsStore>;
