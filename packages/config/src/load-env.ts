import type { z } from 'zod';

export type EnvSource = Record<string, string | undefined>;

/** Thrown at boot when configuration is invalid; lists every problem at once. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly problems: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.name = 'ConfigError';
  }
}

/**
 * Validates `source` (default `process.env`) against one zod object schema per concern and
 * returns the typed result. Every problem of every concern is reported together.
 */
export function loadEnv<S extends Record<string, z.ZodType>>(
  concerns: S,
  source: EnvSource = process.env,
): { [K in keyof S]: z.output<S[K]> } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [concern, schema] of Object.entries(concerns)) {
    const parsed = schema.safeParse(source);
    if (parsed.success) {
      out[concern] = parsed.data;
      continue;
    }
    for (const issue of parsed.error.issues) {
      const key = issue.path.join('.') || '(root)';
      problems.push(`${concern}: ${key}: ${issue.message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as { [K in keyof S]: z.output<S[K]> };
}
