import { DomainError, type RequestScope } from '@alphagraph/service';
import type { ModelRecord, ModelStore } from '../models/store.ts';
import type { Predictor } from '../versions/evaluate.ts';
import type { VersionRecord, VersionStore } from '../versions/store.ts';
import type { AlertDraft } from './alerts.ts';
import type { OnlineReader } from './online-client.ts';
import type { LoggedSet, PredictionLog } from './prediction-log.ts';

export type SignalStatus = 'OK' | 'FEATURE_EXPIRED' | 'FEATURE_MISSING' | 'MODEL_KILLED' | 'NO_PRODUCTION_VERSION';

/** The stages that are scored for signals, in answer order. */
export const SIGNAL_STAGES = ['production', 'canary', 'paper'] as const;

export interface SignalRow {
  readonly symbol: string;
  readonly status: SignalStatus;
  readonly prediction: number | null;
  readonly probability: number | null;
  readonly featureEventTimes: readonly (string | null)[];
  readonly featureStatuses: readonly ('CURRENT' | 'EXPIRED' | 'MISSING')[];
}

export interface SignalSetModel {
  readonly version: number;
  readonly stage: string;
  readonly capitalFraction: number;
  readonly features: readonly string[];
  readonly rows: readonly SignalRow[];
}

export interface SignalsModel {
  readonly model: string;
  readonly status: SignalStatus;
  readonly killSwitch: { killedAt: Date; killedBy: string; reason: string } | null;
  readonly requestId: string;
  readonly servedAt: Date;
  readonly asOf: Date;
  readonly scoringMs: number;
  readonly scoringMsPer1000: number | null;
  readonly maxScoringLatencyMs: number | null;
  readonly latencyBreached: boolean;
  readonly sets: readonly SignalSetModel[];
}

export interface SignalDeps {
  readonly models: ModelStore;
  readonly versions: VersionStore;
  readonly online: OnlineReader;
  readonly log: PredictionLog;
  /** A cached predictor of a ready version (the batch-prediction scorer). */
  readonly predictorOf: (version: VersionRecord, task: ModelRecord['task']) => Promise<Predictor>;
  /** Raises a latency alert (deduplicated per session by the alert store). */
  readonly raise: (model: ModelRecord, drafts: readonly AlertDraft[]) => Promise<void>;
}

const capitalOf = (v: VersionRecord): number =>
  v.stage === 'production' ? 1 : v.stage === 'canary' ? (v.capitalFraction ?? 0) : 0;

/**
 * Signals (issue 14 item 1): the model's PRODUCTION, CANARY and PAPER versions scored on the latest
 * online values of its universe, by the predictor batch predictions use. A row is scored only when
 * every feature the version reads is CURRENT; otherwise its status says which state stopped it
 * (EXPIRED before MISSING). The answer is logged to the prediction log (durably) before it is
 * returned; a killed model is not scored at all and returns only its status.
 */
