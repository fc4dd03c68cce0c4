import type { EnvSource } from '@alphagraph/config';
import { loadServiceEnv } from '@alphagraph/service';

/** market-data's configuration, validated once at boot. The only place that reads the environment. */
export function loadMarketDataEnv(source: EnvSource = process.env) {
  return loadServiceEnv('market-data', source);
}
export type MarketDataEnv = ReturnType<typeof loadMarketDataEnv>;
