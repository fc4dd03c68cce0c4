// The 20-feature Alpha158 subset as the online benchmarks serve it: defined with a long TTL (so the
// 2018 values of the demo data are CURRENT) and materialized for a universe through the gateway.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { demoDataDir } from '@alphagraph/config';
import { ALPHA158 } from '@alphagraph/dsl';
import { SUBSET_20 } from './alpha20.ts';
import type { BenchPlatform } from './platform.ts';

/** The names the online benchmarks give their copies of the 20 factors. */
export const ONLINE_FEATURES = SUBSET_20.map((n) => `bench_${n.toLowerCase()}`);

/** Dense online read: per entity, `vector` and `statuses` in feature order (what a model server uses). */
export const ONLINE_DENSE = `query($e: [String!]!, $f: [String!]!) { onlineFeatures(entities: $e, features: $f) {
  features servedAt rows { entity vector statuses } } }`;

const DEFINE = 'mutation($i: DefineFeatureInput!) { defineFeature(input: $i) { ok error { message } } }';
const MATERIALIZE =
  'mutation($i: MaterializeFeaturesInput!) { materializeFeatures(input: $i) { ok error { message } run { id status error durationMs } } }';
const RUN = 'query($id: ID!) { materializationRun(id: $id) { id status error durationMs } }';

/** The first `n` instruments by symbol (of one asset class, e.g. `EQUITY`, when given), in pages of 500. */
export async function firstSymbols(
  bench: BenchPlatform,
  n: number,
  options: { token?: string; assetClass?: string } = {},
): Promise<string[]> {
  const symbols: string[] = [];
  let after: string | null = null;
  while (symbols.length < n) {
    const listed: {
      instruments: {
        edges: { node: { symbol: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await bench.post(
      `query($n: Int!, $c: AssetClass, $a: String) { instruments(first: $n, assetClass: $c, after: $a) {
        edges { node { symbol } } pageInfo { hasNextPage endCursor } } }`,
      { n: Math.min(500, n - symbols.length), c: options.assetClass ?? null, a: after },
      { token: options.token },
    );
    symbols.push(...listed.instruments.edges.map((e) => e.node.symbol));
    if (!listed.instruments.pageInfo.hasNextPage) break;
    after = listed.instruments.pageInfo.endCursor;
  }
  return symbols;
}

/**
 * The 505 symbols of the demo's all_stocks_5yr (its `Name` column), sorted: every one has a bar on
 * the data's last session, 2018-02-07. Not the first 505 equities by symbol: the demo's other
 * datasets (StockNet) add equities whose bars end in 2017.
 */
export function allStocks5yrSymbols(): string[] {
  const csv = gunzipSync(readFileSync(join(demoDataDir(), 'all_stocks_5yr.csv.gz'))).toString('utf8');
  const names = new Set<string>();
  for (const line of csv.split('\n').slice(1)) {
    const name = line.slice(line.lastIndexOf(',') + 1).trim();
    if (name) names.add(name);
  }
  return [...names].sort();
}

/**
 * The first `n` Alpha158 factors as the features service registers them at boot (the built-in
 * `alpha158` set: lower-case names, Qlib's order, a 4-day TTL, so the demo's last session is
 * CURRENT the next morning).
 */
export function builtinAlpha158(n: number): string[] {
  return Object.keys(ALPHA158)
    .slice(0, n)
    .map((name) => name.toLowerCase());
}

/** Long enough that the demo's 2018 values are still CURRENT today. */
const LONG_TTL_SECONDS = 20 * 366 * 86_400;

/**
 * Defines copies of Alpha158 factors under the given names with a long TTL, so that a read with
 * no asOf (the production path) serves the demo data's last values as CURRENT.
 */
async function defineLongTtlCopies(
  bench: BenchPlatform,
  copies: readonly { name: string; factor: string }[],
  token?: string,
): Promise<string[]> {
  for (const { name, factor } of copies) {
    const defined = await bench.post(
      DEFINE,
      {
        i: { name, description: `bench copy of ${factor}`, expression: ALPHA158[factor], ttlSeconds: LONG_TTL_SECONDS },
      },
      { token },
    );
    if (!defined.defineFeature.ok) throw new Error(`defineFeature ${name}: ${defined.defineFeature.error.message}`);
  }
  return copies.map((c) => c.name);
}

/** Defines the 20 features (a researcher's token; the dev token when none is given). */
export function defineOnlineFeatures(bench: BenchPlatform, token?: string): Promise<string[]> {
  return defineLongTtlCopies(
    bench,
    ONLINE_FEATURES.map((name, i) => ({ name, factor: SUBSET_20[i]! })),
    token,
  );
}

/** Long-TTL copies (`bench_long_<factor>`) of the first `n` Alpha158 factors. */
export function defineLongTtlAlpha158(bench: BenchPlatform, n: number, token?: string): Promise<string[]> {
  return defineLongTtlCopies(
    bench,
    Object.keys(ALPHA158)
      .slice(0, n)
      .map((factor) => ({ name: `bench_long_${factor.toLowerCase()}`, factor })),
    token,
  );
}

export interface MaterializeRequest {
  features: string[];
  universe: string[];
  from: string;
}

/**
 * Starts a BACKFILL run and waits until it leaves QUEUED/RUNNING; throws unless it SUCCEEDED. The
 * mutation itself waits at most 20 s, inside the gateway's 30 s subgraph timeout; then it polls.
 */
export async function materializeAndWait(
  bench: BenchPlatform,
  request: MaterializeRequest,
  token?: string,
): Promise<{ id: string; durationMs: number | null }> {
  const started = await bench.post(MATERIALIZE, { i: { ...request, mode: 'BACKFILL', waitSeconds: 20 } }, { token });
  if (!started.materializeFeatures.ok)
    throw new Error(`materializeFeatures: ${started.materializeFeatures.error.message}`);
  let run = started.materializeFeatures.run;
  while (run.status === 'QUEUED' || run.status === 'RUNNING') {
    await new Promise((r) => setTimeout(r, 500));
    run = (await bench.post(RUN, { id: run.id }, { token })).materializationRun;
  }
  if (run.status !== 'SUCCEEDED') throw new Error(`materialization run ${run.id} ${run.status}: ${run.error}`);
  return { id: run.id, durationMs: run.durationMs ?? null };
}
