import { predictionLogDataset } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { monitorReports, predictionOutcomes } from '@alphagraph/db/schema/models';
import type { Lake } from '@alphagraph/lake';
import { DriftError, driftTest, type ReferenceProfile, type Task } from '@alphagraph/ml';
import { DomainError } from '@alphagraph/service';
import { and, asc, desc, eq, lt, lte } from 'drizzle-orm';
import type { ModelRecord, ModelStore } from '../models/store.ts';
import type { Predictor } from '../versions/evaluate.ts';
import type { VersionRecord, VersionStore } from '../versions/store.ts';
import type { AlertDraft, AlertRecord, AlertStore } from './alerts.ts';
import { fromSplitMetrics, type LiveWindow, liveWindow, type MetricValues } from './live-metrics.ts';
import { joinOutcomes, type LabelReader } from './outcomes.ts';
import type { PredictionLog } from './prediction-log.ts';
import { referenceOf } from './reference.ts';
import type { MonitorSettings, SettingsStore } from './settings.ts';
import { SIGNAL_STAGES } from './signals.ts';

export interface DriftRow {
  readonly feature: string;
  readonly method: string;
  readonly statistic: number | null;
  readonly pValue: number | null;
  readonly threshold: number;
  readonly drifted: boolean;
  readonly psi: number | null;
  readonly psiThreshold: number;
  /** PSI above psiThreshold. */
  readonly psiAlert: boolean;
  readonly referenceCount: number;
  readonly currentCount: number;
}

/** ModelVersion.liveMetrics and MonitorReport.live. */
export type LiveMetricsModel = LiveWindow & { readonly version: number; readonly validation: MetricValues };

/** One stored evaluation (models.monitor_reports.report). */
export interface ReportBody {
  readonly live: LiveMetricsModel;
  readonly drift: readonly DriftRow[];
  readonly volume: number;
  readonly volumeBand: readonly [number, number] | null;
  readonly cumulativePnl: number | null;
  readonly staleFraction: number | null;
  /** The rules in breach at this evaluation: an alert is raised when one enters this list. */
  readonly breaches: readonly string[];
}

export interface MonitorReportModel extends ReportBody {
  readonly version: number;
  readonly stage: string;
  readonly asOf: Date;
}

export interface MonitoringRunModel {
  readonly model: string;
  readonly asOf: Date;
  readonly flushed: number;
  readonly joined: number;
  readonly reports: readonly MonitorReportModel[];
  readonly alerts: readonly AlertRecord[];
}

export interface MonitorDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly models: ModelStore;
  readonly versions: VersionStore;
  readonly log: PredictionLog;
  readonly alerts: AlertStore;
  readonly settings: SettingsStore;
  readonly labels: LabelReader;
  readonly predictorOf: (version: VersionRecord, task: ModelRecord['task']) => Promise<Predictor>;
  /** Pulls the kill switch for a critical alert, recorded like a manual one. */
  readonly kill: (model: ModelRecord, reason: string) => Promise<void>;
}

const sessionOf = (d: Date) => d.toISOString().slice(0, 10);

/** Current values per PSI bin before a PSI is judged (20 per bin: 200 for the default deciles). */
export const PSI_MIN_PER_BIN = 20;

