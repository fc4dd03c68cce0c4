import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@alphagraph/config';
import { describe, expect, it } from 'vitest';

const root = findRepoRoot();

describe('infra manifests', () => {
  it('the Procfile starts every subgraph and the gateway from entry points that exist', () => {
    const lines = readFileSync(join(root, 'infra', 'Procfile'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    const processes = Object.fromEntries(lines.map((l) => [l.split(':')[0]!, l.split(': ')[1]!]));
    expect(Object.keys(processes).sort()).toEqual([
      'alt-data',
      'backtests',
      'features',
      'gateway',
      'market-data',
      'models',
    ]);
    for (const [name, command] of Object.entries(processes)) {
      const entry = command.split(' ').at(-1)!;
      expect(existsSync(join(root, entry)), `${name}: ${entry}`).toBe(true);
    }
  });

  it('env.example names a URL for every subgraph the gateway composes', () => {
    const env = readFileSync(join(root, 'infra', 'env.example'), 'utf8');
    for (const v of ['MARKET_DATA', 'ALT_DATA', 'FEATURES', 'MODELS', 'BACKTESTS'])
      expect(env).toContain(`SUBGRAPH_${v}_URL=`);
  });
});
