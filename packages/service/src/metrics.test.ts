import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { metricsText, recordRequest } from './metrics.ts';

/** Each sample of a metric in a Prometheus text exposition: its label text and value. */
function samples(text: string, name: string): { labels: string; value: number }[] {
  return [...text.matchAll(new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`, 'gm'))].map((m) => ({
    labels: m[1] ?? '',
    value: Number(m[2]),
  }));
}

describe('a subgraph’s /metrics', () => {
  it('carries the runtime’s memory figures and the heap that survived the last major collection', async () => {
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    await new Promise((r) => setTimeout(r, 50));
    const { body } = await metricsText();
    const one = (name: string) => {
      const found = samples(body, name);
      expect(found, name).toHaveLength(1);
      return found[0]!.value;
    };
    // Resident memory as the kernel counts it (VmRSS, in bytes), within a margin for the time between.
    const rss = Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024;
    expect(Math.abs(one('process_resident_memory_bytes') - rss)).toBeLessThan(0.5 * rss);
    expect(one('nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    const afterGc = one('alphagraph_heap_used_after_major_gc_bytes');
    expect(afterGc).toBeGreaterThan(0);
    expect(afterGc).toBeLessThanOrEqual(one('nodejs_heap_size_total_bytes'));
  });

  it('keeps at most 200 operation names as label values, counting the rest as `other`', async () => {
    for (let i = 0; i < 300; i++) recordRequest(`Attacker${i}`, 200, 0.001);
    recordRequest('Attacker7', 200, 0.001);
    const { body } = await metricsText();
    const requests = samples(body, 'alphagraph_subgraph_requests_total');
    const operations = requests.map((s) => /operation="([^"]*)"/.exec(s.labels)?.[1]);
    expect(new Set(operations).size).toBe(201);
    expect(requests.find((s) => s.labels.includes('operation="other"'))?.value).toBe(100);
    expect(requests.find((s) => s.labels.includes('operation="Attacker7"'))?.value).toBe(2);
    expect(operations).not.toContain('Attacker200');
    const durations = samples(body, 'alphagraph_subgraph_request_duration_seconds_count');
    expect(new Set(durations.map((s) => s.labels)).size).toBe(201);
  });
});
