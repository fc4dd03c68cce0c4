// market-data's operator CLI, run in its own process (`alphagraph ingest …` spawns it through the
// package's `./cli` export):
//   node --import tsx services/market-data/src/cli/main.ts ingest bars <file> --mapping <name> [options]
import { userInfo } from 'node:os';
import { createAuditLog } from '@alphagraph/auth';
import { openDatabase } from '@alphagraph/db';
import { Lake } from '@alphagraph/lake';
import { runIngestCli } from './commands.ts';
import { loadCliEnv } from './env.ts';

const env = loadCliEnv();
const handle = await openDatabase(env.db);
const lake = await Lake.open({
  root: env.lake.root,
  db: handle.db,
  threads: env.lake.threads,
  memoryLimit: env.lake.memoryLimit,
});
try {
  process.exitCode = await runIngestCli(process.argv.slice(2), {
    db: handle.db,
    lake,
    audit: createAuditLog(handle.db),
    actor: { id: `cli:${userInfo().username}`, roles: ['service'] },
  });
} finally {
  await lake.close();
  await handle.close();
}
