import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { createPubSub, pollingSource } from './pubsub.ts';

/** A table other replicas append to: rows with increasing ids. */
function appendOnlyTable() {
  const rows: { id: number; text: string }[] = [];
  return {
    rows,
    append: (text: string) => rows.push({ id: rows.length + 1, text }),
    maxId: async () => rows.length,
    since: async (cursor: number) => {
      const items = rows.filter((r) => r.id > cursor);
      return { items, cursor: items.at(-1)?.id ?? cursor };
    },
  };
}

describe('createPubSub', () => {
  it('delivers what is published after subscribing, per topic, until return()', async () => {
    const pubsub = createPubSub<{ a: number; b: number }>();
    pubsub.publish('a', 0);
    const a = pubsub.subscribe('a');
    pubsub.publish('b', 99);
    pubsub.publish('a', 1);
    pubsub.publish('a', 2);
    // Heard from the subscribe() call on, before anyone asked for the first value.
    expect(await a.next()).toEqual({ done: false, value: 1 });
    expect(await a.next()).toEqual({ done: false, value: 2 });
    await a.return?.();
    expect(await a.next()).toEqual({ done: true, value: undefined });
  });
});

describe('pollingSource', () => {
  it('streams rows appended after subscribing to every subscriber, with one poller started and stopped by them', async () => {
    const table = appendOnlyTable();
    table.append('backlog');
    const fetchSince = vi.fn(table.since);
    const startCursor = vi.fn(table.maxId);
    const source = pollingSource({ fetchSince, startCursor, intervalMs: 2 });
    expect(source.subscribers).toBe(0);

    const one = source.subscribe();
    const two = source.subscribe();
    expect(source.subscribers).toBe(2);
    await vi.waitFor(() => expect(startCursor).toHaveBeenCalledOnce());
    // Positioned at the end: polls have run past the backlog before anything new is appended.
    await vi.waitFor(() => expect(fetchSince.mock.calls.length).toBeGreaterThan(0));
    table.append('r2');
    table.append('r3');
    const firstTwo = async (it: AsyncIterator<{ text: string }>) => [
      (await it.next()).value.text,
      (await it.next()).value.text,
    ];
    expect(await firstTwo(one)).toEqual(['r2', 'r3']);
    expect(await firstTwo(two)).toEqual(['r2', 'r3']);
    // One poller for both: every poll asked from the cursor the previous one returned.
    const cursors = fetchSince.mock.calls.map(([c]) => c);
    expect(cursors.every((c, i) => i === 0 || c >= cursors[i - 1]!)).toBe(true);
    expect(cursors[0]).toBe(1);

    await one.return?.();
    expect(source.subscribers).toBe(1);
    await two.return?.();
    expect(source.subscribers).toBe(0);
    const polls = fetchSince.mock.calls.length;
    await sleep(30);
    expect(fetchSince.mock.calls.length).toBeLessThanOrEqual(polls + 1);
    expect(await one.next()).toEqual({ done: true, value: undefined });

    // A new subscriber starts the poller again from the end of the table.
    const three = source.subscribe();
    await vi.waitFor(() => expect(startCursor).toHaveBeenCalledTimes(2));
    table.append('r4');
    expect((await three.next()).value).toEqual({ id: 4, text: 'r4' });
    await three.return?.();
  });

  it('retries a failed poll with the same cursor and tells onError', async () => {
    const table = appendOnlyTable();
    let failures = 1;
    const errors: unknown[] = [];
    const source = pollingSource({
      startCursor: table.maxId,
      fetchSince: async (cursor: number) => {
        if (failures-- > 0) throw new Error('connection lost');
        return table.since(cursor);
      },
      intervalMs: 2,
      onError: (e) => errors.push(e),
    });
    const it = source.subscribe();
    table.append('after');
    expect((await it.next()).value).toEqual({ id: 1, text: 'after' });
    expect(errors).toEqual([new Error('connection lost')]);
    await it.return?.();
  });
});
