import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The development signing secret: generated once per data directory and kept there (mode 0600),
 * so tokens minted by `alphagraph token` keep working across restarts. Production verifies
 * tokens from an identity provider instead (AUTH_JWKS_URL / AUTH_JWKS_FILE).
 */
export function devJwtSecret(dataDir: string): string {
  const path = join(dataDir, 'dev-jwt-secret');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dirname(path), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return secret;
}

/** Where a running `alphagraph dev` records the URL of its embedded Postgres server. */
export const embeddedUrlFile = (dataDir: string) => join(dataDir, 'embedded-postgres.url');
