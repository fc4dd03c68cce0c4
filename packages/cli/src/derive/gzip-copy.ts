/**
 * A source file → its `gzip -9 -n` copy, byte-identical when decompressed (checked before writing).
 *
 *   npx tsx packages/cli/src/derive/gzip-copy.ts --from ../shared/data/vix_daily.csv --to data/demo/vix_daily.csv.gz
 */
import { readFileSync } from 'node:fs';
import { DeriveError, parseDeriveArgs, report, runIfMain, sha256, writeOutput } from './common.ts';

runIfMain(import.meta.url, (argv) => {
  const { from, to } = parseDeriveArgs(argv, 'gzip-copy.ts --from FILE --to FILE.gz');
  if (!to.endsWith('.gz')) throw new DeriveError(`--to must end in .gz: ${to}`);
  const source = readFileSync(from);
  const written = writeOutput(to, source);
  report({
    source: from,
    'source bytes': source.length,
    'source sha256': sha256(source),
    written: written.path,
    bytes: written.bytes,
    sha256: written.sha256,
  });
});
