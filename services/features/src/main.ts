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
    return { ...service, afterStart: env.demo.load ? () => seedDemoFeatures(service.stores, env.demo.dir) : undefined };
  },
});
