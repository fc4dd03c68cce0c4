// Open-loop load: requests start at a fixed rate whatever the answers do (arrivals do not wait for
// earlier requests, as users' do not), each an operation drawn by weight. Latency counts from the
// moment a request was due, so a client or server that falls behind shows in the figures instead
// of slowing the arrivals down (no coordinated omission).
import { type LatencySummary, summarize } from './latency.ts';

export interface Operation {
  readonly name: string;
  readonly weight: number;
  /** Sends one request; throws when the answer is an error or not what was asked for. */
  run(random: () => number): Promise<void>;
}

/** Latencies and errors per operation name. */
export class Recorder {
  readonly #ops = new Map<string, { latencies: number[]; errors: number; samples: string[] }>();

  record(name: string, ms: number, error?: unknown): void {
    let op = this.#ops.get(name);
    if (!op) this.#ops.set(name, (op = { latencies: [], errors: 0, samples: [] }));
    if (error === undefined) op.latencies.push(ms);
    else {
      op.errors++;
      if (op.samples.length < 3) op.samples.push(String(error instanceof Error ? error.message : error).slice(0, 300));
    }
  }

  /** Adds another recorder's latencies and errors to this one's. */
  merge(other: Recorder): void {
    for (const [name, op] of other.#ops) {
      let mine = this.#ops.get(name);
      if (!mine) this.#ops.set(name, (mine = { latencies: [], errors: 0, samples: [] }));
      for (const ms of op.latencies) mine.latencies.push(ms);
      mine.errors += op.errors;
      mine.samples.push(...op.samples.slice(0, Math.max(0, 3 - mine.samples.length)));
    }
  }

  /** Runs `fn`, recording its latency from `dueAt` (default: now) or its error. */
  async time(name: string, fn: () => Promise<void>, dueAt = performance.now()): Promise<void> {
    try {
      await fn();
      this.record(name, performance.now() - dueAt);
    } catch (error) {
      this.record(name, performance.now() - dueAt, error ?? 'error');
    }
  }

  summary(names?: readonly string[]): (LatencySummary & { name: string; errors: number; samples: string[] })[] {
    return [...this.#ops.entries()]
      .filter(([name]) => !names || names.includes(name))
      .map(([name, op]) => ({ name, ...summarize(op.latencies), errors: op.errors, samples: op.samples }));
  }

  /** All latencies and errors of the named operations together. */
  combined(names: readonly string[]): LatencySummary & { errors: number } {
    const ops = names.map((n) => this.#ops.get(n)).filter((o) => o !== undefined);
    return {
      ...summarize(ops.flatMap((o) => o.latencies)),
      errors: ops.reduce((n, o) => n + o.errors, 0),
    };
  }
}

export interface OpenLoopResult {
  /** Requests started. */
  sent: number;
  /** Requests not started because `maxInFlight` were already waiting: the target rate was not met. */
  shed: number;
  seconds: number;
}

/** A small seeded generator (mulberry32), so two runs draw the same sequence of operations. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function openLoop(options: {
  rate: number;
  seconds: number;
  operations: readonly Operation[];
  recorder: Recorder;
  random: () => number;
  maxInFlight?: number;
  /** Stops early when it returns true (checked between arrivals). */
  stop?: () => boolean;
}): Promise<OpenLoopResult> {
  const { rate, operations, recorder, random } = options;
  const maxInFlight = options.maxInFlight ?? 256;
  const total = operations.reduce((n, o) => n + o.weight, 0);
  const pick = () => {
    let x = random() * total;
    for (const op of operations) if ((x -= op.weight) < 0) return op;
    return operations.at(-1)!;
  };
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  const end = start + options.seconds * 1000;
  let sent = 0;
  let shed = 0;
  let k = 0;
  while (performance.now() < end && !options.stop?.()) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    for (; k < due; k++) {
      if (inFlight.size >= maxInFlight) {
        shed++;
        continue;
      }
      const op = pick();
      const p = recorder.time(op.name, () => op.run(random), start + (k * 1000) / rate);
      inFlight.add(p);
      p.finally(() => inFlight.delete(p));
      sent++;
    }
    await new Promise((r) => setTimeout(r, Math.max(1, Math.min(10, 1000 / rate))));
  }
  await Promise.all(inFlight);
  return { sent, shed, seconds: (performance.now() - start) / 1000 };
}

/** Calls `fn` every `everySeconds`, the first time after `firstAfterSeconds`, until `stop()`. */
export async function periodically(
  options: { everySeconds: number; firstAfterSeconds: number; stop: () => boolean },
  fn: () => Promise<void>,
): Promise<void> {
  const start = performance.now();
  for (let i = 0; ; i++) {
    const at = start + (options.firstAfterSeconds + i * options.everySeconds) * 1000;
    while (performance.now() < at) {
      if (options.stop()) return;
      await new Promise((r) => setTimeout(r, Math.min(250, at - performance.now())));
    }
    if (options.stop()) return;
    await fn();
  }
}
