import { MemPubSub, type TopicDataMap } from '@graphql-hive/pubsub';

export type { TopicDataMap };

/** Publish/subscribe by topic within one process. */
export interface PubSub<M extends TopicDataMap> {
  publish<K extends keyof M>(topic: K, payload: M[K]): void;
  /**
   * What is published on `topic` from this call on, as an async iterator; `return()` unsubscribes
   * (the SSE layer calls it when the client goes away).
   */
  subscribe<K extends keyof M>(topic: K): AsyncIterableIterator<M[K]>;
  /** Ends every subscription. */
  dispose(): void;
}

/**
 * Listening from the call on: a Repeater (MemPubSub's iterator) only starts, hence only hears
 * publications, at its first `next()`, which graphql-js and the SSE layer call a little later.
 */
function listening<T>(source: AsyncIterable<T>): AsyncIterableIterator<T> {
  const inner = source[Symbol.asyncIterator]();
  let first: Promise<IteratorResult<T>> | undefined = inner.next();
  const iterator: AsyncIterableIterator<T> = {
    next: () => {
      const pending = first;
      first = undefined;
      return pending ?? inner.next();
    },
    return: async (value?: unknown) => {
      first = undefined;
      return (await inner.return?.(value)) ?? { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/**
 * An in-process publish/subscribe for subscription resolvers, over Hive's MemPubSub (which has
 * Redis and NATS siblings should events cross processes; until then, `pollingSource`). Topic types
 * through the map, e.g. `createPubSub<{ alertRaised: Alert }>()`.
 */
export function createPubSub<M extends TopicDataMap = TopicDataMap>(): PubSub<M> {
  const hive = new MemPubSub<M>();
  return {
    publish: (topic, payload) => hive.publish(topic, payload),
    subscribe: (topic) => listening(hive.subscribe(topic)),
    dispose: () => hive.dispose(),
  };
}

/** One poll's answer: the new items in order, and the cursor the next poll starts from. */
export interface PolledPage<T, C> {
  items: readonly T[];
  cursor: C;
}

export interface PollingSourceOptions<T, C> {
  /** The items after `cursor` (e.g. rows with an id above it), and the new cursor. */
  fetchSince(cursor: C): Promise<PolledPage<T, C>>;
  /**
   * Where polling starts when the first subscriber arrives (e.g. the table's current max id): a
   * subscriber sees what is appended after it subscribed, never the backlog.
   */
  startCursor(): Promise<C>;
  /** The pause between the end of one poll and the start of the next. */
  intervalMs: number;
  /** A failed poll is retried at the next interval with the same cursor; told here (default: console.error). */
  onError?: ((error: unknown) => void) | undefined;
}

export interface PollingSource<T> {
  /** The items polled after this call, as an async iterator; `return()` unsubscribes. */
  subscribe(): AsyncIterableIterator<T>;
  /** Subscribers right now (the poller runs while this is above 0). */
  readonly subscribers: number;
}

const TOPIC = 'items';

/**
 * Streams items appended elsewhere (rows other replicas insert into a table) to this process's
 * subscribers with one poller shared by all of them: started by the first subscriber, stopped when
 * the last one leaves; polls never overlap.
 */
export function pollingSource<T, C>(options: PollingSourceOptions<T, C>): PollingSource<T> {
  const pubsub = new MemPubSub<{ [TOPIC]: T }>();
  const onError = options.onError ?? ((error: unknown) => console.error('polling source: poll failed', error));
  let subscribers = 0;
  /** The running poller's generation: a poller whose generation is stale stops at its next turn. */
  let generation = 0;
  let timer: NodeJS.Timeout | undefined;

  const start = () => {
    const mine = ++generation;
    let cursor: C | undefined;
    let positioned = false;
    const turn = async () => {
      timer = undefined;
      try {
        if (!positioned) {
          cursor = await options.startCursor();
          positioned = true;
        } else {
          const page = await options.fetchSince(cursor as C);
          if (mine !== generation) return;
          cursor = page.cursor;
          for (const item of page.items) pubsub.publish(TOPIC, item);
        }
      } catch (error) {
        onError(error);
      }
      if (mine === generation) timer = setTimeout(turn, options.intervalMs);
    };
    void turn();
  };
  const stop = () => {
    generation += 1;
    if (timer) clearTimeout(timer);
    timer = undefined;
  };

  return {
    get subscribers() {
      return subscribers;
    },
    subscribe() {
      const inner = listening(pubsub.subscribe(TOPIC));
      subscribers += 1;
      if (subscribers === 1) start();
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        subscribers -= 1;
        if (subscribers === 0) stop();
      };
      const iterator: AsyncIterableIterator<T> = {
        next: () => inner.next(),
        return: async (value?: unknown) => {
          leave();
          return (await inner.return?.(value)) ?? { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
  };
}
