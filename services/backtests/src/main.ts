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
      // The demo backtests span the whole demo period (to 2018-02-07); a load cut short by
      // DEMO_BARS_UNTIL (alphagraph replay) does not hold it, so they are not run.
      afterStart:
        env.demo.load && !env.demo.barsUntil
          ? () => runDemoBacktests(service)
          : env.demo.load
            ? async () => console.log(`[backtests] demo backtests skipped: demo bars stop before ${env.demo.barsUntil}`)
            : undefined,
    };
  },
});
