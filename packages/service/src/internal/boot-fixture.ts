/**
 * A subgraph process for boot.test.ts: models' SDL, a `models` field that answers slowly, and
 * background work that holds on until shutdown asks it to end, then reads the lake and the
 * database once more (which fails if either closed first). Its "demo load" (afterStart) lasts
 * until the file FIXTURE_DEMO_GATE exists. Run with `node --import tsx`.
 */
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { bootSubgraph } from '../boot.ts';
import { loadServiceEnv } from '../env.ts';

const REQUEST_MS = 1_000;
const say = (line: string) => console.log(`[fixture] ${line}`);

await bootSubgraph({
  name: 'models',
  env: loadServiceEnv('models', process.env),
  setup: async (runtime) => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let work: Promise<void> | undefined;
    return {
      resolvers: {
        Query: {
          models: async () => {
            runtime.log.info('resolving models');
            say('request started');
            await sleep(REQUEST_MS);
            say('request answered');
            return [];
          },
        },
      },
      context: async (scope) => scope,
      start: () => {
        work = (async () => {
          say('work started');
          await released;
          await runtime.lake.query('SELECT 1 AS one');
          await runtime.audit.verify();
          say('work finished its last lake and database reads');
        })();
      },
      afterStart: async () => {
        const gate = process.env.FIXTURE_DEMO_GATE;
        while (gate && !existsSync(gate)) await sleep(20);
      },
      stop: async () => {
        say('work asked to end');
        release();
        await work;
      },
    };
  },
});
