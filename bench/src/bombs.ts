// The operations of issue 12 item 1 that once stalled the platform, as a hostile client sends them
// to the gateway, each expected to be refused before any subgraph is called.

export interface Bomb {
  readonly name: string;
  /** The limit the refusal must name (`extensions.limit`). */
  readonly limit: string;
  /** The request body, built once. */
  readonly body: string;
}

export interface BombOutcome {
  bomb: string;
  status: number;
  /** True when the answer is a refusal naming the expected limit. */
  refused: boolean;
  /** The refusal's message, or what came back instead. */
  detail: string;
  ms: number;
}

const FAN_OUT =
  '{ instrument(symbol: "AAPL") { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { symbol } } } } } } } } } }';

/** Thirty fragments, each spreading the previous one twice: 2^30 fields when expanded naively. */
function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Query { instruments { totalCount } }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query Bomb { ...F${levels} }\n${fragments.join('\n')}`;
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

/** The four bombs, rotated by the soak and sent continuously by the bystander benchmark. */
export const BOMBS: readonly Bomb[] = [
  { name: 'fan-out (4 levels of coverage)', limit: 'maxCost', body: JSON.stringify({ query: FAN_OUT }) },
  { name: 'fragment doubling (30 levels)', limit: 'maxFields', body: JSON.stringify({ query: fragmentBomb(30) }) },
  {
    name: '500 aliases of dataQuality',
    limit: 'maxAliases',
    body: JSON.stringify({ query: aliases(500, 'dataQuality { instruments }') }),
  },
  {
    name: '20 MB body',
    limit: 'maxBodyBytes',
    body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(20 * 1024 * 1024) } }),
  },
];

/** Sends one bomb and checks the answer is an OPERATION_LIMIT_EXCEEDED refusal naming its limit. */
export async function sendBomb(url: string, token: string, bomb: Bomb): Promise<BombOutcome> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: bomb.body,
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let error: { message?: string; extensions?: { code?: string; limit?: string } } | undefined;
    try {
      error = (JSON.parse(text) as { errors?: (typeof error)[] }).errors?.[0];
    } catch {
      error = undefined;
    }
    const refused =
      (res.status === 400 || res.status === 413) &&
      error?.extensions?.code === 'OPERATION_LIMIT_EXCEEDED' &&
      error.extensions.limit === bomb.limit;
    return { bomb: bomb.name, status: res.status, refused, detail: error?.message ?? text.slice(0, 200), ms };
  } catch (e) {
    return { bomb: bomb.name, status: 0, refused: false, detail: String(e), ms: performance.now() - t0 };
  }
}
