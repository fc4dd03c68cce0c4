import { DomainError, type RequestScope } from '@alphagraph/service';

/** One entity's online values, in the order of the requested features. */
export interface OnlineRow {
  readonly entity: string;
  /** Null unless CURRENT (and defined). */
  readonly vector: readonly (number | null)[];
  readonly statuses: readonly ('CURRENT' | 'EXPIRED' | 'MISSING')[];
  readonly eventTimes: readonly (string | null)[];
}

export interface OnlineAnswer {
  readonly rows: ReadonlyMap<string, OnlineRow>;
  readonly unknownEntities: readonly string[];
}

export type OnlineReader = (
  scope: RequestScope,
  request: { entities: readonly string[]; features: readonly string[]; asOf: Date | null },
) => Promise<OnlineAnswer>;

const QUERY = `query Signals($entities: [String!]!, $features: [String!]!, $asOf: DateTime) {
  onlineFeatures(entities: $entities, features: $features, asOf: $asOf) {
    rows { entity vector statuses eventTimes }
    unknownEntities
  }
}`;

/** The features subgraph answers at most this many values per request (its MAX_CELLS). */
const MAX_CELLS = 20_000;

interface Answer {
  data?: { onlineFeatures: { rows: OnlineRow[]; unknownEntities: string[] } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Reads online feature values from the features subgraph, which owns the online store, on the
 * caller's behalf: the caller's token goes along, so the features subgraph applies the caller's
 * roles, entitlements and licences to the read exactly as for `onlineFeatures` through the
 * gateway. A large universe is read in parallel chunks within the subgraph's per-request bound.
 */
export function createOnlineReader(url: string, options: { timeoutMs?: number } = {}): OnlineReader {
  const timeoutMs = options.timeoutMs ?? 10_000;
  async function chunk(
    scope: RequestScope,
    entities: readonly string[],
    features: readonly string[],
    asOf: Date | null,
  ) {
    const unavailable = (error: unknown) => {
      const timedOut = (error as Error).name === 'TimeoutError';
      return new DomainError(
        'UNAVAILABLE',
        timedOut
          ? `signals: the features subgraph did not answer within ${timeoutMs / 1000} s`
          : `signals: the features subgraph did not answer (${(error as Error).message})`,
        { cause: error },
      );
    };
    let body: Answer;
    let status = 0;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-request-id': scope.requestId,
          ...(scope.authorization ? { authorization: scope.authorization } : {}),
        },
        body: JSON.stringify({
          query: QUERY,
          variables: { entities, features, asOf: asOf?.toISOString() ?? null },
        }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      // The deadline covers the body too: a subgraph that sends its headers and stalls is caught.
      const text = await response.text();
      try {
        body = JSON.parse(text) as Answer;
      } catch {
        throw new DomainError(
          'UNAVAILABLE',
          `signals: the features subgraph answered HTTP ${status} with a body that is not JSON (${text.slice(0, 80)})`,
        );
      }
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw unavailable(error);
    }
    const first = body.errors?.[0];
    if (first || !body.data?.onlineFeatures) {
      const code = first?.extensions?.code;
      throw new DomainError(
        code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? code : 'UNAVAILABLE',
        `signals: reading online feature values failed: ${first?.message ?? `HTTP ${status}, no data`}`,
      );
    }
    return body.data.onlineFeatures;
  }

  return async (scope, { entities, features, asOf }) => {
    const per = Math.max(1, Math.floor(MAX_CELLS / Math.max(1, features.length)));
    const parts: string[][] = [];
    for (let i = 0; i < entities.length; i += per) parts.push(entities.slice(i, i + per));
    const answers = await Promise.all(parts.map((p) => chunk(scope, p, features, asOf)));
    const rows = new Map<string, OnlineRow>();
    for (const a of answers) for (const r of a.rows) rows.set(r.entity, r);
    return { rows, unknownEntities: answers.flatMap((a) => a.unknownEntities) };
  };
}
