import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchemaSdl } from '../tools/api-schema.ts';
import { baselineFile, checkSchemaCompat } from '../tools/schema-compat.ts';

const BASE = `type Query {\n  signals(model: String!): Signals\n  bars(symbols: [String!]!): [Float!]\n}\ntype Signals {\n  model: String!\n  score: Float\n}\n`;

describe('semantic versioning against the supergraph', () => {
  it('an additive change passes at the same major', () => {
    const current = BASE.replace('score: Float', 'score: Float\n  extra: Int');
    expect(
      checkSchemaCompat({ baseline: baselineFile(BASE, '1.2.0'), currentApiSdl: current, sdkVersion: '1.3.0' }).ok,
    ).toBe(true);
  });

  it('a removed field or a new required argument fails unless the major version was bumped', () => {
    const current = BASE.replace('  score: Float\n', '').replace(
      '(symbols: [String!]!)',
      '(symbols: [String!]!, interval: String!)',
    );
    const same = checkSchemaCompat({
      baseline: baselineFile(BASE, '1.2.0'),
      currentApiSdl: current,
      sdkVersion: '1.9.0',
    });
    expect(same.ok).toBe(false);
    expect(same.message).toContain('Signals.score was removed');
    expect(same.message).toContain('interval');
    expect(same.breaking).toHaveLength(2);
    const bumped = checkSchemaCompat({
      baseline: baselineFile(BASE, '1.2.0'),
      currentApiSdl: current,
      sdkVersion: '2.0.0',
    });
    expect(bumped.ok).toBe(true);
  });

  it('the recorded baseline matches the composed supergraph at the current version', () => {
    const root = new URL('..', import.meta.url);
    const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
    const report = checkSchemaCompat({
      baseline: readFileSync(new URL('schema-baseline.graphql', root), 'utf8'),
      currentApiSdl: apiSchemaSdl(readFileSync(new URL('../../schema/supergraph.graphql', root), 'utf8')),
      sdkVersion: version,
    });
    expect(report.message).toBe('no breaking change since the baseline');
  });

  it('the API schema has no federation machinery', () => {
    const sdl = apiSchemaSdl(readFileSync(new URL('../../../schema/supergraph.graphql', import.meta.url), 'utf8'));
    expect(sdl).not.toMatch(/[A-Za-z]__[A-Z]|@requiresScopes|@join/);
    expect(sdl).toContain('onlineFeatures(');
  });
});
