import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';

/** Helpers shared by the derivation scripts in this folder (see data/demo/SOURCES.md). */

export interface DeriveArgs {
  from: string;
  to: string;
}

export class DeriveError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeriveError';
  }
}

export function parseDeriveArgs(argv: string[], usage: string): DeriveArgs {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, to: { type: 'string' } },
    strict: true,
  });
  if (!values.from || !values.to) throw new DeriveError(`missing --from or --to\nusage: ${usage}`);
  return { from: resolve(values.from), to: resolve(values.to) };
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * `gzip -9 -n` (no name, no timestamp), so the same input always gives the same bytes. The system
 * gzip is used rather than zlib so that the output matches what the command line documents.
 */
export function gzipDeterministic(data: Buffer): Buffer {
  const out = spawnSync('gzip', ['-9', '-n', '-c'], { input: data, maxBuffer: 1 << 30 });
  if (out.error || out.status !== 0) {
    throw new DeriveError(`gzip -9 -n failed: ${out.error?.message ?? out.stderr.toString()}`, { cause: out.error });
  }
  if (!gunzipSync(out.stdout).equals(data)) throw new DeriveError('gzip round trip changed the bytes');
  return out.stdout;
}

/** Writes `content`, gzipped when `to` ends in .gz, and returns the facts SOURCES.md records. */
export function writeOutput(
  to: string,
  content: Buffer,
): { path: string; bytes: number; sha256: string; contentSha256: string } {
  const bytes = to.endsWith('.gz') ? gzipDeterministic(content) : content;
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(to, bytes);
  return { path: to, bytes: bytes.length, sha256: sha256(bytes), contentSha256: sha256(content) };
}

export function readSource(from: string): { text: string; sha256: string; bytes: number } {
  const raw = readFileSync(from);
  return { text: raw.toString('utf8'), sha256: sha256(raw), bytes: raw.length };
}

/** One CSV record (RFC 4180 quoting), without the line break. */
export function csvRecord(values: ReadonlyArray<string | number | null>): string {
  return values
    .map((v) => {
      if (v === null) return '';
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    })
    .join(',');
}

/** Formats a number with at most `digits` decimals and no trailing zeros (0.470000 → 0.47). */
export function decimal(value: number, digits: number): string {
  const s = value.toFixed(digits);
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
}

/** Runs `main` when the module is the script node was started with, and sets the exit code. */
export function runIfMain(moduleUrl: string, main: (argv: string[]) => void | Promise<void>): void {
  const entry = process.argv[1];
  if (!entry || realpathSync(resolve(entry)) !== realpathSync(fileURLToPath(moduleUrl))) return;
  Promise.resolve()
    .then(() => main(process.argv.slice(2)))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    });
}

export function report(lines: Record<string, string | number>): void {
  for (const [k, v] of Object.entries(lines)) process.stdout.write(`${k.padEnd(16)} ${v}\n`);
}
