// The RBAC matrix, generated from the composed supergraph: for every role and every field, the
// smallest operation that reaches that field is sent through the gateway and directly to the
// subgraph that resolves it, and the answer is checked against the policy the directives state.
// A new field is covered without editing this file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@alphagraph/auth';
import { findRepoRoot } from '@alphagraph/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from '../testkit.ts';
import { type FieldInfo, graphModel, pathsToTypes, type TypeInfo } from './graph-model.ts';
import { shapeViolations } from './shape.ts';

/**
 * The role model of DESIGN section 6, written out independently of the code under test: the scopes
 * each role holds (its own and those of the roles it includes).
 */
const HOLDS: Record<Role, string[]> = {
  viewer: ['viewer'],
  analyst: ['analyst', 'viewer'],
  researcher: ['researcher', 'analyst', 'viewer'],
  validator: ['validator', 'analyst', 'viewer'],
  trader: ['trader', 'analyst', 'viewer'],
  compliance: ['compliance', 'viewer'],
  admin: ['admin', 'viewer'],
  service: ['service', 'viewer'],
};
const CALLERS = [...(Object.keys(HOLDS) as Role[]), 'anonymous'] as const;
type Caller = (typeof CALLERS)[number];

const root = findRepoRoot();
const supergraph = graphModel(readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8'));
const subgraphModels = new Map(
  ['market-data', 'alt-data', 'features', 'models', 'backtests'].map((s) => [
    s,
    graphModel(readFileSync(join(root, 'schema', `${s}.graphql`), 'utf8')),
  ]),
);
const paths = pathsToTypes(supergraph);

/** Each @requiresScopes is an OR of AND groups; every one on the way must admit the caller. */
function admits(caller: Caller, reqs: { scopes: string[][][]; authenticated: boolean }[]): boolean {
  if (caller === 'anonymous') return reqs.every((r) => r.scopes.length === 0 && !r.authenticated);
  return reqs.every((r) => r.scopes.every((groups) => groups.some((g) => g.every((s) => HOLDS[caller].includes(s)))));
}

const coordinateReqs = (model: Map<string, TypeInfo>, coordinate: string) => {
  const [type, field] = coordinate.split('.') as [string, string];
  const t = model.get(type)!;
  return [t, t.fields.get(field)!];
};

let backtestId = '';
let sweepId = '';
/** Argument values that reach real demo data; anything else required gets a typed placeholder. */
function argsFor(coordinate: string, f: FieldInfo): string {
  const known: Record<string, string> = {
    'Query.instrument': '(symbol: "AAPL")',
    'Query.instruments': '(first: 1)',
    'Query.dataset': '(name: "stocknet_tweets")',
    'Query.feature': '(ref: "ret_1d")',
    'Query.model': '(name: "demo_direction_logit")',
    'Query.backtest': `(id: "${backtestId}")`,
    'Query.sweep': `(id: "${sweepId}")`,
    'Backtest.download': '(output: EQUITY)',
    // Backtests: an empty universe is refused as an invalid spec at once; nothing is stored.
    'Mutation.runBacktest':
      '(spec: { name: "rbac matrix", universe: [], periodStart: "2016-01-04", periodEnd: "2016-01-05" })',
    'Mutation.rerunBacktest': '(id: "00000000-0000-4000-8000-000000000000")',
    'Mutation.runSweep':
      '(spec: { name: "rbac matrix", universe: [], periodStart: "2016-01-04", periodEnd: "2016-01-05" }, grid: [{ name: "strategy.rule.long", values: [1, 2] }])',
    'Query.auditLog': '(first: 1)',
    'Instrument.bars': '(last: 1)',
    'Mutation.grantEntitlement':
      '(input: { subject: "user:rbac-matrix", resource: "dataset:stocknet_tweets", reason: "rbac matrix" })',
    'Mutation.revokeEntitlement': '(subject: "user:nobody", resource: "dataset:none")',
    // A row of an unknown instrument: rejected and reported, nothing written to the bars.
    'Mutation.ingestBars':
      '(input: { source: "rbac-matrix", interval: DAY, rows: [{ symbol: "RBAC-MATRIX", time: "2016-03-14", close: 1 }] })',
    'Mutation.releaseQuarantinedBars': '(batchId: "00000000-0000-4000-8000-000000000000")',
    // Registered datasets: an invalid name is refused, a batch for no dataset is refused; nothing is written.
    // (No row in the batch: a JSON literal, `values: {}`, is refused by a subgraph before any role check.)
    'Mutation.registerDataset':
      '(input: { vendor: "rbac", name: "Not A Name", description: "x", licence: "x", licensed: true, entityKind: KEY, fields: [], latencySeconds: 0 })',
    'Mutation.ingestObservations': '(input: { dataset: "rbac_none", source: "rbac-matrix", rows: [] })',
    // Feature store: a demo feature (null quality until materialized), a tiny backfill that answers at once.
    'Query.onlineFeatures': '(entities: ["AAPL"], features: ["ret_1d"])',
    'Query.previewFeature':
      '(expression: "$close", symbols: ["AAPL"], period: { from: "2018-01-02T00:00:00Z", to: "2018-01-06T00:00:00Z" })',
    'Query.featureQuality': '(ref: "ret_1d", from: "2016-01-01T00:00:00Z", to: "2017-01-01T00:00:00Z")',
    'Query.featureDrift':
      '(ref: "ret_1d", reference: { from: "2016-01-01T00:00:00Z", to: "2016-07-01T00:00:00Z" }, current: { from: "2016-07-01T00:00:00Z", to: "2017-01-01T00:00:00Z" })',
    'Mutation.defineFeature':
      '(input: { name: "rbac_matrix", description: "rbac matrix", expression: "$close", ttlSeconds: 86400 })',
    'Mutation.defineFeatureSet': '(input: { name: "rbac_matrix", description: "rbac matrix", features: ["ret_1d"] })',
    'Mutation.materializeFeatures':
      '(input: { features: ["ret_1d"], universe: ["AAPL"], mode: BACKFILL, from: "2018-01-01T00:00:00Z", waitSeconds: 0 })',
    // Training sets: an empty spine is refused as an invalid spec at once; nothing is built.
    'Mutation.createTrainingSet': '(input: { name: "rbac matrix", spine: { rows: [] } })',
    // Models: each refers to no model or version (or is invalid), so it is refused and writes nothing.
    'Query.scenarioMetrics': '(version: "0", scenarios: [{ name: "x", from: "2016-01-01T00:00:00Z" }])',
    'Mutation.registerModel':
      '(input: { name: "Not A Name", task: CLASSIFICATION, description: "x", owner: "x", universe: [], label: "fwd_5", problem: { objective: ALPHA, statement: "rbac matrix problem", successCriteria: [] } })',
    'Mutation.trainModelVersion': '(input: { model: "rbac_none", trainingSet: "0", algorithm: "x" })',
    'Mutation.registerExternalVersion':
      '(input: { model: "rbac_none", trainingSet: "0", onnxBase64: "AA==", features: ["x@1"], framework: "x" })',
    'Mutation.promoteVersion': '(version: "0", to: PAPER, reason: "rbac matrix step")',
    // Monitoring: a model without a production version answers NO_PRODUCTION_VERSION and logs nothing;
    // the mutations name no model or alert (or carry no rows), so they are refused and write nothing.
    'Query.signals': '(model: "demo_direction_logit")',
    'Mutation.logPredictions': '(input: { model: "rbac_none", version: 1, requestId: "rbac-matrix", predictions: [] })',
    'Mutation.configureMonitoring': '(model: "rbac_none", input: {})',
    'Mutation.runMonitoring': '(model: "rbac_none")',
    'Mutation.acknowledgeAlert': '(id: "0", note: "rbac matrix")',
  };
  if (known[coordinate]) return known[coordinate];
  const required = f.args.filter((a) => a.required);
  if (required.length === 0) return '';
  const placeholder: Record<string, string> = { ID: '"0"', String: '"x"', Int: '1', Float: '1', Boolean: 'false' };
  return `(${required
    .map((a) => {
      const v = placeholder[a.typeName];
      if (!v) throw new Error(`${coordinate}.${a.name}: add a value for ${a.typeName} to argsFor in the RBAC matrix`);
      return `${a.name}: ${v}`;
    })
    .join(', ')})`;
}

/** `instrument(symbol: "AAPL") { bars(last: 1) { open } }` for path [Query.instrument, Instrument.bars] + Bar.open. */
function selection(model: Map<string, TypeInfo>, coordinates: string[]): string {
  const [coordinate, ...rest] = coordinates as [string, ...string[]];
  const [typeName, fieldName] = coordinate.split('.') as [string, string];
  const f = model.get(typeName)!.fields.get(fieldName)!;
  const inner = rest.length ? ` { ${selection(model, rest)} }` : model.has(f.returns) ? ' { __typename }' : '';
  return `${fieldName}${argsFor(coordinate, f)}${inner}`;
}

interface Case {
  coordinate: string;
  caller: Caller;
  via: 'gateway' | string;
  operation: string;
  allowed: boolean;
  dataPath: string[];
  representations?: unknown[];
}

const AUTH_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
/**
 * Refusals of the input by the resolver itself: an allowed caller whose placeholder arguments name
 * no model or version (or are invalid) gets one of these from the root field, which shows the call
 * passed authorization and reached the resolver. Anything else (an auth code, an error below the
 * root, an internal error) still fails the case.
 */
const INPUT_REFUSALS = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FAILED_PRECONDITION']);
const refusedByResolver = (errors: { extensions?: Record<string, unknown>; path?: unknown[] }[]) =>
  errors.every((e) => INPUT_REFUSALS.has(String(e.extensions?.code)) && e.path?.length === 1);

describe('RBAC matrix: every role × every field, through the gateway and directly', () => {
  let p: TestPlatform;
  const tokens = new Map<Caller, string | null>();
  const keyValues = new Map<string, Record<string, unknown>>();
  const cases: Case[] = [];

  beforeAll(async () => {
    p = await startTestPlatform();
    for (const c of CALLERS) tokens.set(c, c === 'anonymous' ? null : await p.token([c], `matrix-${c}`));
    // The matrix checks roles. Licence entitlements (@policy) are their own dimension, tested in
    // alt-data-entitlements.test.ts: here every caller holds one, so roles alone decide.
    const setup = await p.token(['admin'], 'matrix-setup');
    for (const c of CALLERS) {
      if (c === 'anonymous') continue;
      const granted = await p.query(
        'mutation($i: GrantEntitlementInput!) { grantEntitlement(input: $i) { ok } }',
        { i: { subject: `user:matrix-${c}`, resource: 'vendor:StockNet', reason: 'rbac matrix' } },
        { token: setup },
      );
      expect(granted.data?.grantEntitlement?.ok).toBe(true);
    }
    const everyone = await p.token(['researcher', 'compliance', 'admin', 'service']);
    // The demo's backtests and sweep run in the background once the bars are loaded: wait for them,
    // so that their outputs (equity, downloads) exist for the fields read below.
    for (let i = 0; ; i++) {
      const runs = await p.query('{ backtests { status } sweeps { status } }', {}, { token: everyone });
      const all = [...(runs.data?.backtests ?? []), ...(runs.data?.sweeps ?? [])];
      const final = (x: { status: string }) => x.status === 'SUCCEEDED' || x.status === 'FAILED';
      if (runs.data?.sweeps?.length > 0 && all.every(final)) break;
      if (i > 600) throw new Error(`the demo backtests did not finish: ${JSON.stringify(runs)}`);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    const lookup = await p.query(
      `{ instrument(symbol: "AAPL") { id symbol latestBar { symbol time } }
         vendors { id } datasets { id } features { id name version } models { id name }
         backtests { id status } sweeps { id } }`,
      {},
      { token: everyone },
    );
    expect(lookup.errors).toBeUndefined();
    const d = lookup.data;
    backtestId = d.backtests.find((b: { status: string }) => b.status === 'SUCCEEDED').id;
    sweepId = d.sweeps[0].id;
    keyValues.set('Instrument', { symbol: 'AAPL', id: d.instrument.id });
    keyValues.set('Bar', d.instrument.latestBar);
    keyValues.set('Vendor', { id: d.vendors[0].id });
    keyValues.set('Dataset', { id: d.datasets[0].id });
    keyValues.set('Feature', d.features[0]);
    keyValues.set('Model', d.models[0]);
    keyValues.set('Backtest', { id: backtestId });
    keyValues.set('Sweep', { id: sweepId });

    for (const [typeName, type] of supergraph) {
      if (typeName.startsWith('join__') || typeName.startsWith('link__')) continue;
      // Subscriptions stream over SSE: tests/src/monitoring.test.ts checks alertRaised for each role.
      if (typeName === 'Subscription') continue;
      const path = paths.get(typeName);
      for (const [fieldName, field] of type.fields) {
        const coordinate = `${typeName}.${fieldName}`;
        const root = typeName === 'Query' || typeName === 'Mutation' ? typeName : path?.root;
        if (!root) throw new Error(`${coordinate} cannot be reached from Query or Mutation`);
        const chain = typeName === root ? [coordinate] : [...path!.fields, coordinate];
        const keyword = root === 'Mutation' ? 'mutation' : 'query';
        for (const caller of CALLERS) {
          cases.push({
            coordinate,
            caller,
            via: 'gateway',
            operation: `${keyword} { ${selection(supergraph, chain)} }`,
            allowed: admits(
              caller,
              chain.flatMap((c) => coordinateReqs(supergraph, c)),
            ),
            dataPath: chain.map((c) => c.split('.')[1]!),
          });
        }
        // Directly to each subgraph that resolves the field: a root field as is, otherwise via
        // _entities with a real key of the entity.
        for (const graph of field.graphs) {
          const model = subgraphModels.get(graph)!;
          if (typeName === 'Query' || typeName === 'Mutation') {
            for (const caller of CALLERS) {
              cases.push({
                coordinate,
                caller,
                via: graph,
                operation: `${root === 'Mutation' ? 'mutation' : 'query'} { ${selection(model, [coordinate])} }`,
                allowed: admits(caller, coordinateReqs(model, coordinate)),
                dataPath: [fieldName],
              });
            }
            continue;
          }
          const key = type.keys.find((k) => k.graph === graph && k.resolvable);
          const values = keyValues.get(typeName);
          if (!key || !values) continue; // a value type: reached through its parent's field above
          const rep = { __typename: typeName, ...Object.fromEntries(key.fields.split(' ').map((k) => [k, values[k]])) };
          const sub = model.has(field.returns) ? ' { __typename }' : '';
          for (const caller of CALLERS) {
            cases.push({
              coordinate,
              caller,
              via: graph,
              operation: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typeName} { ${fieldName}${argsFor(coordinate, field)}${sub} } } }`,
              representations: [rep],
              // _entities needs a verified caller, then the type's and the field's own requirements.
              allowed: caller !== 'anonymous' && admits(caller, coordinateReqs(model, coordinate)),
              dataPath: ['_entities', fieldName],
            });
          }
        }
      }
    }
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it("allows exactly what the policy allows, by every path, in answers of exactly the query's shape", {
    timeout: 900_000,
  }, async () => {
    const failures: string[] = [];
    const check = async (c: Case) => {
      const url = c.via === 'gateway' ? p.gatewayUrl : p.subgraphUrls[c.via as keyof typeof p.subgraphUrls];
      const body = await p.query(c.operation, c.representations ? { r: c.representations } : {}, {
        url,
        token: tokens.get(c.caller) ?? null,
      });
      const authErrors = (body.errors ?? []).filter((e) => AUTH_CODES.has(String(e.extensions?.code)));
      let value: unknown = body.data;
      for (const k of c.dataPath) value = Array.isArray(value) ? value[0]?.[k] : (value as any)?.[k];
      const label = `${c.caller} → ${c.coordinate} via ${c.via}`;
      // Allowed or denied, the answer has exactly the shape of the query.
      const model = c.via === 'gateway' ? supergraph : subgraphModels.get(c.via)!;
      for (const v of shapeViolations(model, c.operation, body)) failures.push(`${label}: shape: ${v}`);
      if (c.allowed) {
        if (body.errors?.length && !refusedByResolver(body.errors)) {
          failures.push(`${label}: expected allowed, got ${JSON.stringify(body.errors)}`);
        }
      } else if (authErrors.length === 0 || (value !== undefined && value !== null)) {
        failures.push(`${label}: expected denied, got ${JSON.stringify(body).slice(0, 300)}`);
      }
    };
    // Queries eight at a time; mutations one by one (they change state).
    const queries = cases.filter((c) => !c.operation.startsWith('mutation'));
    for (let i = 0; i < queries.length; i += 8) await Promise.all(queries.slice(i, i + 8).map(check));
    for (const c of cases.filter((c) => c.operation.startsWith('mutation'))) await check(c);
    const allowed = cases.filter((c) => c.allowed).length;
    console.log(`RBAC matrix: ${cases.length} cases (${allowed} allowed, ${cases.length - allowed} denied)`);
    expect(failures).toEqual([]);
    expect(cases.length).toBeGreaterThan(1000);
  });

  it("answers a query mixing allowed and denied fields of every subgraph in the query's shape, for every role", {
    timeout: 300_000,
  }, async () => {
    // Every field of Instrument two levels deep (lists of entities owned by other subgraphs among them).
    const fieldsOf = (typeName: string, depth: number): string =>
      [...supergraph.get(typeName)!.fields.values()]
        .flatMap((f) => {
          let args: string;
          try {
            args = argsFor(`${typeName}.${f.name}`, f);
          } catch {
            return []; // needs an argument the matrix has no value for
          }
          if (!supergraph.has(f.returns)) return [`${f.name}${args}`];
          if (depth === 0) return [];
          const inner = fieldsOf(f.returns, depth - 1);
          return inner ? [`${f.name}${args} { ${inner} }`] : [];
        })
        .join(' ');
    const operation = `{ instrument(symbol: "AAPL") { ${fieldsOf('Instrument', 2)} } }`;
    const failures: string[] = [];
    for (const caller of CALLERS) {
      const body = await p.query(operation, {}, { token: tokens.get(caller) ?? null });
      for (const v of shapeViolations(supergraph, operation, body)) failures.push(`${caller}: ${v}`);
      const denied = (body.errors ?? []).filter((e) => AUTH_CODES.has(String(e.extensions?.code)));
      // The viewer may read the instrument but little under it: the query really mixes the two.
      if (caller === 'viewer' && denied.length < 3) failures.push(`viewer: only ${denied.length} fields denied`);
    }
    expect(failures).toEqual([]);
  });

  it('names the field and the missing role when it denies', async () => {
    const body = await p.query(
      '{ instrument(symbol: "AAPL") { symbol bars(last: 1) { close } } }',
      {},
      {
        token: tokens.get('viewer')!,
      },
    );
    // Mixed query: the allowed part arrives, the denied field is reported and left out.
    expect(body.data).toEqual({ instrument: { symbol: 'AAPL', bars: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Instrument.bars requires role analyst; you have viewer',
        path: ['instrument', 'bars'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
      }),
    ]);
  });
});
