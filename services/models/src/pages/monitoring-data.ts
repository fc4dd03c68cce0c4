import type { ModelRecord, ModelStore } from '../modules/models/store.ts';
import type { AlertRecord } from '../modules/monitoring/alerts.ts';
import type { MonitorReportModel } from '../modules/monitoring/job.ts';
import type { MonitoringProvider } from '../modules/monitoring/module.ts';
import type { MonitorSettings } from '../modules/monitoring/settings.ts';
import { SIGNAL_STAGES } from '../modules/monitoring/signals.ts';
import type { VersionStore } from '../modules/versions/store.ts';

/** How many evaluations and alerts the page shows (the newest). */
export const PAGE_REPORTS = 500;
export const PAGE_ALERTS = 200;

/** The headline metrics charted per task: live as a line, validation as a reference line. */
export const HEADLINE_METRICS = {
  classification: [
    { key: 'accuracy', label: 'Accuracy' },
    { key: 'rocAuc', label: 'ROC AUC' },
  ],
  regression: [
    { key: 'ic', label: 'IC' },
    { key: 'rmse', label: 'RMSE' },
  ],
} as const;

type MetricKey = (typeof HEADLINE_METRICS)[keyof typeof HEADLINE_METRICS][number]['key'];

export interface PageEvaluation {
  readonly asOf: string;
  readonly stage: string;
  readonly outcomes: number;
  readonly live: Partial<Record<MetricKey, number | null>>;
  readonly validation: Partial<Record<MetricKey, number | null>>;
  readonly volume: number;
  readonly volumeBand: readonly [number, number] | null;
  readonly cumulativePnl: number | null;
  readonly drift: readonly {
    readonly feature: string;
    readonly psi: number | null;
    readonly method: string;
    readonly statistic: number | null;
    readonly pValue: number | null;
    readonly drifted: boolean;
    readonly psiAlert: boolean;
  }[];
}

export interface PageVersion {
  readonly number: number;
  readonly stage: string;
  readonly evaluations: readonly PageEvaluation[];
}

export interface PageAlert {
  readonly id: string;
  readonly version: number | null;
  readonly rule: string;
  readonly severity: string;
  readonly message: string;
  readonly evidence: unknown;
  readonly asOf: string;
  readonly raisedAt: string;
  readonly killSwitchPulled: boolean;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgement: string | null;
}

/** What the monitoring page draws (window.PAGE_DATA), all from the monitor's own stores. */
export interface MonitoringPageData {
  readonly model: string;
  readonly task: ModelRecord['task'];
  readonly killed: boolean;
  readonly metrics: readonly { key: MetricKey; label: string }[];
  readonly versions: readonly PageVersion[];
  readonly alerts: readonly PageAlert[];
  readonly thresholds: Pick<
    MonitorSettings,
    | 'psiThreshold'
    | 'ksPValue'
    | 'wassersteinThreshold'
    | 'minDriftSamples'
    | 'volumeLower'
    | 'volumeUpper'
    | 'volumeLookbackSessions'
    | 'metricMargin'
    | 'icMargin'
    | 'windowSessions'
  >;
  /** The caller may acknowledge alerts (acknowledgeAlert's roles). */
  readonly canAcknowledge: boolean;
}

const pick = (values: object, keys: readonly MetricKey[]) =>
  Object.fromEntries(keys.map((k) => [k, (values as Record<string, number | null>)[k] ?? null]));

function evaluationOf(r: MonitorReportModel, keys: readonly MetricKey[]): PageEvaluation {
  return {
    asOf: new Date(r.asOf).toISOString(),
    stage: r.stage,
    outcomes: r.live.outcomes,
    live: pick(r.live.live, keys),
    validation: pick(r.live.validation, keys),
    volume: r.volume,
    volumeBand: r.volumeBand,
    cumulativePnl: r.cumulativePnl,
    drift: r.drift.map((d) => ({
      feature: d.feature,
      psi: d.psi,
      method: d.method,
      statistic: d.statistic,
      pValue: d.pValue,
      drifted: d.drifted,
      psiAlert: d.psiAlert,
    })),
  };
}

const alertOf = (a: AlertRecord): PageAlert => ({
  id: a.id,
  version: a.version,
  rule: a.rule.toUpperCase(),
  severity: a.severity.toUpperCase(),
  message: a.message,
  evidence: a.evidence,
  asOf: a.asOf.toISOString(),
  raisedAt: a.raisedAt.toISOString(),
  killSwitchPulled: a.killed === 1,
  acknowledgedBy: a.acknowledgedBy,
  acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
  acknowledgement: a.acknowledgement,
});

/**
 * The monitoring page's data for a model: its deployed versions (PRODUCTION, CANARY, PAPER) with
 * their stored evaluations (the monitor's `reports()`, oldest first), the model's alerts (newest
 * first) and its alert settings. Null when no model has that name.
 */
export async function loadMonitoringPageData(
  deps: { models: ModelStore; versions: VersionStore; monitoring: MonitoringProvider },
  name: string,
  options: { canAcknowledge: boolean },
): Promise<MonitoringPageData | null> {
  const [model] = await deps.models.byNames([name]);
  if (!model) return null;
  const metrics = HEADLINE_METRICS[model.task];
  const keys = metrics.map((m) => m.key);
  const deployed = (await deps.versions.ofModels([model.id]))
    .filter((v) => v.status === 'ready' && (SIGNAL_STAGES as readonly string[]).includes(v.stage))
    .sort((a, b) => SIGNAL_STAGES.indexOf(a.stage as never) - SIGNAL_STAGES.indexOf(b.stage as never));
  const [reports, alerts, settings] = await Promise.all([
    deps.monitoring.monitor.reports(model.id, { version: null, last: PAGE_REPORTS }),
    deps.monitoring.alerts.ofModel(model.id, { unacknowledgedOnly: false, last: PAGE_ALERTS }),
    deps.monitoring.settings.of(model.id),
  ]);
  return {
    model: model.name,
    task: model.task,
    killed: model.killedAt !== null,
    metrics,
    versions: deployed.map((v) => ({
      number: v.number,
      stage: v.stage,
      evaluations: reports.filter((r) => r.version === v.number).map((r) => evaluationOf(r, keys)),
    })),
    alerts: alerts.map(alertOf),
    thresholds: {
      psiThreshold: settings.psiThreshold,
      ksPValue: settings.ksPValue,
      wassersteinThreshold: settings.wassersteinThreshold,
      minDriftSamples: settings.minDriftSamples,
      volumeLower: settings.volumeLower,
      volumeUpper: settings.volumeUpper,
      volumeLookbackSessions: settings.volumeLookbackSessions,
      metricMargin: settings.metricMargin,
      icMargin: settings.icMargin,
      windowSessions: settings.windowSessions,
    },
    canAcknowledge: options.canAcknowledge,
  };
}
