import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AuthError, bearerToken, checkScopes, type TokenVerifier } from '@alphagraph/auth';
import type { Lake, LakeParam, ParquetWriteOptions } from '@alphagraph/lake';
import { z } from 'zod';
import { type HttpRoute, sendJson } from './http.ts';
import type { RequestScope } from './server.ts';

export interface DownloadLink {
  readonly url: string;
  readonly expiresAt: Date;
  readonly rows: number;
  readonly bytes: number;
}

const claimsSchema = z.object({
  file: z.string().regex(/^[0-9a-f-]{36}\.parquet$/),
  sub: z.string(),
  scopes: z.array(z.array(z.string())),
  exp: z.number(),
  name: z.string(),
});
type Claims = z.infer<typeof claimsSchema>;

/**
 * Parquet downloads for results too large for JSON. A link is an HMAC-signed claim (file, owner,
 * required roles, expiry) served under `/downloads/<service>/<token>` by the gateway, which passes
 * the request to the owning subgraph. Fetching it needs the owner's own bearer token, still holding
 * the required role, before the link expires: a leaked link alone opens nothing.
 */
export function createDownloads(options: {
  service: string;
  lake: Lake;
  secret: string;
  publicUrl: string;
  verifier: TokenVerifier;
  ttlSeconds?: number;
}) {
  const ttl = options.ttlSeconds ?? 15 * 60;
  const mac = (payload: string) => createHmac('sha256', options.secret).update(payload).digest('base64url');
  const exportsDir = join(options.lake.root, '_exports');

  const sign = (claims: Claims) => {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${mac(payload)}`;
  };
  const verify = (token: string): Claims | null => {
    const [payload, signature] = token.split('.');
    if (!payload || !signature) return null;
    const expected = Buffer.from(mac(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const parsed = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  };

  const sweep = () => {
    const cutoff = Date.now() - 2 * ttl * 1000;
    try {
      for (const f of readdirSync(exportsDir)) {
        const path = join(exportsDir, f);
        if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
      }
    } catch {
      // nothing exported yet
    }
  };

  return {
    /** Exports a query's result and returns a link only `scope`'s user can fetch, while it holds `requires`. */
    async create(
      scope: RequestScope,
      query: {
        sql: string;
        params: readonly LakeParam[];
        requires: string[][];
        name: string;
        /** How the file is encoded (default: the lake's zstd with dictionaries). */
        parquet?: ParquetWriteOptions;
      },
    ): Promise<DownloadLink> {
      if (!scope.identity) throw new AuthError('TOKEN_MISSING', 'downloads need an authenticated caller');
      sweep();
      const file = await options.lake.exportQuery(query.sql, query.params, query.parquet);
      const exp = Math.floor(Date.now() / 1000) + ttl;
      const token = sign({
        file: basename(file.path),
        sub: scope.identity.userId,
        scopes: query.requires,
        exp,
        name: query.name,
      });
      return {
        url: `${options.publicUrl.replace(/\/$/, '')}/downloads/${options.service}/${token}`,
        expiresAt: new Date(exp * 1000),
        rows: file.rows,
        bytes: file.bytes,
      };
    },

    route: {
      prefix: '/downloads/',
      async handle(req, res) {
        const token = new URL(req.url ?? '/', 'http://localhost').pathname.split('/').pop() ?? '';
        const claims = verify(token);
        if (!claims) return sendJson(res, 404, { error: 'unknown or tampered download link' });
        if (claims.exp * 1000 < Date.now()) return sendJson(res, 410, { error: 'download link has expired' });
        let identity: Awaited<ReturnType<TokenVerifier['verify']>>;
        try {
          const bearer = bearerToken(req.headers.authorization);
          if (!bearer) return sendJson(res, 401, { error: 'send the bearer token of the user the link was made for' });
          identity = await options.verifier.verify(bearer);
        } catch (error) {
          return sendJson(res, 401, { error: error instanceof Error ? error.message : 'unauthenticated' });
        }
        if (identity.userId !== claims.sub) return sendJson(res, 403, { error: 'this link was made for another user' });
        const denial = checkScopes(
          'download',
          [{ authenticated: true, scopes: claims.scopes, policies: null }],
          identity,
        );
        if (denial) return sendJson(res, 403, { error: denial.message });
        const path = join(exportsDir, claims.file);
        if (dirname(path) !== exportsDir) return sendJson(res, 404, { error: 'unknown download' });
        let size: number;
        try {
          size = statSync(path).size;
        } catch {
          return sendJson(res, 410, { error: 'download is no longer available' });
        }
        res.writeHead(200, {
          'content-type': 'application/vnd.apache.parquet',
          'content-length': String(size),
          'content-disposition': `attachment; filename="${claims.name.replace(/[^A-Za-z0-9_.-]/g, '_')}.parquet"`,
        });
        createReadStream(path).pipe(res);
      },
    } satisfies HttpRoute,
  };
}
export type Downloads = ReturnType<typeof createDownloads>;
