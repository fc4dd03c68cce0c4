import { randomUUID } from 'node:crypto';
import type { Role } from '@alphagraph/auth';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAltData } from '../../service.ts';

const REGISTER = `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) {
  ok created newVersion error { code field message }
  dataset { name version licensed entityKind latencySeconds cadenceSeconds eventTime { kind periodSeconds }
    fields { name type unit minimum maximum required } versions { version fields { name } } rules { rule action } }
} }`;
const INGEST = `mutation($i: IngestObservationsInput!) { ingestObservations(input: $i) {
  ok repeated error { code field message }
  report { id datasetVersion snapshotId rowsRead accepted fixed quarantined rejected warnings
    rules { rule action rows } issues { line entity field rule outcome message } }
} }`;
const READ = `query($asOf: DateTime, $version: Int) { dataset(name: "desk_sentiment") {
  observations(asOf: $asOf, version: $version, first: 1000) { edges { node { entity eventTime seq availableAt values } } }
} }`;

const DATASET = {
  vendor: 'Desk Research',
  name: 'desk_sentiment',
  description: 'Sentiment scores from the desk, irregular',
  licence: 'internal use only',
  licensed: true,
  entityKind: 'INSTRUMENT',
  latencySeconds: 300,
  cadenceSeconds: 3600,
  fields: [
    { name: 'score', type: 'FLOAT', description: 'sentiment', unit: 'score', minimum: -1, maximum: 1, required: true },
    { name: 'n', type: 'INT', description: 'documents' },
  ],
};

type Row = { entity: string; eventTime: string; seq?: number; availableAt?: string; values: Record<string, unknown> };
/** A stored version as the test keeps it: which write it came in (later writes win exact ties). */
type Version = Required<Omit<Row, 'availableAt'>> & { availableAt: string; write: number };

/**
 * The independent point-in-time read: per (entity, eventTime, seq), among versions available at
 * `asOf`, the one available last (equal availability: the later write), in key order.
 */
function expectedAt(versions: readonly Version[], asOf: string) {
  const best = new Map<string, Version>();
  for (const v of versions) {
    if (Date.parse(v.availableAt) > Date.parse(asOf)) continue;
    const key = `${v.entity}|${Date.parse(v.eventTime)}|${v.seq}`;
    const b = best.get(key);
    const later =
      !b ||
      Date.parse(v.availableAt) > Date.parse(b.availableAt) ||
      (Date.parse(v.availableAt) === Date.parse(b.availableAt) && v.write > b.write);
    if (later) best.set(key, v);
  }
  return [...best.values()]
    .sort((a, b) =>
      a.entity < b.entity
        ? -1
        : a.entity > b.entity
          ? 1
          : Date.parse(a.eventTime) - Date.parse(b.eventTime) || a.seq - b.seq,
    )
    .map((v) => ({
      entity: v.entity,
      eventTime: new Date(v.eventTime).toISOString(),
      seq: v.seq,
      availableAt: new Date(v.availableAt).toISOString(),
      values: { score: v.values.score ?? null, n: v.values.n ?? null },
    }));
}

