import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { heapUsedAfterMajorGc } from './heap.ts';

/** A full (major) garbage collection, without starting the test process with --expose-gc. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('heapUsedAfterMajorGc', () => {
  it('reads the heap that survived a major collection, and follows what is kept alive', async () => {
    heapUsedAfterMajorGc();
    const settle = () => new Promise((r) => setTimeout(r, 50));
    collectGarbage();
    await settle();
    const before = heapUsedAfterMajorGc();
    expect(before).toBeGreaterThan(0);

    // About 80 MB kept alive across the next collection must show up in what survived it.
    const kept = Array.from({ length: 20 }, (_, i) => new Array(500_000).fill(i + 0.5));
    collectGarbage();
    await settle();
    const after = heapUsedAfterMajorGc()!;
    expect(after - before!).toBeGreaterThan(60 * 2 ** 20);
    expect(kept).toHaveLength(20);

    kept.length = 0;
    collectGarbage();
    await settle();
    expect(after - heapUsedAfterMajorGc()!).toBeGreaterThan(60 * 2 ** 20);
  });
});
