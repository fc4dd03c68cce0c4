import { z } from 'zod';

const ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;

/**
 * Token verification settings, the same in the gateway and every subgraph. Development signs with
 * a shared secret (HS256); production verifies RS256/ES256 against a JWKS file or URL.
 */
export const authEnv = z
  .object({
    AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
    AUTH_JWKS_FILE: z.string().min(1).optional(),
    AUTH_ISSUER: z.string().min(1).default('alphagraph-dev'),
    AUTH_AUDIENCE: z.string().min(1).default('alphagraph'),
    AUTH_ALGORITHMS: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((s) => s.trim()) : undefined))
      .pipe(z.array(z.enum(ALGORITHMS)).min(1).optional()),
    AUTH_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  })
  .superRefine((e, ctx) => {
    const keySources = [e.AUTH_JWT_SECRET, e.AUTH_JWKS_URL, e.AUTH_JWKS_FILE].filter(Boolean).length;
    if (keySources !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'set exactly one of AUTH_JWT_SECRET (development), AUTH_JWKS_URL or AUTH_JWKS_FILE',
      });
    }
    if (e.AUTH_JWT_SECRET && e.AUTH_ALGORITHMS?.some((a) => a !== 'HS256')) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_ALGORITHMS'], message: 'a shared secret verifies HS256 only' });
    }
    if (!e.AUTH_JWT_SECRET && e.AUTH_ALGORITHMS?.includes('HS256')) {
      ctx.addIssue({ code: 'custom', path: ['AUTH_ALGORITHMS'], message: 'HS256 needs AUTH_JWT_SECRET' });
    }
  })
  .transform((e) => ({
    secret: e.AUTH_JWT_SECRET,
    jwksUrl: e.AUTH_JWKS_URL,
    jwksFile: e.AUTH_JWKS_FILE,
    issuer: e.AUTH_ISSUER,
    audience: e.AUTH_AUDIENCE,
    algorithms: e.AUTH_ALGORITHMS ?? (e.AUTH_JWT_SECRET ? (['HS256'] as const) : (['RS256', 'ES256'] as const)),
    clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_SECONDS,
  }));
export type AuthEnv = z.output<typeof authEnv>;
