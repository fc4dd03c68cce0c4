// A separate process that writes to or reads from the lake, for the crash and concurrency tests.
import { openDatabase } from '@alphagraph/db';
import { Lake } from '../src/index.ts';

const [role, url, root, dataset, arg] = process.argv.slice(2) as [string, string, string, string, string?];
const handle = await openDatabase({ url, prepare: false, poolSize: 2, pgliteDir: '' }, { migrate: false });
const lake = await Lake.open({ root, db: handle.db, threads: 1 });

if (role === 'write-forever') {
  // Writes a file far larger than the test waits for; the test kills this process mid-write.
  process.stdout.write('writing\n');
  await lake.commit(dataset, { mode: 'append' }, async (w) => {
    await w.writeQuery('SELECT i AS k, random() AS v FROM range(0, 2000000000) t(i)');
  });
} else if (role === 'append-batches') {
  // Each batch adds 1000 rows whose k values sum to a known total: a whole snapshot always
  // holds a multiple of 1000 rows and sum(k) = rows/1000 * 499500.
  const batches = Number(arg ?? 20);
  for (let b = 0; b < batches; b++) {
    await lake.commit(dataset, { mode: 'append' }, async (w) => {
      await w.writeQuery('SELECT i AS k, 0.0 AS v FROM range(0, 1000) t(i)');
    });
  }
} else if (role === 'read-loop') {
  const until = Date.now() + Number(arg ?? 3000);
  let reads = 0;
  const seen = new Set<number>();
  while (Date.now() < until) {
    const snap = await lake.currentSnapshot(dataset);
    if (snap) {
      const [row] = await lake.query<{ n: bigint; s: bigint }>(
        `SELECT count(*) AS n, sum(k) AS s FROM ${lake.scan(snap)}`,
      );
      const n = Number(row?.n ?? 0);
      const s = Number(row?.s ?? 0);
      if (n !== snap.rowCount || n % 1000 !== 0 || s !== (n / 1000) * 499500) {
        process.stdout.write(`TORN snapshot=${snap.id} n=${n} s=${s} catalog=${snap.rowCount}\n`);
        process.exit(3);
      }
      seen.add(snap.id);
      reads++;
    }
  }
  process.stdout.write(`${JSON.stringify({ reads, snapshots: seen.size })}\n`);
}
await lake.close();
await handle.close();
