import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

let observer: PerformanceObserver | undefined;
let afterMajorGc: number | undefined;

/**
 * The V8 heap in use just after the last major (mark-sweep-compact) garbage collection, in bytes,
 * or undefined before the first one. Unlike heap used at any moment, which rises and falls with
 * the young garbage, this is what survives, so its trend over hours tells a leak from load.
 * Starts watching on the first call (one observer per process, however many registries ask).
 * Read when the GC entry is delivered, shortly after the collection, so it may include a little
 * new allocation.
 */
export function heapUsedAfterMajorGc(): number | undefined {
  if (!observer) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) afterMajorGc = getHeapStatistics().used_heap_size;
      }
    });
    // An observer of GC entries does not keep the process alive.
    observer.observe({ entryTypes: ['gc'] });
  }
  return afterMajorGc;
}
