import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { AlertRecord, AlertSink } from './alerts.ts';
import type { MonitorSettings } from './settings.ts';

/** An alert as published outside the graph (webhook body, NATS message): the GraphQL Alert's fields. */
export function alertMessage(a: AlertRecord) {
  return {
    id: a.id,
    model: a.model,
    version: a.version,
    rule: a.rule.toUpperCase(),
    severity: a.severity.toUpperCase(),
    message: a.message,
    evidence: a.evidence,
    asOf: a.asOf.toISOString(),
    raisedAt: a.raisedAt.toISOString(),
    killSwitchPulled: a.killed === 1,
  };
}

/**
 * Publishes alerts to the model's webhook (POST, JSON, 5 s timeout) and NATS subject (when NATS_URL
 * is configured; one connection per process, opened on first use).
 */
export function createAlertSink(options: { natsUrl: string | null }): AlertSink & { close(): Promise<void> } {
  let nats: Promise<NatsConnection> | null = null;
  const natsConnection = () => {
    nats ??= connect({ servers: options.natsUrl!, name: 'alphagraph-models', timeout: 5_000 }).catch((error) => {
      nats = null;
      throw error;
    });
    return nats;
  };
  return {
    async publish(alert: AlertRecord, settings: MonitorSettings): Promise<void> {
      const body = JSON.stringify(alertMessage(alert));
      const failures: string[] = [];
      if (settings.webhookUrl) {
        try {
          const response = await fetch(settings.webhookUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            signal: AbortSignal.timeout(5_000),
          });
          if (!response.ok) failures.push(`webhook answered HTTP ${response.status}`);
        } catch (error) {
          failures.push(`webhook: ${(error as Error).message}`);
        }
      }
      if (settings.natsSubject) {
        if (!options.natsUrl) failures.push(`NATS subject ${settings.natsSubject} is set but NATS_URL is not`);
        else {
          try {
            const nc = await natsConnection();
            nc.publish(settings.natsSubject, body);
            await nc.flush();
          } catch (error) {
            failures.push(`NATS: ${(error as Error).message}`);
          }
        }
      }
      if (failures.length > 0) throw new Error(failures.join('; '));
    },
    async close(): Promise<void> {
      const nc = await nats?.catch(() => null);
      await nc?.drain().catch(() => {});
    },
  };
}
