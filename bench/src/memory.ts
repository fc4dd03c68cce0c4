// Memory of the platform's processes over a soak: resident memory as the kernel counts it
// (/proc/<pid>/status VmRSS) and the V8 heap as each process reports it on /metrics, sampled on a
// fixed period, summarised as start vs end both by single samples and by the median of the first
// and last windows (one sample catches a process mid-GC or mid-job; a window's median does not).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type PlatformProcess, residentBytes } from './platform.ts';

export interface MemorySample {
  /** Seconds since the sampling started. */
  readonly t: number;
  readonly rss: number | null;
  /** nodejs_heap_size_used_bytes from the process's /metrics. */
  readonly heapUsed: number | null;
  /** alphagraph_heap_used_after_major_gc_bytes from the process's /metrics. */
  readonly heapAfterGc: number | null;
}

/** The value of an unlabelled sample in a Prometheus text exposition, or null. */
export function metricValue(text: string, name: string): number | null {
  const match = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
  return match ? Number(match[1]) : null;
}

async function heapOf(metricsUrl: string): Promise<{ heapUsed: number | null; heapAfterGc: number | null }> {
  try {
    const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) });
    const text = await response.text();
    const afterGc = metricValue(text, 'alphagraph_heap_used_after_major_gc_bytes');
    return { heapUsed: metricValue(text, 'nodejs_heap_size_used_bytes'), heapAfterGc: afterGc || null };
  } catch {
    return { heapUsed: null, heapAfterGc: null };
  }
}

/** Samples each process's memory on demand; `metricsUrls` maps a process name to its /metrics. */
export function createMemorySampler(processes: readonly PlatformProcess[], metricsUrls: Record<string, string>) {
  const series = new Map<string, MemorySample[]>(processes.map((p) => [p.name, []]));
  let t0: number | undefined;
  return {
    series,
    async sample(): Promise<void> {
      t0 ??= performance.now();
      const t = (performance.now() - t0) / 1000;
      await Promise.all(
        processes.map(async (p) => {
          const rss = residentBytes(p.pid);
          const heap = await heapOf(metricsUrls[p.name]!);
          series.get(p.name)!.push({ t, rss, ...heap });
        }),
      );
    },
  };
}

/** The median of the values (the mean of the middle two for an even count), or null when none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Start vs end of one process: the first and last single samples, and the medians of the first and
 * last `count` samples (a window of `count` samples; 7 samples every 10 s span 60 s). Windows are
 * counted, not timed, so a sample that comes a little late still belongs to its window.
 */
export function startVersusEnd(samples: readonly MemorySample[], key: 'rss' | 'heapUsed' | 'heapAfterGc', count = 7) {
  const values = (part: readonly MemorySample[]) => part.map((s) => s[key]).filter((v): v is number => v !== null);
  return {
    first: samples[0]?.[key] ?? null,
    last: samples.at(-1)?.[key] ?? null,
    firstWindow: median(values(samples.slice(0, count))),
    lastWindow: median(values(samples.slice(-count))),
  };
}

/**
 * Heap snapshots on demand: the processes run with `--heapsnapshot-signal=SIGUSR2` and
 * `--diagnostic-dir=<dir>` (see `heapSnapshotNodeOptions`); each SIGUSR2 writes one
 * `Heap.*.<pid>.*.heapsnapshot` there. Writing one stops the process for seconds and needs about
 * as much memory again as its heap, so a soak that takes them disturbs the RSS it measures.
 */
export function heapSnapshotNodeOptions(dir: string): string {
  return `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`;
}

/**
 * Signals each process in turn to write a heap snapshot and waits until it is written; returns the
 * files. The snapshot is written on the process's main thread, so once the file exists and the
 * process answers its /metrics again, the file is complete.
 */
export async function takeHeapSnapshots(
  processes: readonly PlatformProcess[],
  options: { dir: string; metricsUrls: Record<string, string>; timeoutMs?: number },
): Promise<Map<string, { file: string; bytes: number } | null>> {
  const { dir, metricsUrls, timeoutMs = 180_000 } = options;
  const before = new Set(existsSync(dir) ? readdirSync(dir) : []);
  const found = new Map<string, { file: string; bytes: number } | null>();
  // One at a time: each needs memory and a core while it writes.
  for (const p of processes) {
    process.kill(p.pid, 'SIGUSR2');
    const deadline = performance.now() + timeoutMs;
    let result: { file: string; bytes: number } | null = null;
    while (!result && performance.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      const file = readdirSync(dir).find(
        (f) => !before.has(f) && f.includes(`.${p.pid}.`) && f.endsWith('.heapsnapshot'),
      );
      if (!file) continue;
      const answered = await fetch(metricsUrls[p.name]!, { signal: AbortSignal.timeout(timeoutMs) }).then(
        (r) => r.text().then(() => r.ok),
        () => false,
      );
      if (!answered) continue;
      before.add(file);
      result = { file: join(dir, file), bytes: statSync(join(dir, file)).size };
    }
    found.set(p.name, result);
  }
  return found;
}
