import { bootSubgraph } from '@alphagraph/service';
import { seedDemoBacktests } from './demo/seed.ts';
import { loadBacktestsEnv } from './env.ts';
import { createBacktests } from './service.ts';

const env = loadBacktestsEnv();
await bootSubgraph({
  name: 'backtests',
  env,
  setup: async (runtime) => {
    const service = await createBacktests(runtime);
    return {
      ...service,
      afterStart: env.demo.load ? () => seedDemoBacktests(service.stores, env.demo.dir) : undefined,
    };
  },
});
