import { bootSubgraph } from '@alphagraph/service';
import { loadDemoObservations } from './demo/load-observations.ts';
import { seedDemoCatalog } from './demo/seed.ts';
import { loadAltDataEnv } from './env.ts';
import { createAltData } from './service.ts';

const env = loadAltDataEnv();
await bootSubgraph({
  name: 'alt-data',
  env,
  setup: async (runtime) => {
    const { stores, resolvers, context, decidePolicy } = await createAltData(runtime);
    const loadDemo = async () => {
      const datasets = await seedDemoCatalog(stores, env.demo.dir);
      await loadDemoObservations({ stores, datasets, dir: env.demo.dir });
    };
    return {
      resolvers,
      context,
      // Licence entitlements: the `entitled` policy on every field that carries alternative-data values.
      decidePolicy,
      afterStart: env.demo.load ? loadDemo : undefined,
    };
  },
});