export function createSignals(deps: SignalDeps) {
  return async function signals(scope: RequestScope, name: string, asOfArg: Date | null): Promise<SignalsModel> {
    const servedAt = new Date();
    if (asOfArg && asOfArg.getTime() > servedAt.getTime()) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `signals: asOf ${asOfArg.toISOString()} is in the future; omit it for now`,
      );
    }
    const asOf = asOfArg ?? servedAt;
    const [model] = await deps.models.byNames([name]);
    if (!model) throw new DomainError('NOT_FOUND', `signals: no model is named ${name}`);
    const requestId = `${scope.requestId}:${name}:${servedAt.getTime().toString(36)}`;
    const base = {
      model: model.name,
      requestId,
      servedAt,
      asOf,
      maxScoringLatencyMs: model.problem?.constraints.maxScoringLatencyMs ?? null,
    };
    const killed = (m: ModelRecord): SignalsModel => ({
      ...base,
      status: 'MODEL_KILLED',
      killSwitch: { killedAt: m.killedAt!, killedBy: m.killedBy ?? '', reason: m.killReason ?? '' },
      scoringMs: 0,
      scoringMsPer1000: null,
      latencyBreached: false,
      sets: [],
    });
    if (model.killedAt) return killed(model);
    const deployed = (await deps.versions.ofModels([model.id]))
      .filter((v) => v.status === 'ready' && (SIGNAL_STAGES as readonly string[]).includes(v.stage))
      .sort((a, b) => SIGNAL_STAGES.indexOf(a.stage as never) - SIGNAL_STAGES.indexOf(b.stage as never));
    const universe = (await deps.models.universeOf([model.id])).map((u) => u.symbol).sort();
    const refs = [...new Set(deployed.flatMap((v) => v.features.map((f) => f.ref)))];
    const online =
      refs.length > 0 && universe.length > 0
        ? await deps.online(scope, { entities: universe, features: refs, asOf: asOfArg })
        : { rows: new Map(), unknownEntities: [] };
    const column = new Map(refs.map((r, i) => [r, i]));

    let scoringMs = 0;
    let scored = 0;
    const sets: SignalSetModel[] = [];
    const logged: LoggedSet[] = [];
    for (const v of deployed) {
      const idx = v.features.map((f) => column.get(f.ref)!);
      const rows = universe.map((symbol) => {
        const r = online.rows.get(symbol);
        const statuses = idx.map((j) => r?.statuses[j] ?? 'MISSING');
        const status: SignalStatus = statuses.includes('EXPIRED')
          ? 'FEATURE_EXPIRED'
          : statuses.includes('MISSING')
            ? 'FEATURE_MISSING'
            : 'OK';
        return {
          symbol,
          status,
          vector: idx.map((j) => r?.vector[j] ?? null),
          statuses,
          eventTimes: idx.map((j) => r?.eventTimes[j] ?? null),
        };
      });
      const ok = rows.filter((r) => r.status === 'OK');
      const prediction = new Map<string, { p: number; q: number | null }>();
      if (ok.length > 0) {
        const data = new Float64Array(ok.length * idx.length);
        ok.forEach((r, i) => {
          r.vector.forEach((x, j) => {
            data[i * idx.length + j] = x ?? Number.NaN;
          });
        });
        const predictor = await deps.predictorOf(v, model.task);
        const started = performance.now();
        const out = await predictor.predict({ rows: ok.length, cols: idx.length, data });
        scoringMs += performance.now() - started;
        scored += ok.length;
        ok.forEach((r, i) => {
          prediction.set(r.symbol, { p: out.prediction[i]!, q: out.probability?.[i] ?? null });
        });
      }
      const signalRows: SignalRow[] = rows.map((r) => ({
        symbol: r.symbol,
        status: r.status,
        prediction: prediction.get(r.symbol)?.p ?? null,
        probability: prediction.get(r.symbol)?.q ?? null,
        featureEventTimes: r.eventTimes,
        featureStatuses: r.statuses,
      }));
      const features = v.features.map((f) => f.ref);
      sets.push({ version: v.number, stage: v.stage, capitalFraction: capitalOf(v), features, rows: signalRows });
      logged.push({
        version: v.number,
        stage: v.stage,
        features,
        entities: rows.map((r) => r.symbol),
        t: rows.map(() => asOf.toISOString()),
        predictions: signalRows.map((r) => r.prediction),
        probabilities: signalRows.map((r) => r.probability),
        statuses: signalRows.map((r) => r.status),
        vectors: rows.map((r) => r.vector),
      });
    }
    // A kill switch pulled while this request scored stops it too: nothing scored is served.
    const [now] = await deps.models.byIds([model.id]);
    if (now?.killedAt) return killed(now);
    // Durable before the answer leaves (./prediction-log.ts).
    if (logged.length > 0) {
      await deps.log.append({
        modelId: model.id,
        requestId,
        source: 'signals',
        actor: scope.identity?.userId ?? 'unknown',
        scoringMs,
        sets: logged,
      });
    }
    const scoringMsPer1000 = scored > 0 ? (scoringMs * 1000) / scored : null;
    const limit = base.maxScoringLatencyMs;
    const latencyBreached = limit !== null && scoringMsPer1000 !== null && scoringMsPer1000 > limit;
    if (latencyBreached) {
      await deps.raise(model, [
        {
          version: null,
          rule: 'scoring_latency',
          severity: 'warning',
          message: `scoring took ${scoringMsPer1000.toFixed(1)} ms per 1,000 rows, above the problem statement's ${limit} ms`,
          evidence: {
            metric: 'scoring_ms_per_1000',
            value: scoringMsPer1000,
            threshold: limit,
            rows: scored,
            requestId,
          },
          asOf,
          dedupeKey: `scoring_latency:${asOf.toISOString().slice(0, 10)}`,
        },
      ]);
    }
    return {
      ...base,
      status: deployed.some((v) => v.stage === 'production') ? 'OK' : 'NO_PRODUCTION_VERSION',
      killSwitch: null,
      scoringMs,
      scoringMsPer1000,
      latencyBreached,
      sets,
    };
  };
}
export type SignalsService = ReturnType<typeof createSignals>;
