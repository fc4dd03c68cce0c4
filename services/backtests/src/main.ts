import { bootSubgraph } from '@alphagraph/service';
import { runDemoBacktests } from './demo/seed.ts';
import { loadBacktestsEnv } from './env.ts';
import { createBacktests } from './service.ts';

const env = loadBacktestsEnv();
await bootSubgraph({
  name: 'backtests',
  env,
  setup: async (runtime) => {
    const service = await createBacktests(runtime, { lease: env.workers });
    return {
      ...service,
      afterStart: env.demo.load ? () => runDemoBacktests(service) : undefined,
    };
  },
});
