import { DomainError } from '@alphagraph/service';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers.ts';
import { checkSymbol, checkText, checkTime } from '../input.ts';
import { ingestEnums } from './enums.ts';
import { IngestError } from './errors.ts';
import type { Actor } from './ingest.ts';
import { BUILT_IN_MAPPINGS } from './mappings.ts';
import type { IssueRecord } from './report-store.ts';
import { allowedActions, DEFAULT_RULES, FIXES, RULES } from './rules.ts';
import { storedAction, storedInterval, storedRule } from './stored.ts';

export type IngestIssueModel = IssueRecord & { file: string };
export interface IngestIssueEdgeModel {
  cursor: string;
  node: IngestIssueModel;
}
export interface IngestIssueConnectionModel {
  edges: IngestIssueEdgeModel[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const MAX_PAGE = 1000;

function actorOf(ctx: Context): Actor {
  if (!ctx.identity) throw new DomainError('UNAUTHENTICATED', 'a verified caller is required');
  return { id: ctx.identity.userId, roles: ctx.identity.roles };
}

function pageSize(first: number | null | undefined, fallback: number): number {
  const n = first ?? fallback;
  if (n < 1 || n > MAX_PAGE) throw new DomainError('BAD_USER_INPUT', `first must be between 1 and ${MAX_PAGE}`);
  return n;
}

function idNumber(id: string, what: string): number {
  const n = Number(id);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new DomainError('BAD_USER_INPUT', `${what} ${JSON.stringify(id)} is not an id`);
  return n;
}

/** An expected refusal becomes the result's typed error; anything else is unexpected (masked). */
function failure(error: unknown) {
  if (error instanceof IngestError) return { code: error.code, message: error.message };
  throw error;
}

export const ingestResolvers: Resolvers = {
  ...ingestEnums,
  Query: {
    ingestRules: () =>
      RULES.map((rule) => ({
        rule,
        defaultAction: DEFAULT_RULES[rule],
        allowedActions: allowedActions(rule),
        fix: FIXES[rule] ?? null,
      })),
    ingestMappings: () => [...BUILT_IN_MAPPINGS.values()],
    ingestReports: (_r, args, ctx) =>
      ctx.stores.ingest.reports.reports({
        first: pageSize(args.first, 20),
        before: checkTime('ingestReports: before', args.before ? new Date(args.before) : null),
        source: args.source == null ? null : checkText('ingestReports: source', args.source),
      }),
    ingestReport: (_r, args, ctx) => ctx.stores.ingest.reports.batch(args.id),
    quarantinedBars: (_r, args, ctx) =>
      ctx.stores.ingest.reports.quarantine({
        status: args.status ?? null,
        symbol: args.symbol == null ? null : checkSymbol('quarantinedBars', args.symbol),
        batchId: args.batchId ?? null,
        first: pageSize(args.first, 100),
        afterId: args.after != null ? idNumber(args.after, 'after') : null,
      }),
  },
  Mutation: {
    ingestBars: async (_r, { input }, ctx) => {
      const actor = actorOf(ctx);
      checkText('ingestBars: source', input.source);
      if (input.mapping != null) checkText('ingestBars: mapping', input.mapping);
      try {
        const report = await ctx.stores.ingest.ingestion.ingestRows({
          source: input.source,
          mapping: input.mapping ?? null,
          interval: input.interval ?? null,
          rows: input.rows.map((r) => ({
            symbol: r.symbol ?? null,
            time: r.time,
            open: r.open ?? null,
            high: r.high ?? null,
            low: r.low ?? null,
            close: r.close ?? null,
            volume: r.volume ?? null,
          })),
          rules: {
            ...Object.fromEntries((input.rules ?? []).map((r) => [r.rule, r.action])),
            ...(input.jumpThreshold != null ? { jump_threshold: input.jumpThreshold } : {}),
          },
          conflicts: input.conflicts ?? 'correct',
          actor,
          requestId: ctx.requestId,
        });
        return { ok: true, report, error: null };
      } catch (error) {
        return { ok: false, report: null, error: failure(error) };
      }
    },
    releaseQuarantinedBars: async (_r, args, ctx) => {
      const actor = actorOf(ctx);
      if ((args.ids == null) === (args.batchId == null)) {
        throw new DomainError('BAD_USER_INPUT', 'releaseQuarantinedBars: pass exactly one of ids or batchId');
      }
      try {
        const { report, released } = await ctx.stores.ingest.ingestion.release({
          ids: args.ids?.map((id) => idNumber(id, 'id')) ?? null,
          batchId: args.batchId ?? null,
          actor,
          requestId: ctx.requestId,
        });
        return { ok: true, report, released, error: null };
      } catch (error) {
        return { ok: false, report: null, released: 0, error: failure(error) };
      }
    },
    discardQuarantinedBars: async (_r, args, ctx) => {
      const actor = actorOf(ctx);
      const ids = args.ids.map((id) => idNumber(id, 'id'));
      const discarded = await ctx.stores.ingest.ingestion.discard(ids, actor, ctx.requestId);
      return { ok: true, discarded, error: null };
    },
  },
  IngestReport: {
    interval: (b) => storedInterval.parse(b.interval),
    rules: (b) =>
      Object.entries(b.ruleCounts).map(([rule, c]) => ({
        rule: storedRule.parse(rule),
        action: storedAction.parse(c.action),
        rows: c.rows,
      })),
    jumpThreshold: (b) => Number(b.rules.jump_threshold ?? 0),
    registeredInstruments: (b) => b.registered,
    issues: async (b, args, ctx) => {
      const first = pageSize(args.first, 100);
      const rows = await ctx.stores.ingest.reports.issues(b.id, {
        outcomes: args.outcomes ?? null,
        first: first + 1,
        afterId: args.after != null ? idNumber(args.after, 'after') : null,
      });
      const edges = rows
        .slice(0, first)
        .map((node) => ({ cursor: String(node.id), node: { ...node, file: b.source } }));
      return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
    },
  },
  IngestIssue: {
    rule: (i) => storedRule.parse(i.rule),
  },
  IngestMapping: {
    symbolColumn: (m) => ('column' in m.symbol ? m.symbol.column : null),
    fixedSymbol: (m) => ('fixed' in m.symbol ? m.symbol.fixed : null),
    timeColumn: (m) => m.time.column,
    timeFormat: (m) => m.time.format,
    timeZone: (m) => m.time.timeZone,
    registersInstruments: (m) => m.registerInstruments !== undefined,
  },
  QuarantinedBar: {
    id: (q) => String(q.id),
    interval: (q) => storedInterval.parse(q.interval),
    rules: (q) => q.rules.map((r) => storedRule.parse(r)),
    batch: async (q, _a, ctx) => {
      const batch = await ctx.ingestBatchById.load(q.batchId);
      if (!batch) throw new Error(`quarantined row ${q.id} has no batch ${q.batchId}`);
      return batch;
    },
    releaseBatch: (q, _a, ctx) => (q.releaseBatchId ? ctx.ingestBatchById.load(q.releaseBatchId) : null),
  },
};
