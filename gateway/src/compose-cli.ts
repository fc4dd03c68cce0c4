// `pnpm compose` writes schema/supergraph.graphql; `pnpm compose:check` fails when it is stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CompositionError, composeSupergraph, supergraphPath } from './compose.ts';

const check = process.argv.includes('--check');
try {
  const sdl = `${composeSupergraph().trim()}\n`;
  const path = supergraphPath();
  if (check) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current !== sdl) {
      console.error(`${path} is stale: run \`pnpm compose\` and commit the result.`);
      process.exit(1);
    }
    console.log('supergraph is up to date');
  } else {
    writeFileSync(path, sdl);
    console.log(`wrote ${path}`);
  }
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
