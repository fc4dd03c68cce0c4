import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSymbols } from './market-data.ts';
import { seedInstruments } from './testing.ts';

describe.each(testDatabaseKinds())('resolveSymbols on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedInstruments(t.db, ['AAPL', 'BRK.B', 'GOOG']);
  });
  afterAll(async () => t.dispose());

  it('matches case-insensitively and answers with the canonical symbol', async () => {
    const r = await resolveSymbols(t.db, ['aapl', 'AAPL', 'brk.b', 'Goog']);
    expect(Object.fromEntries(r.canonical)).toEqual({ aapl: 'AAPL', AAPL: 'AAPL', 'brk.b': 'BRK.B', Goog: 'GOOG' });
    expect(r.unknown).toEqual([]);
  });

  it('names every unknown symbol once, in the order given', async () => {
    const r = await resolveSymbols(t.db, ['ZZZ', 'aapl', 'QQQQ', 'ZZZ']);
    expect(r.unknown).toEqual(['ZZZ', 'QQQQ']);
    expect([...r.canonical.values()]).toEqual(['AAPL']);
  });

  it('answers an empty list without a query', async () => {
    expect(await resolveSymbols(t.db, [])).toEqual({ canonical: new Map(), unknown: [] });
  });
});
