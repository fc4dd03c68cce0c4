import { bootSubgraph } from '@alphagraph/service';
import { seedDemoFeatures } from './demo/seed.ts';
import { loadFeaturesEnv } from './env.ts';
import { createFeatures } from './service.ts';

const env = loadFeaturesEnv();
await bootSubgraph({
  name: 'features',
  env,
  setup: async (runtime) => {
    const service = await createFeatures(runtime, { lease: env.workers });
    // Stop claiming runs at once on shutdown; a run in progress is failed by a live replica once
    // this worker's lease lapses (nothing of it is published).
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => void service.stop().catch(() => {}));
    return {
      ...service,
      afterStart: async () => {
        service.start();
        // With the demo data alt-data registers the alternative datasets as it starts: wait for them.
        await service.registerBuiltins({ waitForAltMs: env.demo.load ? 60_000 : 0 });
        if (env.demo.load) await seedDemoFeatures(service.stores, env.demo.dir);
      },
    };
  },
});
