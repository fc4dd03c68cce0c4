import type { FeatureStoreServices } from '../../feature-store.ts';
import { ensureBuiltinSet } from './builtin.ts';

/**
 * Registers the built-in feature sets: `alpha158` at once (it reads bars only), and `alt_demo`
 * once alt-data has registered the datasets it reads. alt-data starts beside this service, so
 * this waits up to `waitForAltMs` for them, then keeps trying in the background (every 5 s,
 * for up to 10 minutes) without holding up the start.
 */
export async function registerBuiltinSets(
  stores: { featureStore: FeatureStoreServices },
  options: { waitForAltMs: number; log?: (line: string) => void },
): Promise<void> {
  const log = options.log ?? ((line: string) => console.log(`[features] ${line}`));
  const { db, features, sets } = stores.featureStore;
  await ensureBuiltinSet(db, { features, sets }, 'alpha158');
  log('feature set alpha158: 158 features registered');
  const tryAlt = () => ensureBuiltinSet(db, { features, sets }, 'alt_demo');
  const deadline = Date.now() + options.waitForAltMs;
  while (!(await tryAlt())) {
    if (Date.now() >= deadline) {
      log(
        'feature set alt_demo: waiting in the background for alt-data to register stocknet_tweets and cboe_vix_daily',
      );
      void retryInBackground(tryAlt, log);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log('feature set alt_demo: 4 features registered');
}

async function retryInBackground(attempt: () => Promise<boolean>, log: (line: string) => void): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 5_000).unref());
    try {
      if (await attempt()) {
        log('feature set alt_demo: 4 features registered');
        return;
      }
    } catch (error) {
      log(`feature set alt_demo: registration failed: ${String(error)}`);
      return;
    }
  }
}