interface LogRow {
  entity: string;
  session: string;
  prediction: number | null;
  probability: number | null;
  status: string;
  features: string | null;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * The monitoring job (issue 14 items 3-5): flushes the model's prediction log, joins outcomes
 * whose labels became knowable, evaluates each deployed version at `asOf` (live metrics beside
 * validation, drift against the training distribution, volume, stale features, P&L), stores the
 * evaluation, and raises an alert for each rule that has entered breach since the version's
 * previous evaluation. The scheduler runs it with asOf = now; a replay runs it at its clock.
 */
export function createMonitor(deps: MonitorDeps) {
  /** A version's outcomes whose labels were knowable at asOf, by session. */
  const outcomesOf = (model: ModelRecord, version: VersionRecord, asOf: Date) =>
    deps.db
      .select()
      .from(predictionOutcomes)
      .where(
        and(
          eq(predictionOutcomes.modelId, model.id),
          eq(predictionOutcomes.version, version.number),
          lte(predictionOutcomes.knownAt, asOf),
        ),
      )
      .orderBy(asc(predictionOutcomes.session));

  /** The version's logged rows the rules look at: up to asOf, back as far as the longest window needs. */
  async function logRows(
    model: ModelRecord,
    version: number,
    asOf: Date,
    settings: MonitorSettings,
  ): Promise<LogRow[]> {
    const snapshot = await deps.lake.currentSnapshot(predictionLogDataset(model.name).name).catch(() => null);
    if (!snapshot) return [];
    // Sessions to calendar days, generously (weekends, holidays): 2 days per session plus a week.
    const days = 2 * Math.max(settings.windowSessions, settings.volumeLookbackSessions) + 7;
    return deps.lake.query<LogRow>(
      `SELECT entity, strftime(timezone('UTC', t), '%Y-%m-%d') AS session, prediction, probability, status,
              CAST(to_json(map(feature_refs, features)) AS VARCHAR) AS features
       FROM ${deps.lake.scan(snapshot)}
       WHERE version = $1 AND t <= $2::TIMESTAMPTZ AND t > $2::TIMESTAMPTZ - to_days(CAST($3 AS INTEGER))`,
      [version, asOf, days],
    );
  }

  function driftOf(
    task: Task,
    reference: Awaited<ReturnType<typeof referenceOf>>,
    rows: readonly LogRow[],
    settings: MonitorSettings,
  ): DriftRow[] {
    const out: DriftRow[] = [];
    // The current sample: one row per (entity, session) scored OK, the latest sessions first,
    // until minDriftSamples rows are in (at most windowSessions sessions).
    const bySession = new Map<string, Map<string, LogRow>>();
    for (const r of rows) {
      if (r.status !== 'OK' || r.prediction === null) continue;
      const s = bySession.get(r.session) ?? new Map<string, LogRow>();
      s.set(r.entity, r);
      bySession.set(r.session, s);
    }
    const sample: LogRow[] = [];
    const sessions = [...bySession.keys()].sort().reverse().slice(0, settings.windowSessions);
    for (const s of sessions) {
      sample.push(...bySession.get(s)!.values());
      if (sample.length >= settings.minDriftSamples) break;
    }
    if (sample.length < settings.minDriftSamples) return out;
    const options = {
      ksPValueThreshold: settings.ksPValue,
      wassersteinThreshold: settings.wassersteinThreshold,
      psiAlertThreshold: settings.psiThreshold,
    };
    const test = (feature: string, profile: ReferenceProfile, values: Float64Array) => {
      try {
        const d = driftTest(profile, values, options);
        // PSI is biased upward on small samples (about (bins - 1) / n with no drift at all): it is
        // judged only once the current sample has PSI_MIN_PER_BIN values per bin.
        const judged = d.nCur >= PSI_MIN_PER_BIN * profile.proportions.length;
        out.push(toRow(feature, { ...d, psiAlert: d.psiAlert && judged }, settings));
      } catch (error) {
        // A column with no finite current value (every value missing) has no distribution to test.
        if (!(error instanceof DriftError)) throw error;
      }
    };
    const parsed = sample.map((r) => (r.features ? (JSON.parse(r.features) as Record<string, number | null>) : {}));
    const column = (values: (number | null | undefined)[]) =>
      Float64Array.from(values, (v) => (v === null || v === undefined ? Number.NaN : Number(v)));
    for (const [ref, profile] of Object.entries(reference.features)) {
      test(ref, profile, column(parsed.map((p) => p[ref])));
    }
    const predicted = column(
      sample.map((r) => (task === 'classification' ? (r.probability ?? r.prediction) : r.prediction)),
    );
    test('prediction', reference.prediction, predicted);
    return out;
  }

  function toRow(feature: string, d: ReturnType<typeof driftTest>, settings: MonitorSettings): DriftRow {
    return {
      feature,
      method: d.method,
      statistic: d.statistic,
      pValue: d.pValue ?? null,
      threshold: d.threshold,
      drifted: d.drifted,
      psi: d.psi,
      psiThreshold: settings.psiThreshold,
      psiAlert: d.psiAlert,
      referenceCount: d.nRef,
      currentCount: d.nCur,
    };
  }

  async function evaluate(
    model: ModelRecord,
    version: VersionRecord,
    asOf: Date,
    settings: MonitorSettings,
  ): Promise<{ report: MonitorReportModel; drafts: AlertDraft[] }> {
    const task = model.task;
    const outcomes = await outcomesOf(model, version, asOf);
    const live = liveWindow(task, outcomes, settings.windowSessions);
    const all = liveWindow(task, outcomes, Number.MAX_SAFE_INTEGER);
    const validation = fromSplitMetrics(task, version.result?.metrics.validation);
    const rows = await logRows(model, version.number, asOf, settings);
    const reference = await referenceOf(deps, model, version);
    const drift = driftOf(task, reference, rows, settings);
    const session = sessionOf(asOf);
    const today = rows.filter((r) => r.session === session);
    const volume = today.filter((r) => r.prediction !== null).length;
    const previous = new Map<string, number>();
    for (const r of rows) {
      if (r.session < session && r.prediction !== null) previous.set(r.session, (previous.get(r.session) ?? 0) + 1);
    }
    const lookback = [...previous.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .slice(-settings.volumeLookbackSessions);
    const typical = lookback.length >= 5 ? median(lookback.map(([, n]) => n)) : null;
    const volumeBand: [number, number] | null =
      typical === null ? null : [typical * settings.volumeLower, typical * settings.volumeUpper];
    const stale = today.filter((r) => r.status === 'FEATURE_EXPIRED' || r.status === 'FEATURE_MISSING').length;
    const staleFraction = today.length > 0 ? stale / today.length : null;

    const drafts: (AlertDraft & { key: string })[] = [];
    const add = (key: string, d: Omit<AlertDraft, 'asOf' | 'dedupeKey' | 'version'>) =>
      drafts.push({ ...d, key, version: version.number, asOf, dedupeKey: `${key}@${asOf.toISOString()}` });
    const window = { from: live.from, to: live.to, sessions: settings.windowSessions, outcomes: live.outcomes };
    if (live.outcomes >= settings.minOutcomes) {
      if (task === 'classification') {
        for (const metric of ['accuracy', 'rocAuc'] as const) {
          const v = live.live[metric];
          const base = validation[metric];
          if (v !== null && base !== null && base - v > settings.metricMargin) {
            add(`metric_drop:v${version.number}:${metric}`, {
              rule: 'metric_drop',
              severity: 'critical',
              message: `live ${metric} ${v.toFixed(3)} is ${(base - v).toFixed(3)} below validation ${base.toFixed(3)} (margin ${settings.metricMargin})`,
              evidence: { metric, window, value: v, validation: base, threshold: base - settings.metricMargin },
            });
          }
        }
      } else if (live.live.ic !== null && validation.ic !== null && validation.ic - live.live.ic > settings.icMargin) {
        add(`ic_drop:v${version.number}`, {
          rule: 'ic_drop',
          severity: 'critical',
          message: `live IC ${live.live.ic.toFixed(3)} is ${(validation.ic - live.live.ic).toFixed(3)} below validation ${validation.ic.toFixed(3)}`,
          evidence: {
            metric: 'ic',
            window,
            value: live.live.ic,
            validation: validation.ic,
            threshold: validation.ic - settings.icMargin,
          },
        });
      }
    }
    for (const d of drift) {
      if (!d.drifted && !d.psiAlert) continue;
      const isPrediction = d.feature === 'prediction';
      add(`${isPrediction ? 'prediction_drift' : 'feature_drift'}:v${version.number}:${d.feature}`, {
        rule: isPrediction ? 'prediction_drift' : 'feature_drift',
        severity: 'warning',
        message: `${isPrediction ? 'the prediction' : `feature ${d.feature}`} drifted from the training distribution: ${d.method} ${
          d.statistic?.toPrecision(3) ?? 'n/a'
        }${d.pValue !== null ? ` (p ${d.pValue.toPrecision(3)})` : ''}, PSI ${d.psi?.toFixed(3) ?? 'n/a'}`,
        evidence: {
          metric: d.method,
          feature: d.feature,
          value: d.statistic,
          pValue: d.pValue,
          threshold: d.threshold,
          psi: d.psi,
          psiThreshold: settings.psiThreshold,
          current: d.currentCount,
          reference: d.referenceCount,
        },
      });
    }
    if (volumeBand && (volume < volumeBand[0] || volume > volumeBand[1])) {
      add(`prediction_volume:v${version.number}`, {
        rule: 'prediction_volume',
        severity: 'warning',
        message: `${volume} predictions in session ${session}, outside the normal band [${volumeBand[0]}, ${volumeBand[1]}]`,
        evidence: { metric: 'volume', session, value: volume, band: volumeBand, lookbackSessions: lookback.length },
      });
    }
    if (live.losingStreak >= settings.losingStreak) {
      add(`losing_streak:v${version.number}`, {
        rule: 'losing_streak',
        severity: 'critical',
        message: `${live.losingStreak} losing sessions in a row following the signal (limit ${settings.losingStreak})`,
        evidence: {
          metric: 'losing_streak',
          value: live.losingStreak,
          threshold: settings.losingStreak,
          sessions: live.sessions.slice(-live.losingStreak),
        },
      });
    }
    if (staleFraction !== null && staleFraction > settings.staleFraction) {
      add(`stale_features:v${version.number}`, {
        rule: 'stale_features',
        severity: 'warning',
        message: `${(staleFraction * 100).toFixed(0)}% of session ${session}'s signals had EXPIRED or MISSING features`,
        evidence: { metric: 'stale_fraction', session, value: staleFraction, threshold: settings.staleFraction },
      });
    }

    // The evaluation just before this instant (not the latest: a replay or an audit may evaluate
    // an instant earlier than one already evaluated).
    const [before] = await deps.db
      .select({ report: monitorReports.report })
      .from(monitorReports)
      .where(
        and(
          eq(monitorReports.modelId, model.id),
          eq(monitorReports.version, version.number),
          lt(monitorReports.asOf, asOf),
        ),
      )
      .orderBy(desc(monitorReports.asOf))
      .limit(1);
    const wasBreached = new Set(((before?.report as ReportBody | undefined)?.breaches ?? []) as string[]);
    const body: ReportBody = {
      live: { ...live, version: version.number, validation },
      drift,
      volume,
      volumeBand,
      cumulativePnl: all.outcomes > 0 ? all.pnl : null,
      staleFraction,
      breaches: drafts.map((d) => d.key),
    };
    await deps.db
      .insert(monitorReports)
      .values({ modelId: model.id, version: version.number, stage: version.stage, asOf, report: body as never })
      .onConflictDoUpdate({
        target: [monitorReports.modelId, monitorReports.version, monitorReports.asOf],
        set: { report: body as never, stage: version.stage, createdAt: new Date() },
      });
    return {
      report: { ...body, version: version.number, stage: version.stage, asOf },
      drafts: drafts.filter((d) => !wasBreached.has(d.key)).map(({ key: _key, ...d }) => d),
    };
  }

  return {
    async run(name: string, asOfArg: Date | null): Promise<MonitoringRunModel> {
      const asOf = asOfArg ?? new Date();
      if (asOf.getTime() > Date.now()) {
        throw new DomainError('BAD_USER_INPUT', `runMonitoring: asOf ${asOf.toISOString()} is in the future`);
      }
      const [model] = await deps.models.byNames([name]);
      if (!model) throw new DomainError('NOT_FOUND', `runMonitoring: no model is named ${name}`);
      const settings = await deps.settings.of(model.id);
      const flushed = await deps.log.flush(model);
      const versions = await deps.versions.ofModels([model.id]);
      const joined = await joinOutcomes(deps, model, versions, asOf);
      const deployed = versions.filter(
        (v) => v.status === 'ready' && (SIGNAL_STAGES as readonly string[]).includes(v.stage),
      );
      const reports: MonitorReportModel[] = [];
      const drafts: AlertDraft[] = [];
      for (const v of deployed) {
        const r = await evaluate(model, v, asOf, settings);
        reports.push(r.report);
        drafts.push(...r.drafts);
      }
      const raised = await deps.alerts.raise(model.id, drafts, settings);
      const critical = raised.find((a) => a.severity === 'critical');
      if (critical && settings.killOnCritical && !model.killedAt) {
        await deps.kill(model, `automatic: critical alert ${critical.rule} (${critical.id}): ${critical.message}`);
        await deps.alerts.markKilled(critical.id);
        Object.assign(critical, { killed: 1 });
      }
      return { model: model.name, asOf, flushed, joined, reports, alerts: raised };
    },

    /** Stored evaluations of a model, oldest first. */
    async reports(modelId: string, options: { version: number | null; last: number }): Promise<MonitorReportModel[]> {
      const rows = await deps.db
        .select()
        .from(monitorReports)
        .where(
          and(
            eq(monitorReports.modelId, modelId),
            options.version === null ? undefined : eq(monitorReports.version, options.version),
          ),
        )
        .orderBy(desc(monitorReports.asOf))
        .limit(options.last);
      return rows
        .reverse()
        .map((r) => ({ ...(r.report as unknown as ReportBody), version: r.version, stage: r.stage, asOf: r.asOf }));
    },

    /** Live metrics of a version on demand (ModelVersion.liveMetrics). */
    async liveMetrics(model: ModelRecord, version: VersionRecord, windowSessions: number, asOf: Date) {
      if (!Number.isInteger(windowSessions) || windowSessions < 1 || windowSessions > 1_000) {
        throw new DomainError('BAD_USER_INPUT', `liveMetrics: windowSessions must be 1..1000 (got ${windowSessions})`);
      }
      const outcomes = await outcomesOf(model, version, asOf);
      const live = liveWindow(model.task, outcomes, windowSessions);
      return {
        ...live,
        version: version.number,
        validation: fromSplitMetrics(model.task, version.result?.metrics.validation),
      };
    },
  };
}
export type Monitor = ReturnType<typeof createMonitor>;
