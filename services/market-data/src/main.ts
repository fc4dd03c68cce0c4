import { bootSubgraph } from '@alphagraph/service';
import { loadDemoBars } from './demo/load-demo.ts';
import { loadMarketDataEnv } from './env.ts';
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
            await loadDemoBars({ lake: runtime.lake, instruments: service.stores.instruments, dir: env.demo.dir });
          }
        : undefined,
    };
  },
});
