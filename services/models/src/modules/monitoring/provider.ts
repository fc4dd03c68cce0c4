import { scopesForRoles } from '@alphagraph/auth';
import { defaultSubgraphUrl } from '@alphagraph/config';
import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import type { Logger } from '@alphagraph/service';
import { pollingSource, type RequestScope } from '@alphagraph/service';
import type { Deployment } from '../deployment/service.ts';
import type { ModelRecord, ModelStore } from '../models/store.ts';
import type { Predictor } from '../versions/evaluate.ts';
import type { Versions } from '../versions/service.ts';
import type { VersionRecord } from '../versions/store.ts';
import { type AlertRecord, createAlertStore } from './alerts.ts';
import { createExternalLog } from './external.ts';
import { createMonitor } from './job.ts';
import { createLabelReader } from './labels.ts';
import type { MonitoringProvider } from './module.ts';
import { createOnlineReader, type OnlineReader } from './online-client.ts';
import { createPredictionLog } from './prediction-log.ts';
import { createSettingsStore } from './settings.ts';
import { createSignals, SIGNAL_STAGES } from './signals.ts';
import { createAlertSink } from './sink.ts';

/** Who the monitor acts as when it pulls a kill switch: recorded like a person's action. */
export const MONITOR_ACTOR = 'alphagraph-monitor';

const monitorScope = (): RequestScope => ({
  identity: { userId: MONITOR_ACTOR, roles: ['admin'], scopes: scopesForRoles(['admin']), tokenId: undefined },
  requestId: `monitor-${Date.now().toString(36)}`,
});

/**
 * Predictors of ready versions, kept per process: a version's artifact is immutable (its sha256
 * is checked on load), so it is read and parsed once, not on every signals request.
 */
function predictorCache(versions: Versions) {
  const cache = new Map<string, Promise<{ predictor: Predictor; close: () => Promise<void> }>>();
  return {
    get(version: VersionRecord, task: ModelRecord['task']): Promise<Predictor> {
      const key = `${version.id}:${version.artifactSha256}`;
      let entry = cache.get(key);
      if (!entry) {
        entry = versions.predictorOf(version, task);
        entry.catch(() => cache.delete(key));
        cache.set(key, entry);
      }
      return entry.then((e) => e.predictor);
    },
    async close(): Promise<void> {
      const entries = [...cache.values()];
      cache.clear();
      await Promise.all(entries.map(async (e) => (await e.catch(() => null))?.close()));
    },
  };
}

export function createMonitoringProvider(deps: {
  db: Db;
  lake: Lake;
  models: ModelStore;
  versions: Versions;
  deployment: Deployment;
  featuresUrl?: string | undefined;
  onlineReader?: OnlineReader | undefined;
  natsUrl: string | null;
  intervalMs: number;
  /** The process's logger (a failed pass, an alert that could not be delivered). */
  log: Pick<Logger, 'error'>;
}) {
  const predictors = predictorCache(deps.versions);
  const predictorOf = (v: VersionRecord, task: ModelRecord['task']) => predictors.get(v, task);
  const sink = createAlertSink({ natsUrl: deps.natsUrl });
  const alerts = createAlertStore(deps.db, sink, (message) => deps.log.error(message));
  const settings = createSettingsStore(deps.db);
  const log = createPredictionLog({ db: deps.db, lake: deps.lake });
  const monitor = createMonitor({
    db: deps.db,
    lake: deps.lake,
    models: deps.models,
    versions: deps.versions.store,
    log,
    alerts,
    settings,
    labels: createLabelReader(deps.lake),
    predictorOf,
    kill: async (model, reason) => {
      await deps.deployment.kill(monitorScope(), model.name, reason);
    },
  });
  const signals = createSignals({
    models: deps.models,
    versions: deps.versions.store,
    online: deps.onlineReader ?? createOnlineReader(deps.featuresUrl ?? defaultSubgraphUrl('features')),
    log,
    predictorOf,
    raise: async (model, drafts) => {
      await alerts.raise(model.id, drafts, await settings.of(model.id));
    },
  });

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  /** One pass over every model with a deployed version; a model's failure does not stop the others. */
  const pass = async () => {
    const all = await deps.models.list();
    const versions = await deps.versions.store.ofModels(all.map((m) => m.id));
    const live = new Set(
      versions.filter((v) => (SIGNAL_STAGES as readonly string[]).includes(v.stage)).map((v) => v.modelId),
    );
    for (const m of all.filter((m) => live.has(m.id))) {
      await monitor.run(m.name, null).catch((err: unknown) => {
        deps.log.error({ err, model: m.name }, `monitoring ${m.name} failed`);
      });
    }
  };

  // Alerts reach subscribers from the table, whichever replica raised them: one poller per process.
  const feed = pollingSource<AlertRecord, number>({
    startCursor: () => alerts.lastSeq(),
    fetchSince: async (seq) => {
      const items = await alerts.since(seq);
      return { items, cursor: items.at(-1)?.seq ?? seq };
    },
    intervalMs: 500,
  });

  const provider: MonitoringProvider = {
    alertFeed: () => feed.subscribe(),
    signals,
    logPredictions: createExternalLog({ models: deps.models, versions: deps.versions.store, log }),
    log,
    monitor,
    alerts,
    settings,
  };
  return {
    ...provider,
    scheduler: {
      /** Runs the monitoring job every intervalMs (never when 0), one pass at a time. */
      start(): void {
        if (deps.intervalMs <= 0 || timer) return;
        timer = setInterval(() => {
          running ??= pass().finally(() => {
            running = null;
          });
        }, deps.intervalMs);
        timer.unref();
      },
      async stop(): Promise<void> {
        if (timer) clearInterval(timer);
        timer = null;
        await running;
      },
    },
    async close(): Promise<void> {
      await predictors.close();
      await sink.close();
    },
  };
}
