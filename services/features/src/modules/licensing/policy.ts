import {
  type AccessDenial,
  type AuditLog,
  decideLicensedRead,
  ENTITLED_POLICY,
  type Entitlements,
  type Identity,
  type PolicyDecider,
  recordLicensedRead,
} from '@alphagraph/auth';
import { altObservationDataset, BARS_DATASET } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import type { FeatureRecord } from '../features/store.ts';
import { type AltSource, loadFeatureCatalog } from '../registry/catalog.ts';
import { canonicalExpression } from '../registry/expression.ts';

/*
 * The `entitled` policy on fields that reveal feature values (online values, quality, drift).
 * A feature whose lineage includes a licensed alternative dataset (alt.datasets.licensed) reveals
 * values only to a caller entitled to every such dataset (or its vendor), by the rules alt-data
 * applies to the raw observations (@alphagraph/auth's licences): the same entitlements, the same
 * audit actions.
 */

/** The feature refs a value field reads, from its arguments. */
function refsOfRead(coordinate: string, args: Record<string, unknown>): string[] {
  switch (coordinate) {
    case 'Query.onlineFeatures':
      return Array.isArray(args.features) ? args.features.map(String) : [];
    case 'Query.featureQuality':
    case 'Query.featureDrift':
      return typeof args.ref === 'string' ? [args.ref] : [];
    default:
      throw new Error(`${coordinate} carries @policy(entitled) but features cannot name the feature it reads`);
  }
}

export interface LicensingDeps {
  readonly db: Db;
  readonly entitlements: Entitlements;
  readonly audit: AuditLog;
  /** Datasets each feature version reads (a version's lineage never changes). */
  readonly lineage: (features: readonly FeatureRecord[]) => Promise<Map<string, readonly string[]>>;
}

/** Resolves refs for this request (shared with the resolvers: each ref is looked up once). */
export type ResolveRefs = (refs: readonly string[]) => Promise<(FeatureRecord | null)[]>;

/** One request's licence decisions (a decision per dataset, shared by every field of the request). */
export function createRequestLicensing(
  deps: LicensingDeps,
  scope: { identity: Identity | null; requestId: string },
  resolveRefs: ResolveRefs,
) {
  let catalog: Promise<ReadonlyMap<string, AltSource>> | undefined;
  const decisions = new Map<string, Promise<AccessDenial | null>>();
  const altSources = () => {
    catalog ??= loadFeatureCatalog(deps.db).then((c) => c.alt);
    return catalog;
  };

  /** The licensed alternative datasets in the lineage of `features`. */
  async function licensedInputs(features: readonly FeatureRecord[]): Promise<AltSource[]> {
    if (features.length === 0) return [];
    const lineage = await deps.lineage(features);
    return licensedDatasets(features.flatMap((f) => lineage.get(f.id) ?? []));
  }

  /** The licensed alternative datasets among `datasets` (a lineage). */
  async function licensedDatasets(datasets: readonly string[]): Promise<AltSource[]> {
    const names = [...new Set(datasets)].sort();
    // Bars need no licence: a feature over bars alone needs no look at alt-data's catalog.
    if (names.every((n) => n === BARS_DATASET.name)) return [];
    const alt = await altSources();
    // Fails closed: a lineage dataset features cannot find in alt-data's catalog counts as licensed.
    return names.flatMap((name): AltSource[] => {
      if (name === BARS_DATASET.name) return [];
      const source = alt.get(name);
      if (!source) {
        const unknown = altObservationDataset({ name, fields: [] });
        return [
          {
            name,
            lakeDataset: unknown.name,
            dataset: unknown,
            entityKind: 'instrument',
            licensed: true,
            vendor: 'unknown',
            latencySeconds: 0,
            numericFields: [],
          },
        ];
      }
      return source.licensed ? [source] : [];
    });
  }

  function decide(source: AltSource, coordinate: string): Promise<AccessDenial | null> {
    let decision = decisions.get(source.name);
    if (!decision) {
      decision = decideLicensedRead(deps, {
        identity: scope.identity,
        requestId: scope.requestId,
        coordinate,
        dataset: { name: source.name, vendor: source.vendor },
        reaches: `the feature reads dataset ${source.name}, licensed from ${source.vendor}`,
      });
      decisions.set(source.name, decision);
    }
    return decision;
  }

  return {
    async decide(coordinate: string, args: Record<string, unknown>): Promise<AccessDenial | null> {
      let sources: AltSource[];
      if (coordinate === 'Query.previewFeature') {
        // An expression not registered: its lineage is what it reads. One that does not check
        // reads nothing; the resolver reports why.
        const fields = (await loadFeatureCatalog(deps.db)).fields;
        const checked = canonicalExpression(String(args.expression ?? ''), fields);
        sources = checked.ok ? await licensedDatasets(checked.value.datasets) : [];
      } else {
        const refs = refsOfRead(coordinate, args);
        // Unknown refs read nothing; the resolver reports them.
        sources = await licensedInputs((await resolveRefs(refs)).filter((f): f is FeatureRecord => !!f));
      }
      for (const source of sources) {
        const denial = await decide(source, coordinate);
        if (denial) return denial;
      }
      return null;
    },
    /**
     * Records one read of licensed values per licensed dataset in the features' lineage, before
     * the values are returned (when the audit log cannot take it, the read fails).
     */
    /** Records one read of licensed values computed from `datasets` (an expression's lineage), as `recordRead`. */
    async recordDatasetsRead(view: string, datasets: readonly string[], details: Record<string, unknown>) {
      for (const source of await licensedDatasets(datasets)) {
        await recordLicensedRead(deps, {
          identity: scope.identity,
          requestId: scope.requestId,
          dataset: { name: source.name, vendor: source.vendor },
          details: { view, ...details },
        });
      }
    },
    async recordRead(
      view: string,
      features: readonly FeatureRecord[],
      details: Record<string, unknown> | (() => Record<string, unknown>),
    ): Promise<void> {
      const sources = await licensedInputs(features);
      if (sources.length === 0) return;
      const lineage = await deps.lineage(features);
      // Details may be a function: a hot read (online values) counts its values only when audited.
      const described = typeof details === 'function' ? details() : details;
      for (const source of sources) {
        const readers = features
          .filter((f) => lineage.get(f.id)?.includes(source.name))
          .map((f) => `${f.name}@${f.version}`);
        await recordLicensedRead(deps, {
          identity: scope.identity,
          requestId: scope.requestId,
          dataset: { name: source.name, vendor: source.vendor },
          details: { view, features: readers, ...described },
        });
      }
    },
  };
}
export type RequestLicensing = ReturnType<typeof createRequestLicensing>;

/** Decides `@policy(entitled)` for this subgraph with the request's licensing state. */
export const decideFeaturePolicy: PolicyDecider = async (policy, read) => {
  if (policy !== ENTITLED_POLICY) {
    return { code: 'FORBIDDEN', message: `${read.coordinate} is governed by policy ${policy}, unknown to features` };
  }
  const ctx = read.context as { licensing: RequestLicensing };
  return ctx.licensing.decide(read.coordinate, read.args);
};
