import { changeOf, DomainError, type RequestScope } from '@alphagraph/service';
import type { ModelStore } from '../models/store.ts';
import type { VersionStore } from '../versions/store.ts';
import type { PredictionLog } from './prediction-log.ts';

export interface LogPredictionsInput {
  readonly model: string;
  readonly version: number;
  readonly requestId: string;
  readonly predictions: readonly {
    readonly symbol: string;
    readonly t: Date | string;
    readonly prediction: number;
    readonly probability?: number | null | undefined;
    readonly features?: readonly (number | null)[] | null | undefined;
  }[];
}

/** The most rows one logPredictions call may carry. */
export const MAX_LOGGED_ROWS = 10_000;

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * logPredictions (issue 14 item 2): an external model's predictions into the same prediction log
 * as served signals, checked in full before anything is written (every problem named, the batch
 * refused whole): a known model and READY version, instruments of the model's universe, finite
 * predictions, probabilities in [0, 1], feature vectors of the version's length. Idempotent by
 * request id.
 */
export function createExternalLog(deps: { models: ModelStore; versions: VersionStore; log: PredictionLog }) {
  return async (scope: RequestScope, input: LogPredictionsInput) => {
    const { actor } = changeOf(scope);
    if (!REQUEST_ID.test(input.requestId)) {
      throw new DomainError('BAD_USER_INPUT', 'logPredictions: requestId must be 1-128 letters, digits or . _ : -');
    }
    if (input.predictions.length === 0) throw new DomainError('BAD_USER_INPUT', 'logPredictions: no predictions');
    if (input.predictions.length > MAX_LOGGED_ROWS) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `logPredictions: ${input.predictions.length} rows is more than ${MAX_LOGGED_ROWS}; split the batch`,
      );
    }
    const [model] = await deps.models.byNames([input.model]);
    if (!model) throw new DomainError('NOT_FOUND', `logPredictions: no model is named ${input.model}`);
    const version = (await deps.versions.ofModels([model.id])).find((v) => v.number === input.version);
    if (!version)
      throw new DomainError('NOT_FOUND', `logPredictions: model ${model.name} has no version ${input.version}`);
    if (version.status !== 'ready') {
      throw new DomainError(
        'FAILED_PRECONDITION',
        `logPredictions: version ${version.number} of ${model.name} is ${version.status}, not ready`,
      );
    }
    const universe = new Map(
      (await deps.models.universeOf([model.id])).map((u) => [u.symbol.toUpperCase(), u.symbol] as const),
    );
    const problems: string[] = [];
    const rows = input.predictions.map((p, i) => {
      const symbol = universe.get(p.symbol.toUpperCase());
      if (!symbol) problems.push(`row ${i}: ${p.symbol} is not in the universe of ${model.name}`);
      const t = new Date(p.t);
      if (Number.isNaN(t.getTime())) problems.push(`row ${i}: t is not an instant`);
      else if (t.getTime() > Date.now()) problems.push(`row ${i}: t ${t.toISOString()} is in the future`);
      if (!Number.isFinite(p.prediction)) problems.push(`row ${i}: prediction is not a finite number`);
      const q = p.probability ?? null;
      if (q !== null && !(q >= 0 && q <= 1)) problems.push(`row ${i}: probability ${q} is outside [0, 1]`);
      if (p.features && p.features.length !== version.features.length) {
        problems.push(
          `row ${i}: ${p.features.length} feature values; version ${version.number} reads ${version.features.length}`,
        );
      }
      return { symbol: symbol ?? p.symbol, t, prediction: p.prediction, probability: q, features: p.features ?? null };
    });
    if (problems.length > 0) {
      const shown = problems.slice(0, 20).join('; ');
      throw new DomainError(
        'BAD_USER_INPUT',
        `logPredictions: nothing was logged: ${shown}${problems.length > 20 ? `; and ${problems.length - 20} more` : ''}`,
      );
    }
    const result = await deps.log.append({
      modelId: model.id,
      requestId: input.requestId,
      source: 'external',
      actor: actor.userId,
      scoringMs: null,
      sets: [
        {
          version: version.number,
          stage: version.stage,
          features: version.features.map((f) => f.ref),
          entities: rows.map((r) => r.symbol),
          t: rows.map((r) => r.t.toISOString()),
          predictions: rows.map((r) => r.prediction),
          probabilities: rows.map((r) => r.probability),
          statuses: rows.map(() => 'OK'),
          vectors: rows.map((r) => (r.features ? [...r.features] : null)),
        },
      ],
    });
    return { requestId: input.requestId, ...result };
  };
}
