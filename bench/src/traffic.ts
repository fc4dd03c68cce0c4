// The normal traffic of the soak: what analysts, researchers and traders ask the gateway for, each
// operation checking its answer (data present, the expected number of items).

import { ONLINE_DENSE } from './online-features.ts';
import type { Operation } from './open-loop.ts';
import type { BenchPlatform } from './platform.ts';

export interface TrafficUsers {
  /** Catalog and bars reads. */
  analyst: string;
  /** Online feature reads. */
  trader: string;
}

const CROSS = `query($s: String!) { instrument(symbol: $s) { symbol bars(last: 5) { time open high low close volume }
  altDatasets { name vendor { name } } features { ref expression } models { name task } backtests { name status } } }`;
const INSTRUMENTS = `query($q: String) { instruments(search: $q, first: 50) { totalCount edges { node { symbol name assetClass } } } }`;
const DATASETS = '{ datasets { name vendor { name } } }';
const FEATURES = '{ features { ref expression } }';
const INSTRUMENT_BARS =
  'query($s: String!) { instrument(symbol: $s) { symbol bars(last: 60) { time open high low close volume } } }';
const MULTI_BARS = `query($s: [String!]!) { bars(symbols: $s, from: "2017-01-01T00:00:00Z", first: 500) { edges { node { symbol time close } } } }`;

/** Operations drawn by weight; names are the rows of the printed table. */
export function normalTraffic(
  bench: BenchPlatform,
  users: TrafficUsers,
  options: { symbols: string[]; features: string[]; onlineEntities: number },
): Operation[] {
  const { symbols, features } = options;
  const one = (random: () => number) => symbols[Math.floor(random() * symbols.length)]!;
  const some = (random: () => number, n: number) => {
    const start = Math.floor(random() * symbols.length);
    return Array.from({ length: n }, (_, i) => symbols[(start + i * 7) % symbols.length]!);
  };
  const expect = (ok: boolean, what: string) => {
    if (!ok) throw new Error(what);
  };
  return [
    {
      name: 'onlineFeatures (trader)',
      weight: 35,
      async run(random) {
        const entities = some(random, options.onlineEntities);
        const d = await bench.post(ONLINE_DENSE, { e: entities, f: features }, { token: users.trader });
        const rows = d.onlineFeatures.rows as { vector: (number | null)[] }[];
        expect(
          rows.length === entities.length && rows.every((r) => r.vector.length === features.length),
          `online: ${rows.length} rows for ${entities.length} entities`,
        );
      },
    },
    {
      name: 'instrument bars(last: 60)',
      weight: 15,
      async run(random) {
        const s = one(random);
        const d = await bench.post(INSTRUMENT_BARS, { s }, { token: users.analyst });
        const bars = d.instrument?.bars as { close: number | null }[] | undefined;
        // At most 60: a listing younger than 60 sessions has fewer.
        expect(
          d.instrument?.symbol === s &&
            !!bars &&
            bars.length > 0 &&
            bars.length <= 60 &&
            typeof bars.at(-1)!.close === 'number',
          `bars of ${s}: ${JSON.stringify(d).slice(0, 200)}`,
        );
      },
    },
    {
      name: 'bars(5 symbols, first: 500)',
      weight: 10,
      async run(random) {
        const d = await bench.post(MULTI_BARS, { s: some(random, 5) }, { token: users.analyst });
        expect(d.bars.edges.length === 500, `multi-symbol bars: ${d.bars.edges.length} edges`);
      },
    },
    {
      name: 'instrument across 5 subgraphs',
      weight: 10,
      async run(random) {
        const s = one(random);
        const d = await bench.post(CROSS, { s }, { token: users.analyst });
        expect(
          d.instrument?.symbol === s && Array.isArray(d.instrument.altDatasets) && Array.isArray(d.instrument.models),
          `cross-subgraph ${s}: ${JSON.stringify(d).slice(0, 200)}`,
        );
      },
    },
    {
      name: 'instruments(search)',
      weight: 10,
      async run(random) {
        const q = 'ABCDEFGHIJKLMNOPRSTUVWXYZ'[Math.floor(random() * 25)]!;
        const d = await bench.post(INSTRUMENTS, { q }, { token: users.analyst });
        expect(d.instruments.totalCount >= d.instruments.edges.length, 'instruments: totalCount below edges');
      },
    },
    {
      name: 'datasets (alt-data catalog)',
      weight: 10,
      async run() {
        const d = await bench.post(DATASETS, {}, { token: users.analyst });
        expect(d.datasets.length > 0, 'no alt datasets');
      },
    },
    {
      name: 'features (catalog)',
      weight: 10,
      async run() {
        const d = await bench.post(FEATURES, {}, { token: users.analyst });
        expect(d.features.length >= features.length, `features: ${d.features.length}`);
      },
    },
  ];
}
