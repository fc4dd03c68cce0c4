import { type AuthEnv, authEnv } from '@alphagraph/auth';
import {
  defaultSubgraphUrl,
  type EnvSource,
  GATEWAY,
  httpEnv,
  loadEnv,
  SUBGRAPHS,
  type SubgraphName,
  subgraphUrlVariable,
} from '@alphagraph/config';
import { z } from 'zod';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** One optional override per subgraph (SUBGRAPH_MARKET_DATA_URL, ...); an empty value counts as unset. */
const subgraphUrlsEnv = z
  .object(
    Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), z.literal('').or(httpUrl).optional()])),
  )
  .transform(
    (e) =>
      Object.fromEntries(
        SUBGRAPHS.map(({ name }) => [name, e[subgraphUrlVariable(name)] || defaultSubgraphUrl(name)]),
      ) as Record<SubgraphName, string>,
  );

export interface GatewayEnv {
  port: number;
  host: string;
  stopGraceMs: number;
  subgraphUrls: Record<SubgraphName, string>;
  auth: AuthEnv;
  /** Development: a token GraphiQL sends by default (the launcher mints one). */
  graphiqlToken: string | undefined;
}

const graphiqlEnv = z
  .object({ GRAPHIQL_DEV_TOKEN: z.string().min(1).optional() })
  .transform((e) => e.GRAPHIQL_DEV_TOKEN);

/** Validates the gateway's configuration once, at boot; `source` defaults to `process.env`. */
export function loadGatewayEnv(source?: EnvSource): GatewayEnv {
  const env = loadEnv(
    { http: httpEnv(GATEWAY.defaultPort), subgraphs: subgraphUrlsEnv, auth: authEnv, graphiql: graphiqlEnv },
    source,
  );
  return { ...env.http, subgraphUrls: env.subgraphs, auth: env.auth, graphiqlToken: env.graphiql };
}
