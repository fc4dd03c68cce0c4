import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { type Identity, identityFromAuthorization, type TokenVerifier } from '@alphagraph/auth';
import { type HttpRoute, sendJson } from '@alphagraph/service';
import { Marked } from 'marked';

const require = createRequire(import.meta.url);

/**
 * Chart libraries bundled with the platform and served by the page's own service (no CDN: pages
 * work behind a firewall and with no internet): d3 and Observable Plot, as their UMD builds.
 */
const ASSETS: Record<string, () => string> = {
  'd3.js': () => readFileSync(join(packageDir('d3'), 'dist', 'd3.min.js'), 'utf8'),
  'plot.js': () => readFileSync(join(packageDir('@observablehq/plot'), 'dist', 'plot.umd.min.js'), 'utf8'),
};

/** A dependency's installed directory (its UMD build is not among its package exports' default condition). */
function packageDir(name: string): string {
  const entry = require.resolve(name);
  const marker = `${sep}node_modules${sep}${name.split('/').join(sep)}${sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`cannot locate the ${name} package from ${entry}`);
  return entry.slice(0, at + marker.length);
}
const assetCache = new Map<string, string>();

export interface RenderedPage {
  readonly status: number;
  readonly html: string;
}

export interface PageRouteOptions {
  /** `/models/`: every path under it is this service's page (or `_assets/<file>`). */
  readonly prefix: string;
  readonly verifier: TokenVerifier;
  /** Renders the page at `path` (after the prefix) for a verified caller; null when there is none. */
  readonly render: (path: string, identity: Identity) => Promise<RenderedPage | null>;
}

/** Text as HTML (element content or a quoted attribute value). */
export const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** JSON safe inside a <script> element. */
export const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** Markdown with raw HTML shown as text: a card's content is data, never markup. */
const markdown = new Marked({
  renderer: {
    html: (token) => escapeHtml(token.text),
  },
});

/** Markdown (a model card) as HTML; raw HTML in the source is escaped, not rendered. */
export function markdownToHtml(source: string): string {
  return markdown.parse(source, { async: false }) as string;
}

/**
 * A page's HTML: the platform's styles, the chart libraries from `assetsPath`, the body, and the
 * page's data as JSON for its script (`window.PAGE_DATA`).
 */
export function pageShell(options: {
  title: string;
  assetsPath: string;
  body: string;
  data?: unknown;
  script?: string;
}): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(options.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
  header { background: #14213d; color: #fff; padding: 12px 24px; font-weight: 600; letter-spacing: .02em; }
  main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 48px; }
  section.card, .panel { background: #fff; border: 1px solid #dde1e8; border-radius: 6px; padding: 8px 20px; margin: 16px 0; }
  table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
  th, td { border-bottom: 1px solid #e6e9ef; padding: 4px 10px; text-align: left; }
  th { background: #f0f2f6; }
  code { background: #f0f2f6; padding: 1px 4px; border-radius: 3px; font-size: 12px; }
  blockquote { border-left: 3px solid #8aa1c1; margin: 8px 0; padding: 4px 12px; color: #39445a; background: #f4f7fb; }
  h1 { font-size: 22px; } h2 { font-size: 17px; margin-top: 24px; border-bottom: 1px solid #e6e9ef; }
  .chart { min-height: 120px; }
  [title] { text-decoration: underline dotted #8aa1c1; cursor: help; }
</style>
<script src="${options.assetsPath}d3.js"></script>
<script src="${options.assetsPath}plot.js"></script>
</head><body><header>Alphagraph</header><main>
${options.body}
</main>
<script>window.PAGE_DATA = ${scriptJson(options.data ?? null)};</script>
${options.script ? `<script>${options.script}</script>` : ''}
</body></html>`;
}

function send(res: ServerResponse, status: number, type: string, body: string, cache = false) {
  res
    .writeHead(status, {
      'content-type': type,
      'cache-control': cache ? 'public, max-age=3600' : 'no-store',
      'x-content-type-options': 'nosniff',
      // Only this origin's scripts and the page's own inline script; nothing is fetched from outside.
      // connect-src 'self': a page may call this origin's /graphql (the gateway's) with the caller's token.
      'content-security-policy':
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'",
    })
    .end(body);
}

/**
 * A service's pages under `prefix`, passed through by the gateway with the caller's
 * Authorization header (or, for a link opened in a browser, `?token=`). The caller's token is
 * verified here and `render` decides what the identity may see, as the GraphQL fields do.
 */
export function createPageRoute(options: PageRouteOptions): HttpRoute {
  return {
    prefix: options.prefix,
    async handle(req: IncomingMessage, res: ServerResponse) {
      const url = new URL(req.url ?? '/', 'http://page');
      const path = url.pathname.slice(options.prefix.length);
      if (req.method !== 'GET') return sendJson(res, 405, { error: 'pages are read with GET' });
      if (path.startsWith('_assets/')) {
        const name = path.slice('_assets/'.length);
        const load = ASSETS[name];
        if (!load) return sendJson(res, 404, { error: 'unknown asset' });
        let body = assetCache.get(name);
        if (body === undefined) {
          try {
            body = load();
          } catch (error) {
            console.error(`[pages] asset ${name} is not installed`, error);
            return sendJson(res, 500, { error: `asset ${name} is not installed` });
          }
          assetCache.set(name, body);
        }
        return send(res, 200, 'text/javascript; charset=utf-8', body, true);
      }
      const token = url.searchParams.get('token');
      let identity: Identity | null;
      try {
        identity = await identityFromAuthorization(
          options.verifier,
          req.headers.authorization ?? (token ? `Bearer ${token}` : undefined),
        );
      } catch {
        identity = null;
      }
      if (!identity) {
        return send(
          res,
          401,
          'text/html; charset=utf-8',
          pageShell({
            title: 'Sign in',
            assetsPath: options.prefix + '_assets/',
            body: '<h1>401</h1><p>This page needs a valid bearer token (Authorization header or ?token=).</p>',
          }),
        );
      }
      try {
        const page = await options.render(decodeURIComponent(path), identity);
        if (!page)
          return send(
            res,
            404,
            'text/html; charset=utf-8',
            pageShell({
              title: 'Not found',
              assetsPath: options.prefix + '_assets/',
              body: '<h1>404</h1><p>No such page.</p>',
            }),
          );
        return send(res, page.status, 'text/html; charset=utf-8', page.html);
      } catch (error) {
        console.error(`[pages] ${req.url} failed`, error);
        return send(
          res,
          500,
          'text/html; charset=utf-8',
          pageShell({
            title: 'Error',
            assetsPath: options.prefix + '_assets/',
            body: '<h1>500</h1><p>Internal server error.</p>',
          }),
        );
      }
    },
  };
}
