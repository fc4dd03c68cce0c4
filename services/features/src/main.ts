import { bootSubgraph } from '@alphagraph/service';
import { seedDemoFeatures } from './demo/seed.ts';
import { loadFeaturesEnv } from './env.ts';
import { createFeatures } from './service.ts';

const env = loadFeaturesEnv();
await bootSubgraph({
  name: 'features',
  env,
  setup: async (runtime) => {
    const service = await createFeatures(runtime);
    return {
      ...service,
      afterStart: async () => {
        // With the demo data alt-data registers the alternative datasets as it starts: wait for them.
        await service.registerBuiltins({ waitForAltMs: env.demo.load ? 60_000 : 0 });
        if (env.demo.load) await seedDemoFeatures(service.stores, env.demo.dir);
      },
    };
  },
});
