import { type BreakingChange, buildSchema, findBreakingChanges } from 'graphql';

/** The first line of the baseline file records the SDK version it was taken at. */
const HEADER = /^# @alphagraph\/sdk (\d+)\.(\d+)\.(\d+)\n/;

export function baselineFile(apiSdl: string, version: string): string {
  return `# @alphagraph/sdk ${version}\n# The API schema the SDK was released against; see tools/schema-compat.ts.\n${apiSdl}`;
}

export function majorOf(version: string): number {
  const match = /^(\d+)\.\d+\.\d+/.exec(version);
  if (!match) throw new Error(`not a semantic version: ${version}`);
  return Number(match[1]);
}

export interface CompatReport {
  ok: boolean;
  breaking: BreakingChange[];
  message: string;
}

/**
 * Semantic versioning tied to the supergraph: a breaking change of the API schema (graphql's
 * findBreakingChanges: a removed field or type, a changed argument, a narrowed type...) since the
 * recorded baseline is allowed only with a higher SDK major version than the baseline's.
 */
export function checkSchemaCompat(options: {
  baseline: string;
  currentApiSdl: string;
  sdkVersion: string;
}): CompatReport {
  const header = HEADER.exec(options.baseline);
  if (!header) throw new Error('the baseline must start with "# @alphagraph/sdk <version>"');
  const baselineMajor = Number(header[1]);
  const breaking = findBreakingChanges(buildSchema(options.baseline), buildSchema(options.currentApiSdl));
  if (breaking.length === 0) return { ok: true, breaking, message: 'no breaking change since the baseline' };
  const list = breaking.map((c) => `  - ${c.type}: ${c.description}`).join('\n');
  if (majorOf(options.sdkVersion) > baselineMajor) {
    return {
      ok: true,
      breaking,
      message: `${breaking.length} breaking change(s), released as major ${majorOf(options.sdkVersion)}:\n${list}`,
    };
  }
  return {
    ok: false,
    breaking,
    message:
      `the supergraph has ${breaking.length} breaking change(s) since the SDK's baseline (${header[1]}.${header[2]}.${header[3]}):\n${list}\n` +
      `Bump the major version of packages/sdk/package.json (now ${options.sdkVersion}), then record the new ` +
      'baseline with `pnpm --filter @alphagraph/sdk run check:compat --update`; or make the change additive.',
  };
}
