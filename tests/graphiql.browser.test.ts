// GraphiQL at the gateway, in a real Chromium with every request to another host blocked:
// an analyst behind a firewall (or on a plane) must still be able to explore the graph.
import { mintDevToken } from '@alphagraph/auth';
import { TEST_AUTH } from '@alphagraph/auth/testing';
import { type RunningGateway, startGateway } from '@alphagraph/gateway';
import { startTinyGraph, type TinyGraph } from '@alphagraph/gateway/testing';
import { launchChromium, skipBrowserTests } from '@alphagraph/pages/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// On a developer machine without Chromium the test is skipped with a notice; CI installs Chromium
// (.ci/run) and a missing browser there is a failure, never a skip.
const SKIP = skipBrowserTests('graphiql.browser.test');
const SCREENSHOT = '/tmp/graphiql.png';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const QUERY = 'query TinyInstruments { instruments { symbol name lastClose } }';
const DEV_USER = 'graphiql-dev';

/** data:, blob: and about: URLs never leave the machine; anything else must stay on this host. */
function isExternal(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return /^(https?|wss?):$/.test(protocol) && !LOCAL_HOSTS.has(hostname);
}

describe.skipIf(SKIP)('GraphiQL in a browser with no internet', () => {
  let graph: TinyGraph;
  let gateway: RunningGateway;
  let browser: Browser;

  beforeAll(async () => {
    graph = await startTinyGraph();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl,
      logging: false,
      auth: TEST_AUTH,
      // As in development: GraphiQL signs in as the dev identity, so the explorer works as opened.
      graphiqlDevIdentity: { userId: DEV_USER, roles: ['analyst'] },
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    await graph?.stop();
  });

  it('runs a query typed into the editor and shows the data', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const blocked: string[] = [];
    // On the context, not the page, so that requests from web workers are caught too.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (!isExternal(url)) return route.continue();
      blocked.push(url);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    const response = await page.goto(gateway.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    await expect(page.title()).resolves.toBe('Alphagraph');

    const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 30_000 });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    // insertText, not type: typing would trigger the editor's bracket auto-closing.
    await page.keyboard.insertText(QUERY);
    await page.getByRole('button', { name: /prettify/i }).click();
    // GraphiQL parses the document after a pause; its tab takes the operation's name once it has.
    // Running before that would send the default query's operation name with this document.
    await expect
      .poll(async () => page.locator('.graphiql-tab').first().textContent(), { timeout: 10_000 })
      .toContain('TinyInstruments');

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.graphiql-response');
    await expect
      .poll(async () => (await result.textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/Microsoft\s+Corp\.[\s\S]*411\.22/);
    const text = (await result.textContent()) ?? '';
    expect(text).toMatch(/Apple\s+Inc\./);
    expect(text).toContain('189.98');

    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);

    // The guard itself works: a request to another host is caught, not sent.
    await page.evaluate(() => fetch('https://example.com/').catch(() => undefined));
    expect(blocked).toEqual(['https://example.com/']);
    await context.close();
  });

  it("keeps working past the dev token's expiry, and says so plainly for anyone else's token", async () => {
    const page = await browser.newPage();
    await page.goto(gateway.url, { waitUntil: 'load' });
    const expired = (userId: string) =>
      mintDevToken({ secret: TEST_AUTH.secret!, userId, roles: ['analyst'], ttlSeconds: -3600 });
    // What GraphiQL does when its header editor still holds a token from yesterday.
    const send = (token: string) =>
      page.evaluate(async (t) => {
        const r = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
          body: JSON.stringify({ query: '{ instruments { symbol } }' }),
        });
        return r.json();
      }, token);
    expect(await send(await expired(DEV_USER))).toEqual({
      data: { instruments: [{ symbol: 'AAPL' }, { symbol: 'MSFT' }] },
    });
    const other = await send(await expired('someone-else'));
    expect(other.data ?? null).toBeNull();
    expect(other.errors[0].message).toMatch(/bearer token has expired/);
    expect(other.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await page.close();
  });

  it('serves fresh dev tokens only where a dev identity is configured', async () => {
    const fresh = await fetch(new URL('/graphiql/dev-token', gateway.url));
    expect(fresh.status).toBe(200);
    const { token } = (await fresh.json()) as { token: string };
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ sub: DEV_USER, roles: ['analyst'] });
    expect(claims.exp * 1000).toBeGreaterThan(Date.now());
    const production = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl,
      logging: false,
      auth: TEST_AUTH,
    });
    try {
      const none = await fetch(new URL('/graphiql/dev-token', production.url));
      expect(none.status).not.toBe(200);
      expect(await none.text()).not.toMatch(/token"/);
    } finally {
      await production.stop();
    }
  });
});