describe.each(testDatabaseKinds())('registered datasets and pushed observations on %s', (kind) => {
  let t: TestRuntime;
  let service: Awaited<ReturnType<typeof createAltData>>;
  const run = async (roles: Role[], user: string, query: string, variables?: Record<string, unknown>) =>
    executeSubgraph({
      name: 'alt-data',
      resolvers: service.resolvers,
      context: await service.context({ ...scopeFor(roles, user), requestId: randomUUID() }),
      decidePolicy: service.decidePolicy,
      query,
      variables,
    }) as Promise<{ data: any; errors?: readonly { message: string }[] }>;
  const ingest = (input: Record<string, unknown>, roles: Role[] = ['service']) =>
    run(roles, 'feeder', INGEST, { i: { dataset: 'desk_sentiment', source: 'test', ...input } });
  const read = async (asOf: string, version?: number) => {
    const r = await run(['researcher'], 'rita', READ, { asOf, version });
    expect(r.errors).toBeUndefined();
    return r.data.dataset.observations.edges.map((e: any) => e.node);
  };

  const stored: Version[] = [];
  const keep = (write: number, rows: readonly Row[]) =>
    stored.push(...rows.map((r) => ({ ...r, seq: r.seq ?? 0, availableAt: r.availableAt!, write }) as Version));

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    service = await createAltData(t);
    await service.stores.licensing.entitlements.grant({
      subject: 'user:rita',
      resource: 'dataset:desk_sentiment',
      grantedBy: 'test-admin',
      reason: 'test',
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('registers a dataset (admin only) with its schema, ranges, cadence and rules', async () => {
    const denied = await run(['researcher'], 'rita', REGISTER, { i: DATASET });
    expect(denied.errors?.[0]?.message).toBe('Mutation.registerDataset requires role admin; you have researcher');
    const r = await run(['admin'], 'ada', REGISTER, { i: DATASET });
    expect(r.errors).toBeUndefined();
    expect(r.data.registerDataset).toMatchObject({
      ok: true,
      created: true,
      newVersion: true,
      dataset: {
        version: 1,
        licensed: true,
        cadenceSeconds: 3600,
        eventTime: { kind: 'POINT', periodSeconds: null },
        fields: [
          { name: 'score', type: 'FLOAT', unit: 'score', minimum: -1, maximum: 1, required: true },
          { name: 'n', type: 'INT', unit: null, minimum: null, maximum: null, required: false },
        ],
        versions: [{ version: 1, fields: [{ name: 'score' }, { name: 'n' }] }],
      },
    });
    expect(r.data.registerDataset.dataset.rules).toContainEqual({ rule: 'OUT_OF_RANGE', action: 'QUARANTINE' });
    const bad = await run(['admin'], 'ada', REGISTER, {
      i: {
        ...DATASET,
        name: 'bad_range',
        fields: [{ name: 'x', type: 'FLOAT', description: 'x', minimum: 2, maximum: 1 }],
      },
    });
    expect(bad.data.registerDataset).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', field: 'fields.0', message: 'fields.0: minimum is above maximum' },
    });
  });

  it('irregular event times, publication lags, corrections and exact ties read back as of any time', async () => {
    const first: Row[] = [
      {
        entity: 'AAPL',
        eventTime: '2016-03-01T14:31:07Z',
        availableAt: '2016-03-01T14:36:07Z',
        values: { score: 0.2, n: 3 },
      },
      // Two observations at the same instant, told apart by seq.
      {
        entity: 'AAPL',
        eventTime: '2016-03-01T14:31:07Z',
        seq: 1,
        availableAt: '2016-03-01T14:40:00Z',
        values: { score: -0.5, n: 1 },
      },
      {
        entity: 'AAPL',
        eventTime: '2016-03-03T09:02:00Z',
        availableAt: '2016-03-03T11:00:00Z',
        values: { score: 0.9 },
      },
      {
        entity: 'MSFT',
        eventTime: '2016-03-02T00:00:00Z',
        availableAt: '2016-03-02T00:05:00Z',
        values: { score: 0.1, n: 7 },
      },
      // A correction of the first AAPL observation, published a day later.
      {
        entity: 'AAPL',
        eventTime: '2016-03-01T14:31:07Z',
        availableAt: '2016-03-02T14:36:07Z',
        values: { score: 0.25, n: 4 },
      },
    ];
    const r1 = await ingest({ batchId: 'b-1', rows: first });
    expect(r1.errors).toBeUndefined();
    expect(r1.data.ingestObservations).toMatchObject({
      ok: true,
      repeated: false,
      report: { datasetVersion: 1, rowsRead: 5, accepted: 5, rejected: 0, quarantined: 0, issues: [] },
    });
    keep(1, first);
    // An exact tie with a stored version (same key, same availability) from a later batch: it wins.
    const tie: Row[] = [
      {
        entity: 'MSFT',
        eventTime: '2016-03-02T00:00:00Z',
        availableAt: '2016-03-02T00:05:00Z',
        values: { score: 0.15, n: 8 },
      },
      // A backfill without availableAt: event time + the declared 300 s.
      { entity: 'MSFT', eventTime: '2016-02-29T23:59:00Z', values: { score: -0.3, n: 2 } },
    ];
    const r2 = await ingest({ batchId: 'b-2', backfill: true, rows: tie });
    expect(r2.data.ingestObservations).toMatchObject({ ok: true, report: { accepted: 2 } });
    keep(2, [tie[0]!, { ...tie[1]!, availableAt: '2016-03-01T00:04:00Z' }]);

    for (const asOf of [
      '2016-03-01T00:03:59Z',
      '2016-03-01T00:04:00Z',
      '2016-03-01T14:36:07Z',
      '2016-03-01T14:39:59.999Z',
      '2016-03-02T00:05:00Z',
      '2016-03-02T14:36:06Z',
      '2016-03-02T14:36:07Z',
      '2016-03-03T11:00:00Z',
      '2020-01-01T00:00:00Z',
    ]) {
      expect(await read(asOf), `as of ${asOf}`).toEqual(expectedAt(stored, asOf));
    }
    // Spot checks of the reference itself, by hand.
    const late = await read('2020-01-01T00:00:00Z');
    expect(late.find((o: any) => o.entity === 'MSFT' && o.eventTime === '2016-03-02T00:00:00.000Z').values).toEqual({
      score: 0.15,
      n: 8,
    });
    expect((await read('2016-03-02T14:36:06Z'))[0].values).toEqual({ score: 0.2, n: 3 });
  });

  it('a re-delivered batch (same id, or same content without one) changes nothing', async () => {
    const before = await read('2030-01-01T00:00:00Z');
    const reports = async () =>
      (await run(['admin'], 'ada', '{ dataset(name: "desk_sentiment") { ingestReports(first: 100) { id } } }')).data
        .dataset.ingestReports.length;
    const n = await reports();
    const again = await ingest({
      batchId: 'b-2',
      backfill: true,
      rows: [
        {
          entity: 'MSFT',
          eventTime: '2016-03-02T00:00:00Z',
          availableAt: '2016-03-02T00:05:00Z',
          values: { score: 0.15, n: 8 },
        },
        { entity: 'MSFT', eventTime: '2016-02-29T23:59:00Z', values: { score: -0.3, n: 2 } },
      ],
    });
    expect(again.data.ingestObservations).toMatchObject({ ok: true, repeated: true });
    const rows = [
      { entity: 'NVDA', eventTime: '2016-03-04T00:00:00Z', availableAt: '2016-03-04T01:00:00Z', values: { score: 0 } },
    ];
    const once = await ingest({ rows });
    const twice = await ingest({ rows });
    expect(once.data.ingestObservations.repeated).toBe(false);
    expect(twice.data.ingestObservations).toMatchObject({
      ok: true,
      repeated: true,
      report: { id: once.data.ingestObservations.report.id },
    });
    keep(3, rows);
    expect(await read('2030-01-01T00:00:00Z')).toEqual(expectedAt(stored, '2030-01-01T00:00:00Z'));
    expect((await read('2030-01-01T00:00:00Z')).length).toBe(before.length + 1);
    expect(await reports()).toBe(n + 1);
    // The same id with other content is refused, not taken for a retry.
    const reused = await ingest({ batchId: 'b-2', rows });
    expect(reused.data.ingestObservations.error).toMatchObject({ code: 'BATCH_ID_REUSED' });
  });

  it('a row of the wrong shape refuses the whole batch, naming its line; nothing is stored', async () => {
    const before = await read('2030-01-01T00:00:00Z');
    const r = await ingest({
      rows: [
        {
          entity: 'AAPL',
          eventTime: '2016-03-05T00:00:00Z',
          availableAt: '2016-03-05T00:10:00Z',
          values: { score: 0.1 },
        },
        {
          entity: 'AAPL',
          eventTime: '2016-03-06T00:00:00Z',
          availableAt: '2016-03-06T00:10:00Z',
          values: { score: 0.1, mood: 'up' },
        },
      ],
    });
    expect(r.data.ingestObservations).toMatchObject({ ok: false, report: null });
    expect(r.data.ingestObservations.error.message).toBe(
      'graphql:test line 2: desk_sentiment (version 1) has no field mood; its fields are score, n; nothing of the batch was stored',
    );
    expect(await read('2030-01-01T00:00:00Z')).toEqual(before);
  });

  it('data rules report line, field and reason; rejected and quarantined rows are not stored', async () => {
    const rows: Row[] = [
      {
        entity: 'AAPL',
        eventTime: '2016-03-07T00:00:00Z',
        availableAt: '2016-03-07T00:10:00Z',
        values: { score: 0.3 },
      },
      { entity: 'AAPL', eventTime: '2016-03-08T00:00:00Z', availableAt: '2016-03-08T00:10:00Z', values: { score: 3 } },
      {
        entity: 'AAPL',
        eventTime: '2016-03-09T00:00:00Z',
        availableAt: '2016-03-08T23:00:00Z',
        values: { score: 0.1 },
      },
      {
        entity: 'aapl',
        eventTime: '2016-03-09T00:00:00Z',
        availableAt: '2016-03-09T01:00:00Z',
        values: { score: 0.1 },
      },
      { entity: 'AAPL', eventTime: '2016-03-10T00:00:00Z', availableAt: '2016-03-10T01:00:00Z', values: { n: 'many' } },
    ];
    const r = await ingest({ rows });
    expect(r.errors).toBeUndefined();
    const report = r.data.ingestObservations.report;
    expect(report).toMatchObject({ rowsRead: 5, accepted: 1, quarantined: 1, rejected: 3 });
    expect(report.issues).toEqual([
      {
        line: 2,
        entity: 'AAPL',
        field: 'score',
        rule: 'OUT_OF_RANGE',
        outcome: 'quarantined',
        message: 'score = 3 is outside its allowed range [-1, 1] score',
      },
      {
        line: 3,
        entity: 'AAPL',
        field: 'availableAt',
        rule: 'AVAILABLE_BEFORE_EVENT',
        outcome: 'rejected',
        message:
          'available_at 2016-03-08T23:00:00.000Z is before the event 2016-03-09T00:00:00.000Z: nothing is known before it happens',
      },
      {
        line: 4,
        entity: 'aapl',
        field: 'entity',
        rule: 'INVALID_ENTITY',
        outcome: 'rejected',
        message: 'entity "aapl" is not an instrument symbol (upper-case, at most 24 characters)',
      },
      {
        line: 5,
        entity: 'AAPL',
        field: 'score',
        rule: 'MISSING_VALUE',
        outcome: 'rejected',
        message: 'score is required and missing',
      },
      {
        line: 5,
        entity: 'AAPL',
        field: 'n',
        rule: 'WRONG_TYPE',
        outcome: 'rejected',
        message: 'n holds "many", not a 32-bit integer',
      },
    ]);
    keep(4, [rows[0]!]);
    expect(await read('2030-01-01T00:00:00Z')).toEqual(expectedAt(stored, '2030-01-01T00:00:00Z'));
    const denied = await ingest({ rows: rows.slice(0, 1) }, ['researcher']);
    expect(denied.errors?.[0]?.message).toBe(
      'Mutation.ingestObservations requires role service or admin; you have researcher',
    );
  });

  it('a licensed dataset is denied without an entitlement', async () => {
    const r = await run(['researcher'], 'nora', READ, { asOf: '2030-01-01T00:00:00Z' });
    expect(r.data.dataset.observations).toBeNull();
    expect(r.errors?.[0]?.message).toMatch(/desk_sentiment/);
  });

  it('data quality: rows, corrections, null rates, rule violations, late arrivals, gaps and a stale alert', async () => {
    const r = await run(
      ['analyst'],
      'ann',
      `{ dataset(name: "desk_sentiment") { dataQuality { version rows observations corrections entities
          fields { field nulls nullRate } ruleViolations { rule action rows } lateArrivals maxLagSeconds
          gaps largestGapSeconds stale alerts { kind message } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const q = r.data.dataset.dataQuality;
    const latest = expectedAt(stored, '2030-01-01T00:00:00Z');
    const lags = stored.map((v) => (Date.parse(v.availableAt) - Date.parse(v.eventTime)) / 1000);
    // Gaps over the latest versions, per entity in event-time order, against the 3,600 s cadence.
    const steps: number[] = [];
    for (const [i, o] of latest.entries()) {
      const prev = latest[i - 1];
      if (prev && prev.entity === o.entity) steps.push((Date.parse(o.eventTime) - Date.parse(prev.eventTime)) / 1000);
    }
    expect(q).toMatchObject({
      version: 1,
      rows: stored.length,
      observations: latest.length,
      corrections: stored.length - latest.length,
      entities: new Set(latest.map((o) => o.entity)).size,
      fields: [
        { field: 'score', nulls: 0, nullRate: 0 },
        {
          field: 'n',
          nulls: latest.filter((o) => o.values.n === null).length,
          nullRate: latest.filter((o) => o.values.n === null).length / latest.length,
        },
      ],
      lateArrivals: lags.filter((l) => l > 300).length,
      maxLagSeconds: Math.max(...lags),
      gaps: steps.filter((g) => g > 3600).length,
      largestGapSeconds: Math.max(...steps),
      stale: true,
    });
    expect(q.ruleViolations).toEqual([
      { rule: 'AVAILABLE_BEFORE_EVENT', action: 'REJECT', rows: 1 },
      { rule: 'INVALID_ENTITY', action: 'REJECT', rows: 1 },
      { rule: 'MISSING_VALUE', action: 'REJECT', rows: 1 },
      { rule: 'OUT_OF_RANGE', action: 'QUARANTINE', rows: 1 },
      { rule: 'WRONG_TYPE', action: 'REJECT', rows: 1 },
    ]);
    expect(q.alerts).toHaveLength(1);
    expect(q.alerts[0].kind).toBe('STALE');
    expect(q.alerts[0].message).toMatch(
      /^desk_sentiment: nothing new for \d+ s \(last available 2016-03-07T00:10:00.000Z\), beyond its cadence of 3600 s \+ latency 300 s$/,
    );
  });

  it('a schema change is a new version; observations written before keep theirs', async () => {
    const v1 = await read('2030-01-01T00:00:00Z');
    const changed = {
      ...DATASET,
      fields: [...DATASET.fields, { name: 'source', type: 'STRING', description: 'where it came from' }],
    };
    const r = await run(['admin'], 'ada', REGISTER, { i: changed });
    expect(r.data.registerDataset).toMatchObject({
      ok: true,
      created: false,
      newVersion: true,
      dataset: { version: 2, versions: [{ version: 1 }, { version: 2 }] },
    });
    expect(await read('2030-01-01T00:00:00Z')).toEqual([]);
    expect(await read('2030-01-01T00:00:00Z', 1)).toEqual(v1);
    const pushed = await ingest({
      rows: [
        {
          entity: 'AAPL',
          eventTime: '2016-04-01T00:00:00Z',
          availableAt: '2016-04-01T00:05:00Z',
          values: { score: 0.5, source: 'x' },
        },
      ],
    });
    expect(pushed.data.ingestObservations).toMatchObject({ ok: true, report: { datasetVersion: 2, accepted: 1 } });
    expect(await read('2030-01-01T00:00:00Z')).toEqual([
      {
        entity: 'AAPL',
        eventTime: '2016-04-01T00:00:00.000Z',
        seq: 0,
        availableAt: '2016-04-01T00:05:00.000Z',
        values: { score: 0.5, n: null, source: 'x' },
      },
    ]);
    // Registering the same schema again changes no version.
    const same = await run(['admin'], 'ada', REGISTER, { i: changed });
    expect(same.data.registerDataset).toMatchObject({ ok: true, newVersion: false, dataset: { version: 2 } });
  });
});
