import {
  type AccessDenial,
  decideLicensedRead,
  ENTITLED_POLICY,
  type PolicyDecider,
  recordLicensedRead as recordRead,
} from '@alphagraph/auth';
import type { Context } from '../../context.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import { TWEETS_DATASET } from '../tweets/daily.ts';

/*
 * The `entitled` policy (`@policy(policies: [["entitled"]])` on every field that carries
 * alternative-data values; the rules are @alphagraph/auth's licences). A dataset whose row says
 * `licensed` may be read only by a caller holding an active entitlement to the dataset or its
 * vendor. Public datasets (`licensed = false`) admit everyone the field's role check admitted.
 */

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
      const vendor = await ctx.vendorById.load(dataset.vendorId);
      if (!vendor) throw new Error(`cannot decide the licence of ${dataset.name}`);
      return decideLicensedRead(ctx.stores.licensing, {
        identity: ctx.identity,
        requestId: ctx.requestId,
        coordinate,
        dataset: { name: dataset.name, vendor: vendor.name },
        reaches: `dataset ${dataset.name} is licensed from ${vendor.name}`,
      });
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
  const vendor = await ctx.vendorById.load(dataset.vendorId);
  await recordRead(ctx.stores.licensing, {
    identity: ctx.identity,
    requestId: ctx.requestId,
    dataset: { name: dataset.name, vendor: vendor?.name ?? 'unknown' },
    details: { view: read.view, fields: [...read.fields], rows: read.rows, ...read.details },
  });
}
