import type { IncomingMessage } from 'node:http';
import { type Identity, identityFromAuthorization, type TokenVerifier } from '@alphagraph/auth';
import {
  type CostAnnotations,
  checkOperationLimits,
  checkRequestLimits,
  costAnnotationsFromSdl,
  measureOperation,
  type OperationLimits,
  operationLimitError,
} from '@alphagraph/server';
import { buildASTSchema, GraphQLError, type GraphQLSchema, parse } from 'graphql';

/** A token bucket: `perSecond` refill, `burst` capacity. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

export interface FairnessOptions {
  /** Requests per caller (user, or client address when anonymous), by role; `default` for the rest. */
  rates: { default: RateLimit } & Partial<Record<string, RateLimit>>;
  /** An operation whose estimated cost reaches this counts as expensive. */
  expensiveCost: number;
  /** Expensive operations one caller may have in flight at once. */
  maxExpensivePerCaller: number;
}

export const DEFAULT_FAIRNESS: FairnessOptions = {
  rates: { default: { perSecond: 100, burst: 200 }, service: { perSecond: 1000, burst: 2000 } },
  expensiveCost: 5_000,
  maxExpensivePerCaller: 2,
};

/** What the gateway answers instead of passing a request on. */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const refusal = (error: GraphQLError, headers: Record<string, string> = {}): Refusal => ({
  status: (error.extensions.http as { status?: number } | undefined)?.status ?? 400,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify({ errors: [{ message: error.message, extensions: { ...error.extensions, http: undefined } }] }),
});

/** Reads a body up to `max` bytes; past it, stops reading and reports the size seen so far. */
export async function readBodyUpTo(
  req: IncomingMessage,
  max: number,
): Promise<{ text: string } | { tooLarge: number }> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return { tooLarge: declared };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return { tooLarge: size };
    chunks.push(chunk as Buffer);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

/** The rate of the caller's roles that have one (the most generous), else the default. */
function rateFor(identity: Identity | null, rates: FairnessOptions['rates']): RateLimit {
  let best: RateLimit | undefined;
  for (const role of identity?.roles ?? []) {
    const r = rates[role];
    if (r && (!best || r.perSecond > best.perSecond || (r.perSecond === best.perSecond && r.burst > best.burst))) {
      best = r;
    }
  }
  return best ?? rates.default;
}

/**
 * Admission at the gateway, before Yoga parses, validates or plans anything: request and
 * operation limits (the shared `@alphagraph/server` limits, measured on the supergraph with its
 * `@cost`/`@listSize` annotations), a token bucket per caller, and a bound on each caller's
 * expensive operations in flight. Refusals are answered here; no subgraph is called.
 */
export function createAdmission(options: {
  supergraphSdl: string;
  limits: OperationLimits;
  fairness: FairnessOptions;
  verifier: TokenVerifier;
  now?: () => number;
}) {
  const document = parse(options.supergraphSdl);
  const schema: GraphQLSchema = buildASTSchema(document, { assumeValidSDL: true });
  const annotations: CostAnnotations = costAnnotationsFromSdl(document);
  const { limits, fairness } = options;
  const now = options.now ?? (() => performance.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  const expensiveInFlight = new Map<string, number>();

  const takeToken = (key: string, rate: RateLimit): number => {
    const t = now();
    const bucket = buckets.get(key) ?? { tokens: rate.burst, at: t };
    bucket.tokens = Math.min(rate.burst, bucket.tokens + ((t - bucket.at) / 1000) * rate.perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate.perSecond);
  };
  // Idle buckets are full again: forget them so the map does not grow with every caller ever seen.
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, b] of buckets) if (t - b.at > 60_000) buckets.delete(key);
  }, 60_000).unref();

  return {
    limits,
    /**
     * Checks one GraphQL request. Resolves to a refusal, or to `admitted` with a `release` to
     * call when the response is finished.
     */
    async admit(
      req: IncomingMessage,
      request: { query?: unknown; variables?: unknown },
    ): Promise<{ refused: Refusal } | { release: () => void }> {
      const identity = await identityFromAuthorization(options.verifier, req.headers.authorization).catch(() => null);
      const caller = identity ? `user:${identity.userId}` : `addr:${req.socket.remoteAddress ?? 'unknown'}`;
      const rate = rateFor(identity, fairness.rates);
      const retryAfter = takeToken(caller, rate);
      if (retryAfter > 0) {
        const error = new GraphQLError(
          `Rate limit: at most ${rate.perSecond} requests per second (bursts of ${rate.burst}) per caller; retry after ${retryAfter} s.`,
          { extensions: { code: 'RATE_LIMITED', limit: 'rate', perSecond: rate.perSecond, burst: rate.burst } },
        );
        return { refused: { ...refusal(error, { 'retry-after': String(retryAfter) }), status: 429 } };
      }

      const requestError = checkRequestLimits(request, limits);
      if (requestError) return { refused: refusal(requestError) };
      let cost = 0;
      if (typeof request.query === 'string') {
        let parsed: ReturnType<typeof parse> | undefined;
        try {
          parsed = parse(request.query, { maxTokens: limits.maxTokens });
        } catch {
          // Not a document: Yoga answers with the syntax error.
        }
        if (parsed) {
          const variables =
            typeof request.variables === 'object' && request.variables !== null
              ? (request.variables as Record<string, unknown>)
              : null;
          const measure = measureOperation({ schema, document: parsed, variables, annotations });
          const error = checkOperationLimits(measure, limits);
          if (error) return { refused: refusal(error) };
          cost = measure.cost;
        }
      }
      if (cost < fairness.expensiveCost) return { release: () => {} };
      const running = expensiveInFlight.get(caller) ?? 0;
      if (running >= fairness.maxExpensivePerCaller) {
        const error = new GraphQLError(
          `Too many expensive operations: at most ${fairness.maxExpensivePerCaller} per caller at once ` +
            `(estimated cost ${cost}, expensive from ${fairness.expensiveCost}); retry when one has finished.`,
          {
            extensions: { code: 'RATE_LIMITED', limit: 'maxExpensivePerCaller', max: fairness.maxExpensivePerCaller },
          },
        );
        return { refused: { ...refusal(error, { 'retry-after': '1' }), status: 429 } };
      }
      expensiveInFlight.set(caller, running + 1);
      let released = false;
      return {
        release: () => {
          if (released) return;
          released = true;
          const left = (expensiveInFlight.get(caller) ?? 1) - 1;
          if (left > 0) expensiveInFlight.set(caller, left);
          else expensiveInFlight.delete(caller);
        },
      };
    },
    /** The body-size refusal, for the HTTP layer that reads the body. */
    bodyTooLarge(size: number): Refusal {
      return refusal(operationLimitError('maxBodyBytes', size, limits.maxBodyBytes, true));
    },
    dispose() {
      clearInterval(sweep);
    },
  };
}
export type Admission = ReturnType<typeof createAdmission>;
