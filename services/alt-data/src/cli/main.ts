// alt-data's operator CLI, run in its own process (`alphagraph ingest observations …` spawns it
// through the package's `./cli` export):
//   node --import tsx services/alt-data/src/cli/main.ts ingest observations <file> --dataset <name>
import { userInfo } from 'node:os';
import { createAuditLog } from '@alphagraph/auth';
import { databaseEnv, lakeEnv, loadEnv } from '@alphagraph/config';
import { openDatabase } from '@alphagraph/db';
import { Lake } from '@alphagraph/lake';
import { runObservationsCli } from './commands.ts';

const env = loadEnv({ db: databaseEnv, lake: lakeEnv }, process.env);
const handle = await openDatabase(env.db);
const lake = await Lake.open({
  root: env.lake.root,
  db: handle.db,
  threads: env.lake.threads,
  memoryLimit: env.lake.memoryLimit,
});
try {
  process.exitCode = await runObservationsCli(process.argv.slice(2), {
    db: handle.db,
    lake,
    audit: createAuditLog(handle.db),
    actor: `cli:${userInfo().username}`,
  });
} finally {
  await lake.close();
  await handle.close();
}
