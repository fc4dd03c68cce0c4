import { bootSubgraph } from '@alphagraph/service';
import { seedDemoFeatures } from './demo/seed.ts';
import { loadFeaturesEnv } from './env.ts';
import { createFeatures } from './service.ts';

const env = loadFeaturesEnv();
await bootSubgraph({
  name: 'features',
  env,
  setup: async (runtime) => {
    // Its start and stop hooks: boot starts the scheduler once the server listens, and on
    // shutdown stops it (waiting for the run in progress) before the lake and database close.
    const service = await createFeatures(runtime, { lease: env.workers, limits: env.work });
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
