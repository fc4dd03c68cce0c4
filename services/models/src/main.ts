import { bootSubgraph } from '@alphagraph/service';
import { seedDemoModels } from './demo/seed.ts';
import { loadModelsEnv } from './env.ts';
import { createModels } from './service.ts';

const env = loadModelsEnv();
await bootSubgraph({
  name: 'models',
  env,
  setup: async (runtime) => {
    const service = await createModels(runtime);
    return { ...service, afterStart: env.demo.load ? () => seedDemoModels(service.stores, env.demo.dir) : undefined };
  },
});
