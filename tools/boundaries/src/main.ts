// `alphagraph-boundaries`: checks imports and dependency versions of the workspace in the current directory.
import { checkCatalog } from './catalog.ts';
import { checkImports } from './imports.ts';
import { judge } from './known-violations.ts';

const root = process.cwd();
const verdict = judge([...(await checkImports(root)), ...checkCatalog(root)]);

for (const v of verdict.unexpected) console.error(`✖ ${v.rule}: ${v.message}`);
for (const e of verdict.stale) {
  console.error(
    `✖ stale allow-list entry: ${e.rule} ${e.from} -> ${e.to} no longer occurs; remove it from known-violations.ts`,
  );
}
console.log(
  `boundaries: ${verdict.unexpected.length} violation(s), ${verdict.tolerated.length} known (known-violations.ts), ${verdict.stale.length} stale allow-list entries`,
);
if (verdict.unexpected.length > 0 || verdict.stale.length > 0) process.exitCode = 1;
