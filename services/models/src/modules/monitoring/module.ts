import { defineModule, type ServiceModule } from '@alphagraph/service';
import type { AlertRecord, AlertStore } from './alerts.ts';
import type { createExternalLog } from './external.ts';
import type { Monitor } from './job.ts';
import type { PredictionLog } from './prediction-log.ts';
import { monitoringResolvers } from './resolvers.ts';
import type { SettingsStore } from './settings.ts';
import type { SignalsService } from './signals.ts';

export interface MonitoringProvider {
  /** Alerts as they are raised (every model's), from the moment of the call. */
  readonly alertFeed: () => AsyncIterableIterator<AlertRecord>;
  readonly signals: SignalsService;
  readonly logPredictions: ReturnType<typeof createExternalLog>;
  readonly log: PredictionLog;
  readonly monitor: Monitor;
  readonly alerts: AlertStore;
  readonly settings: SettingsStore;
}

export type MonitoringModule = ServiceModule<'monitoring', MonitoringProvider>;

/** Signals, the prediction log, outcomes, live metrics, drift and alerts of deployed models. */
export function createMonitoringModule(provider: MonitoringProvider): MonitoringModule {
  return defineModule({ name: 'monitoring', provider, resolvers: monitoringResolvers });
}
