import type { AccessDenial, PolicyDecider } from '@alphagraph/auth';
import type { Context } from '../../context.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import { TWEETS_DATASET } from '../tweets/daily.ts';

/**
 * The `entitled` policy (`@policy(policies: [["entitled"]])` on every field that carries
 * alternative-data values). The gateway admits it and this subgraph decides it with data: a
 * dataset whose row says `licensed` may be read only by a caller holding an active entitlement to
 * the dataset or its vendor, for their user id or one of their roles. Public datasets
 * (`licensed = false`) admit everyone the field's role check admitted.
 */
export const ENTITLED_POLICY = 'entitled';

export const AUDIT_READ = 'read:licensed-data';
export const AUDIT_DENIED = 'denied:licensed-data';

/** Root fields that read one named dataset (their parent is no dataset row). */
const ROOT_READS: Readonly<Record<string, string>> = { 'Query.tweetSentimentDaily': TWEETS_DATASET };

async function datasetOfRead(ctx: Context, coordinate: string, parent: unknown): Promise<DatasetRecord | null> {
  if (coordinate.startsWith('Dataset.')) return parent as DatasetRecord;
  if (parent && typeof parent === 'object' && 'datasetId' in parent) {
    return ctx.datasetById.load(String((parent as { datasetId: unknown }).datasetId));
  }
  const name = ROOT_READS[coordinate];
  if (name) return ctx.datasetByName.load(name);
  throw new Error(`${coordinate} carries @policy(entitled) but reads no dataset alt-data can name`);
}

/**
 * Decides once per request and dataset (every row of a page asks again; the answer is shared). A
 * denial is written to the audit log once per request and dataset as `denied:licensed-data`: a
 * compliance officer sees who tried to read what they are not licensed for, and a denied read is
 * never logged as a read.
 */
function decideForDataset(ctx: Context, dataset: DatasetRecord, coordinate: string): Promise<AccessDenial | null> {
  let decision = ctx.licenceDecisions.get(dataset.id);
  if (!decision) {
    decision = (async () => {
      if (!dataset.licensed) return null;
      const identity = ctx.identity;
      const vendor = await ctx.vendorById.load(dataset.vendorId);
      if (!identity || !vendor) throw new Error(`cannot decide the licence of ${dataset.name}`);
      if (await ctx.stores.entitlements.isEntitled(identity, { name: dataset.name, vendor: vendor.name })) return null;
      await ctx.stores.audit.append({
        actor: identity.userId,
        roles: identity.roles,
        action: AUDIT_DENIED,
        resource: `dataset:${dataset.name}`,
        details: { dataset: dataset.name, vendor: vendor.name, field: coordinate },
        requestId: ctx.requestId,
      });
      return {
        code: 'FORBIDDEN',
        message:
          `${coordinate}: dataset ${dataset.name} is licensed from ${vendor.name}; reading its values needs an ` +
          `entitlement to dataset:${dataset.name} or vendor:${vendor.name}, and user ${identity.userId} ` +
          `(roles ${identity.roles.join(', ')}) holds none. An admin can grant one with grantEntitlement.`,
      };
    })();
    ctx.licenceDecisions.set(dataset.id, decision);
  }
  return decision;
}

export const decideLicencePolicy: PolicyDecider = async (policy, read) => {
  if (policy !== ENTITLED_POLICY) {
    return { code: 'FORBIDDEN', message: `${read.coordinate} is governed by policy ${policy}, unknown to alt-data` };
  }
  const ctx = read.context as Context;
  const dataset = await datasetOfRead(ctx, read.coordinate, read.parent);
  // A root read of a dataset that is not registered reads nothing; its resolver says so.
  if (!dataset) return null;
  return decideForDataset(ctx, dataset, read.coordinate);
};

/**
 * Records one read of licensed values (who, roles, dataset, fields, rows, request id). Written
 * before the values are returned: when the audit log cannot take it, the read fails.
 */
export async function recordLicensedRead(
  ctx: Context,
  dataset: DatasetRecord,
  read: { view: string; fields: readonly string[]; rows: number; details: Record<string, unknown> },
): Promise<void> {
  if (!dataset.licensed) return;
  const identity = ctx.identity;
  if (!identity) throw new Error('a licensed read without a verified caller');
  const vendor = await ctx.vendorById.load(dataset.vendorId);
  await ctx.stores.audit.append({
    actor: identity.userId,
    roles: identity.roles,
    action: AUDIT_READ,
    resource: `dataset:${dataset.name}`,
    details: {
      dataset: dataset.name,
      vendor: vendor?.name ?? null,
      view: read.view,
      fields: [...read.fields],
      rows: read.rows,
      ...read.details,
    },
    requestId: ctx.requestId,
  });
}
