import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { GATEWAY } from '@alphagraph/config';
import { AlphagraphClient } from '@alphagraph/sdk';
import { z } from 'zod';

/**
 * What every API command shares: where the gateway is, who is asking, and how to print. Each
 * command is a thin client of the GraphQL API through @alphagraph/sdk; none reaches a database.
 */

/** The dev launcher's gateway (`alphagraph dev`, default ports). */
export const DEFAULT_GATEWAY_URL = `http://127.0.0.1:${GATEWAY.defaultPort}/graphql`;

/** Where a command prints; `tty` when err is the process's own terminal (a progress bar may redraw). */
export type Out = { out: (s: string) => void; err: (s: string) => void; tty?: boolean };
export type Env = Record<string, string | undefined>;

/** A mistake in how the command was called (exit 2), as opposed to a refusal by the platform (exit 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const CONNECTION_USAGE = `  Every command below takes --gateway URL (or ALPHAGRAPH_GATEWAY_URL; default ${DEFAULT_GATEWAY_URL}),
  --token JWT (or ALPHAGRAPH_TOKEN; \`alphagraph token --role …\` mints one) and --json (one JSON
  document on stdout, for scripts). A refusal prints the platform's message and exits 1.`;

const COMMON = {
  gateway: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with the connection options added; unknown options and stray arguments are usage errors. */
export function parseCommand<O extends Options>(command: string, argv: readonly string[], options: O, positionals = 0) {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof COMMON; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: { ...options, ...COMMON }, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}`);
  }
  if (parsed.positionals.length > positionals)
    throw new UsageError(`${command}: unexpected argument ${JSON.stringify(parsed.positionals[positionals])}`);
  return parsed;
}

const connection = z.object({
  gateway: z.string().url({ message: 'is not a URL (e.g. http://127.0.0.1:4000/graphql)' }),
  token: z.string().min(1, { message: 'is required: pass --token or set ALPHAGRAPH_TOKEN' }),
});

/** A client of the gateway named by --gateway / ALPHAGRAPH_GATEWAY_URL, as the user of --token / ALPHAGRAPH_TOKEN. */
export function clientFrom(
  command: string,
  values: { gateway?: string | undefined; token?: string | undefined },
  env: Env,
): AlphagraphClient {
  const { gateway, token } = validate(command, connection, {
    gateway: values.gateway ?? env.ALPHAGRAPH_GATEWAY_URL ?? DEFAULT_GATEWAY_URL,
    token: values.token ?? env.ALPHAGRAPH_TOKEN ?? '',
  });
  return new AlphagraphClient({ url: gateway, token });
}

/** Parses `input` with `schema`; every problem in one UsageError, each named by its option (`--name: …`). */
export function validate<T extends z.ZodTypeAny>(command: string, schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.join('.');
    const message =
      issue.code === 'invalid_type' && /received undefined/.test(issue.message) ? 'is required' : issue.message;
    return path ? `--${path} ${message}` : message;
  });
  throw new UsageError(`${command}: ${problems.join('; ')}`);
}

/** A JSON spec file (`-` reads stdin), parsed; the caller validates its shape. */
export function readJsonFile(command: string, path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new UsageError(`${command}: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${command}: ${path} is not JSON: ${(error as Error).message}`);
  }
}

/** A comma-separated list (`AAPL,MSFT`), or undefined when the option is absent. */
export function list(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/** Prints `data` as one JSON document (--json), or the human lines. */
export function print(io: Out, json: boolean, data: unknown, human: () => string[]): void {
  io.out(json ? `${JSON.stringify(data, null, 2)}\n` : `${human().join('\n')}\n`);
}

/** A fixed-width table: a header row, then rows; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]) {
  const cells = rows.map((r) => r.map((c) => (c === null || c === undefined ? '—' : String(c))));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i]?.length ?? 0)));
  const numeric = header.map((_, i) =>
    rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'),
  );
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

/** A number for a table: fixed decimals, or a percentage of a fraction. */
export function fmt(value: number | null | undefined, kind: 'pct' | 'num' | 'int' = 'num'): string | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  if (kind === 'pct') return `${(value * 100).toFixed(2)}%`;
  if (kind === 'int') return String(Math.round(value));
  return value.toFixed(4);
}
