import { AlphagraphClient, type ClientOptions, isAlphagraphError, type TokenProvider } from '@alphagraph/sdk';

export interface SignalsServiceOptions {
  /** The gateway's GraphQL endpoint. */
  gatewayUrl: string;
  /** The service's token, or a function that returns a fresh one (rotation). */
  token: TokenProvider;
  /** Passed to the SDK as is (timeouts, retries, a custom fetch). */
  client?: Partial<ClientOptions>;
}

/** What the service answers for one model: its production signals with the feature values they read. */
export interface SignalSnapshot {
  model: string;
  asOf: string;
  status: string;
  /** Per symbol: the production version's prediction and the online feature vector behind it. */
  rows: {
    symbol: string;
    status: string;
    prediction: number | null;
    probability: number | null;
    features: Record<string, number | null>;
  }[];
  /** Symbols the online store does not know. */
  unknownSymbols: string[];
}

export interface SignalsService {
  snapshot(model: string, options?: { asOf?: string }): Promise<SignalSnapshot>;
}

/**
 * A downstream service of the platform: for a model, it reads the production signals and the online
 * features of the same instant through the SDK (persisted operations, retried reads, typed errors),
 * and joins them per symbol.
 */
export function createSignalsService(options: SignalsServiceOptions): SignalsService {
  const client = new AlphagraphClient({ ...options.client, url: options.gatewayUrl, token: options.token });
  return {
    async snapshot(model, { asOf } = {}) {
      const signals = await client.signals({ model, asOf: asOf ?? null });
      const production = signals.sets.find((s) => s.stage === 'PRODUCTION') ?? signals.sets[0];
      if (!production) return { model, asOf: signals.asOf, status: signals.status, rows: [], unknownSymbols: [] };
      const symbols = production.rows.map((r) => r.symbol);
      const online = await client.onlineFeatures({
        entities: symbols,
        features: production.features,
        asOf: signals.asOf,
      });
      const bySymbol = new Map(online.rows.map((r) => [r.entity, r.vector]));
      return {
        model,
        asOf: signals.asOf,
        status: signals.status,
        rows: production.rows.map((r) => ({
          symbol: r.symbol,
          status: r.status,
          prediction: r.prediction,
          probability: r.probability,
          features: Object.fromEntries(online.features.map((f, i) => [f, bySymbol.get(r.symbol)?.[i] ?? null])),
        })),
        unknownSymbols: online.unknownEntities,
      };
    },
  };
}

export { isAlphagraphError };
