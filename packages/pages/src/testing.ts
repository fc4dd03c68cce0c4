import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium); ALPHAGRAPH_CHROMIUM points elsewhere. */
export const CHROMIUM = process.env.ALPHAGRAPH_CHROMIUM ?? '/usr/bin/chromium';

const IN_CI = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Whether browser tests are skipped: when asked (ALPHAGRAPH_SKIP_BROWSER=1), or on a developer
 * machine without Chromium, with a notice naming the test. CI installs Chromium (.ci/run), and a
 * missing browser there is a failure, never a skip.
 */
export function skipBrowserTests(test: string): boolean {
  const skip = process.env.ALPHAGRAPH_SKIP_BROWSER === '1' || (!IN_CI && !existsSync(CHROMIUM));
  if (skip && !IN_CI && process.env.ALPHAGRAPH_SKIP_BROWSER !== '1') {
    console.warn(
      `[${test}] skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set ALPHAGRAPH_CHROMIUM)`,
    );
  }
  return skip;
}

/**
 * Starts the headless Chromium every browser test drives: the machine's own binary (nothing is
 * downloaded), no sandbox (containers), and nothing that would reach the network on its own.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: \`apt-get update && apt-get install -y chromium\`), ` +
        'point ALPHAGRAPH_CHROMIUM at another Chromium binary, or set ALPHAGRAPH_SKIP_BROWSER=1 to skip browser tests.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
