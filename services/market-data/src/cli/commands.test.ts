import { describe, expect, it } from 'vitest';
import { type CliDeps, runIngestCli } from './commands.ts';

// Listing and usage never touch storage; ingestion itself is tested through the real process
// (packages/cli/src/ingest.test.ts) and in-process in modules/ingest.
const NO_STORAGE = {} as CliDeps;

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runIngestCli(argv, NO_STORAGE, { out: (s) => void out.push(s), err: (s) => void err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

describe('market-data ingest CLI', () => {
  it('lists the declared mappings and the rules with their defaults and fixes', async () => {
    const mappings = await run(['ingest', 'mappings']);
    expect(mappings.code).toBe(0);
    expect(mappings.out).toMatch(/^btc_usd_hourly +1h +BTC\/USD hourly bars/m);
    const rules = await run(['ingest', 'rules']);
    expect(rules.out).toMatch(
      /^high_below_low +default quarantine +allowed reject\|quarantine\|fix\|warn +fix: swap high and low$/m,
    );
    expect(rules.out).toMatch(/^split_like_jump +default warn .* fix: \(none\)$/m);
  });

  it('refuses bad rules and options before touching anything', async () => {
    const bad = await run(['ingest', 'bars', 'x.csv', '--mapping', 'goog_daily', '--rules', 'split_like_jump=fix']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--rules: rule split_like_jump cannot be set to fix; allowed: reject, quarantine, warn/);
    const threshold = await run(['ingest', 'bars', 'x.csv', '--mapping', 'goog_daily', '--jump-threshold', '0']);
    expect(threshold.err).toMatch(/--jump-threshold is a positive number/);
    expect((await run(['ingest', 'frobnicate'])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
  });
});
