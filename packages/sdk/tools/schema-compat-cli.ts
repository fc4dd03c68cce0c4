import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSchemaSdl } from './api-schema.ts';
import { baselineFile, checkSchemaCompat } from './schema-compat.ts';

// `check:compat`: fails when the supergraph broke the SDK's baseline without a major bump.
// `check:compat --update`: records the current API schema as the baseline of the current version.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baselinePath = join(root, 'schema-baseline.graphql');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const current = apiSchemaSdl(readFileSync(join(root, '../../schema/supergraph.graphql'), 'utf8'));

if (process.argv.includes('--update')) {
  writeFileSync(baselinePath, baselineFile(current, version));
  console.log(`sdk: baseline recorded at ${version}`);
} else {
  const report = checkSchemaCompat({
    baseline: readFileSync(baselinePath, 'utf8'),
    currentApiSdl: current,
    sdkVersion: version,
  });
  if (!report.ok) {
    console.error(`sdk: ${report.message}`);
    process.exit(1);
  }
  console.log(`sdk ${version}: ${report.message.split('\n')[0]}`);
}
