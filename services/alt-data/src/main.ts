import { bootSubgraph } from '@alphagraph/service';
import { seedDemoCatalog } from './demo/seed.ts';
import { loadAltDataEnv } from './env.ts';
import { createAltData } from './service.ts';

const env = loadAltDataEnv();
await bootSubgraph({
  name: 'alt-data',
  env,
  setup: async (runtime) => {
    const service = await createAltData(runtime);
    return {
      ...service,
      afterStart: env.demo.load ? () => seedDemoCatalog(service.stores, env.demo.dir) : undefined,
    };
  },
});
