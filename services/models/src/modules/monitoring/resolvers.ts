import { changeOf, DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { AlertRecord } from './alerts.ts';
import { monitoringEnums } from './enums.ts';

/** The items of `source` that pass `keep`; stopping the result stops the source. */
async function* filtered<T>(source: AsyncIterableIterator<T>, keep: (item: T) => boolean): AsyncGenerator<T> {
  try {
    for await (const item of source) if (keep(item)) yield item;
  } finally {
    await source.return?.();
  }
}

const instant = (v: Date | string | null | undefined): Date | null => (v == null ? null : new Date(v));

export const monitoringResolvers: Resolvers = {
  ...monitoringEnums,
  Query: {
    signals: (_r, { model, asOf }, ctx) => ctx.stores.monitoring.signals(ctx, model, instant(asOf)),
  },
  Mutation: {
    logPredictions: (_r, { input }, ctx) =>
      ctx.stores.monitoring.logPredictions(ctx, {
        ...input,
        predictions: input.predictions.map((p) => ({ ...p, features: p.features ?? null })),
      }),
    configureMonitoring: async (_r, { model: name, input }, ctx) => {
      const { actor, requestId } = changeOf(ctx);
      const model = await ctx.modelByName.load(name);
      if (!model) throw new DomainError('NOT_FOUND', `configureMonitoring: no model is named ${name}`);
      const settings = await ctx.stores.monitoring.settings.update(model.id, { ...input }, actor.userId);
      await ctx.stores.models.audit.append({
        actor: actor.userId,
        roles: actor.roles,
        action: 'mutation:configureMonitoring',
        resource: `model:${name}`,
        details: { ...input },
        requestId,
      });
      return settings;
    },
    runMonitoring: async (_r, { model, asOf }, ctx) => {
      changeOf(ctx);
      return ctx.stores.monitoring.monitor.run(model, instant(asOf));
    },
    acknowledgeAlert: async (_r, { id, note }, ctx) => {
      const { actor, requestId } = changeOf(ctx);
      const alert = await ctx.stores.monitoring.alerts.acknowledge(id, actor.userId, note);
      await ctx.stores.models.audit.append({
        actor: actor.userId,
        roles: actor.roles,
        action: 'mutation:acknowledgeAlert',
        resource: `alert:${id}`,
        details: { model: alert.model, rule: alert.rule, note: alert.acknowledgement },
        requestId,
      });
      return alert;
    },
  },
  Subscription: {
    alertRaised: {
      subscribe: async (_r, { model }, ctx) => {
        if (model != null && !(await ctx.modelByName.load(model))) {
          throw new DomainError('NOT_FOUND', `alertRaised: no model is named ${model}`);
        }
        return filtered(ctx.stores.monitoring.alertFeed(), (a) => model == null || a.model === model);
      },
      resolve: (alert: AlertRecord) => alert,
    },
  },
  Model: {
    monitoring: (m) => m,
    alerts: (m, { unacknowledgedOnly, last }, ctx) => {
      if (!Number.isInteger(last) || last! < 1 || last! > 1_000) {
        throw new DomainError('BAD_USER_INPUT', `alerts: last must be 1..1000 (got ${last})`);
      }
      return ctx.stores.monitoring.alerts.ofModel(m.id, {
        unacknowledgedOnly: unacknowledgedOnly ?? false,
        last: last!,
      });
    },
  },
  ModelVersion: {
    liveMetrics: async (v, { windowSessions, asOf }, ctx) => {
      const model = await ctx.modelById.load(v.modelId);
      if (!model) return null;
      return ctx.stores.monitoring.monitor.liveMetrics(model, v, windowSessions ?? 20, instant(asOf) ?? new Date());
    },
  },
  ModelMonitoring: {
    settings: (m, _a, ctx) => ctx.stores.monitoring.settings.of(m.id),
    reports: (m, { version, last }, ctx) => {
      if (!Number.isInteger(last) || last! < 1 || last! > 5_000) {
        throw new DomainError('BAD_USER_INPUT', `reports: last must be 1..5000 (got ${last})`);
      }
      return ctx.stores.monitoring.monitor.reports(m.id, { version: version ?? null, last: last! });
    },
  },
  Signal: {
    instrument: (s) => ({ symbol: s.symbol }),
  },
  Alert: {
    killSwitchPulled: (a) => a.killed === 1,
  },
};
