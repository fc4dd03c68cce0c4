import { bootSubgraph } from '@alphagraph/service';
import { loadDemoBars } from './demo/load-demo.ts';
import { loadMarketDataEnv } from './env.ts';
import { loadDemoCorporateActions } from './modules/corporate-actions/load-demo.ts';
import { createMarketData } from './service.ts';

const env = loadMarketDataEnv();
await bootSubgraph({
  name: 'market-data',
  env,
  setup: async (runtime) => {
    const service = await createMarketData(runtime);
    return {
      ...service,
      afterStart: env.demo.load
        ? async () => {
            await loadDemoBars({
              lake: runtime.lake,
              ingest: service.stores.ingest,
              dir: env.demo.dir,
              others: true,
              until: env.demo.barsUntil,
            });
            const actions = await loadDemoCorporateActions(runtime.lake, env.demo.dir);
            if (actions > 0) console.log(`[market-data] demo data: ${actions} corporate actions (stocknet)`);
          }
        : undefined,
    };
  },
});
