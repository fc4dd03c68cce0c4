import { changeOf, DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { DatasetField } from '../datasets/spec.ts';
import { MAX_ISSUES } from './ingest.ts';
import type { RegistrationOutcome } from './register.ts';
import { allowedActions, DEFAULT_RULES, FIXES, OBSERVATION_RULES, resolveRules } from './rules.ts';

/** The most rows one GraphQL batch may carry; files go through the CLI. */
export const MAX_GRAPHQL_ROWS = 10_000;

const registration = (outcome: RegistrationOutcome) =>
  outcome.ok
    ? { ok: true, created: outcome.created, newVersion: outcome.newVersion, dataset: outcome.dataset, error: null }
    : { ok: false, created: false, newVersion: false, dataset: null, error: outcome.error };

export const ingestResolvers: Resolvers = {
  Query: {
    observationRules: () =>
      OBSERVATION_RULES.map((rule) => ({
        rule,
        defaultAction: DEFAULT_RULES[rule],
        allowedActions: allowedActions(rule),
        fix: FIXES[rule] ?? null,
      })),
  },
  Mutation: {
    registerDataset: async (_r, { input }, ctx) => {
      if (input.eventTime !== 'period' && input.periodSeconds != null) {
        return registration({
          ok: false,
          error: {
            code: 'BAD_INPUT',
            field: 'periodSeconds',
            message: 'periodSeconds: only a PERIOD event time has a length',
          },
        });
      }
      const outcome = await ctx.stores.ingest.register(changeOf(ctx), {
        vendor: input.vendor,
        vendorWebsite: input.vendorWebsite ?? null,
        name: input.name,
        description: input.description,
        licence: input.licence,
        licensed: input.licensed,
        entityKind: input.entityKind,
        fields: input.fields.map((f) => ({
          name: f.name,
          type: f.type,
          description: f.description,
          unit: f.unit ?? null,
          minimum: f.minimum ?? null,
          maximum: f.maximum ?? null,
          required: f.required ?? false,
        })),
        latencySeconds: input.latencySeconds,
        cadenceSeconds: input.cadenceSeconds ?? null,
        eventTime:
          input.eventTime === 'period'
            ? // A missing length is refused by the registration schema with the field named.
              { kind: 'period', periodSeconds: input.periodSeconds as number }
            : { kind: 'point' },
        rules: Object.fromEntries((input.rules ?? []).map((r) => [r.rule, r.action])),
      });
      return registration(outcome);
    },
    ingestObservations: async (_r, { input }, ctx) => {
      if (input.rows.length > MAX_GRAPHQL_ROWS) {
        return {
          ok: false,
          repeated: false,
          report: null,
          error: {
            code: 'TOO_MANY_ROWS',
            field: 'rows',
            message: `a GraphQL batch carries at most ${MAX_GRAPHQL_ROWS} rows (this one has ${input.rows.length}); push files with alphagraph ingest observations`,
          },
        };
      }
      const dataset = await ctx.datasetByName.load(input.dataset);
      if (!dataset) {
        return {
          ok: false,
          repeated: false,
          report: null,
          error: {
            code: 'NOT_FOUND',
            field: 'dataset',
            message: `no dataset is named ${JSON.stringify(input.dataset)}`,
          },
        };
      }
      const outcome = await ctx.stores.ingest.ingest(changeOf(ctx), {
        dataset,
        source: `graphql:${input.source}`,
        batchId: input.batchId ?? null,
        backfill: input.backfill ?? false,
        rows: input.rows.map((r, i) => ({
          line: i + 1,
          entity: r.entity,
          eventTime: r.eventTime,
          seq: r.seq ?? 0,
          availableAt: r.availableAt ?? null,
          values: r.values,
        })),
      });
      if (!outcome.ok) return { ok: false, repeated: false, report: null, error: { ...outcome.error, field: 'rows' } };
      return { ok: true, repeated: outcome.repeated, report: outcome.report, error: null };
    },
  },
  Dataset: {
    version: (d) => d.version,
    versions: (d, _a, ctx) => ctx.stores.ingest.versions(d),
    cadenceSeconds: (d) => d.cadenceSeconds ?? null,
    eventTime: (d) => ({
      kind: d.eventTime.kind,
      periodSeconds: d.eventTime.kind === 'period' ? d.eventTime.periodSeconds : null,
    }),
    rules: (d) => Object.entries(resolveRules(d.rules)).map(([rule, action]) => ({ rule, action }) as never),
    dataQuality: (d, args, ctx) => {
      const now = new Date();
      const asOf = args.asOf != null ? new Date(args.asOf) : now;
      return ctx.stores.ingest.quality(d, asOf > now ? now : asOf);
    },
    ingestReports: (d, args, ctx) => {
      const first = args.first ?? 20;
      if (first < 1 || first > 100) throw new DomainError('BAD_USER_INPUT', 'ingestReports: first is 1 to 100');
      return ctx.stores.ingest.reports(d, first);
    },
  },
  DatasetField: {
    minimum: (f: DatasetField) => f.minimum ?? null,
    maximum: (f: DatasetField) => f.maximum ?? null,
    required: (f: DatasetField) => f.required ?? false,
  },
  ObservationIngestReport: {
    rules: (r) => r.ruleCounts as never,
    issuesTruncated: (r) => r.issuesTruncated || r.issues.length >= MAX_ISSUES,
  },
  ObservationQualityReport: {
    ruleViolations: (r) => r.ruleViolations as never,
  },
  ObservationIssue: {
    rule: (i) => i.rule as never,
  },
};
