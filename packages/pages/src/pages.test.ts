import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPageRoute, markdownToHtml, pageShell, scriptJson } from './pages.ts';

describe('pages', () => {
  let server: Server;
  let base = '';
  const seen: string[] = [];

  beforeAll(async () => {
    const route = createPageRoute({
      prefix: '/things/',
      verifier: createTokenVerifier(TEST_AUTH),
      render: async (path, identity) => {
        seen.push(`${identity.userId}:${path}`);
        if (path !== 'a/1') return null;
        return {
          status: 200,
          html: pageShell({ title: 'A', assetsPath: '/things/_assets/', body: '<p id="x">hello</p>', data: { n: 1 } }),
        };
      },
    });
    server = createServer((req, res) => void route.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves the bundled chart libraries without a token', async () => {
    const plot = await fetch(`${base}/things/_assets/plot.js`);
    expect(plot.status).toBe(200);
    expect(plot.headers.get('content-type')).toMatch(/javascript/);
    expect(await plot.text()).toContain('Plot');
    const d3 = await fetch(`${base}/things/_assets/d3.js`);
    expect((await d3.text()).length).toBeGreaterThan(100_000);
    expect((await fetch(`${base}/things/_assets/evil.js`)).status).toBe(404);
  });

  it('renders for a verified caller (header or ?token=), 401 without, 404 for no page', async () => {
    const token = await testToken(['researcher'], 'rita');
    const page = await fetch(`${base}/things/a/1`, { headers: { authorization: `Bearer ${token}` } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<p id="x">hello</p>');
    expect(html).toContain('window.PAGE_DATA = {"n":1}');
    expect(html).toContain('<script src="/things/_assets/plot.js">');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await fetch(`${base}/things/a/1?token=${token}`)).status).toBe(200);
    expect((await fetch(`${base}/things/a/1`)).status).toBe(401);
    expect((await fetch(`${base}/things/a/1`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await fetch(`${base}/things/b/2`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404);
    expect(seen).toContain('rita:a/1');
  });

  it('escapes raw HTML in Markdown and script data', () => {
    const html = markdownToHtml('# Title\n\n> quoted\n\n<script>alert(1)</script> and `code`');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<blockquote>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    // Code spans keep quotes as they are (escaped once, not twice).
    expect(markdownToHtml('`{"a":1}`')).toBe('<p><code>{&quot;a&quot;:1}</code></p>\n');
    expect(markdownToHtml('x <b>bold</b> y')).not.toContain('<b>');
    expect(scriptJson({ s: '</script><b>' })).toBe('{"s":"\\u003c/script\\u003e\\u003cb\\u003e"}');
  });
});
