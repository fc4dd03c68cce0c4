import { bootSubgraph } from '@alphagraph/service';
import { seedDemoModels } from './demo/seed.ts';
import { loadModelsEnv } from './env.ts';
import { createModels } from './service.ts';

const env = loadModelsEnv();
await bootSubgraph({
  name: 'models',
  env,
  setup: async (runtime) => {
    // Its start and stop hooks: boot starts the training worker once the server listens, and on
    // shutdown stops it (waiting for the job in progress) before the lake and database close.
    const service = await createModels(runtime, {
      lease: env.workers,
      canaryMaxFraction: env.deployment.canaryMaxFraction,
      featuresUrl: env.monitoring.featuresUrl,
      monitorIntervalMs: env.monitoring.intervalMs,
      natsUrl: env.monitoring.natsUrl,
    });
    return { ...service, afterStart: env.demo.load ? () => seedDemoModels(service.stores, env.demo.dir) : undefined };
  },
});
