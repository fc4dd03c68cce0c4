import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { altIngestQuarantine } from '@alphagraph/db/schema/alt';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { quoteLiteral } from '@alphagraph/lake';
import { createTestRuntime, type TestRuntime } from '@alphagraph/service/testing';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../modules/datasets/store.ts';
import { ingestObservations, type RawObservation } from '../modules/ingest/ingest.ts';
import { registerDataset } from '../modules/ingest/register.ts';
import { createObservationStore } from '../modules/observations/store.ts';
import { runObservationsCli } from './commands.ts';

// One file that trips every rule, pushed to a dataset with the default actions and to one with the
// other actions (fix, quarantine, warn). The expected findings are those the row-by-row JavaScript
// rules gave for this file before the rules moved to SQL, so the move changes no report.
const FILE = [
  'entity,event_time,seq,available_at,score,n,flag,label',
  'AAPL,2016-03-01T14:30:00Z,0,2016-03-01T14:31:00Z,0.5,3,true,ok',
  'a$pl,2016-03-01T14:30:00Z,0,2016-03-01T14:31:00Z,0.5,3,true,ok',
  'MSFT,2016-03-01T14:30:00Z,0,2016-03-01T14:31:00Z,abc,many,yes,x',
  'MSFT,2016-03-01T15:30:00Z,0,2016-03-01T15:31:00Z,,1.5,,',
  'MSFT,2016-03-01T16:30:00Z,0,2016-03-01T16:31:00Z,3,2147483648,false,"a,b"',
  'IBM,2016-03-01T14:30:00Z,0,2016-03-01T14:29:00Z,-2,1,true,z',
  'IBM,2099-01-01T00:00:00Z,0,2099-01-01T00:01:00Z,0.1,1,false,f',
  'IBM,2016-03-02T14:30:00Z,1,2016-03-02T14:31:00Z,0.2,2,true,d',
  'IBM,2016-03-02T14:30:00Z,1,2016-03-02T14:31:00Z,0.3,2,true,d',
  'IBM,2016-03-02T14:30:00Z,1,2016-03-02T14:31:00Z,0.4,2,true,d',
  'GE,2016-03-03T14:30:00Z,0,2016-03-03T14:31:00Z,1e400,-5,TRUE,e',
  'GE,2016-03-03T14:30:00.5Z,0,,0.25,7,false,',
].join('\n');

const fields = [
  { name: 'score', type: 'float', description: 'score', unit: 'pts', minimum: -1, maximum: 1, required: true },
  { name: 'n', type: 'int', description: 'count', minimum: 0 },
  { name: 'flag', type: 'boolean', description: 'flag' },
  { name: 'label', type: 'string', description: 'label' },
] as const;

type Issue = { line: number; field: string | null; rule: string; outcome: string; message: string };

describe.each(testDatabaseKinds())('the same file gives the same findings as before, on %s', (kind) => {
  let t: TestRuntime;
  const dir = mkdtempSync(join(tmpdir(), 'ag-obs-findings-'));
  const csv = join(dir, 'every-rule.csv');
  const datasets: Record<string, DatasetRecord> = {};
  const push = async (dataset: string, extra: string[] = [], file = csv) => {
    let out = '';
    let err = '';
    const code = await runObservationsCli(
      ['ingest', 'observations', file, '--dataset', dataset, '--json', '--no-progress', ...extra],
      { db: t.handle.db, lake: t.lake, audit: t.audit, actor: 'cli:test' },
      { out: (s) => (out += s), err: (s) => (err += s) },
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    return JSON.parse(out);
  };
  const stored = async (name: string) => {
    const snapshot = (await t.lake.currentSnapshot(`alt_${name}`))!;
    return t.lake.query(
      `SELECT entity, strftime(timezone('UTC', event_time), '%H:%M:%S.%g') AS e, seq,
              strftime(timezone('UTC', available_at), '%m-%d %H:%M:%S.%g') AS a, score, n, flag, label
       FROM ${t.lake.scan(snapshot)} ORDER BY entity, event_time, seq, available_at`,
    );
  };

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    writeFileSync(csv, FILE);
    for (const [name, entityKind, rules, eventTime] of [
      ['rules_default', 'instrument', {}, { kind: 'point' }],
      [
        'rules_other',
        'key',
        {
          invalid_entity: 'quarantine',
          wrong_type: 'quarantine',
          missing_value: 'warn',
          out_of_range: 'fix',
          available_before_event: 'fix',
          future_event: 'warn',
          duplicate: 'fix',
        },
        { kind: 'period', periodSeconds: 60 },
      ],
    ] as const) {
      const r = await registerDataset(
        { db: t.handle.db, observations: createObservationStore(t.lake) },
        {
          vendor: 'Test',
          name,
          description: 'every rule',
          licence: 'internal',
          licensed: false,
          entityKind,
          fields: fields.map((f) => ({ ...f })),
          latencySeconds: 30,
          eventTime,
          rules,
        },
        'ada',
      );
      if (!r.ok) throw new Error(r.error.message);
      datasets[name] = r.dataset;
    }
  });
  afterAll(async () => {
    await t?.dispose();
  });

  /** Every stored version, read straight from the lake. */
  const expected = {
    rules_default: {
      counts: { rowsRead: 12, accepted: 3, fixed: 0, quarantined: 0, rejected: 9, warnings: 0 },
      ruleCounts: [
        ['invalid_entity', 'reject', 1],
        ['wrong_type', 'reject', 7],
        ['missing_value', 'reject', 1],
        ['out_of_range', 'quarantine', 3],
        ['available_before_event', 'reject', 1],
        ['future_event', 'reject', 1],
        ['duplicate', 'reject', 2],
      ],
      issues: [
        [
          3,
          'entity',
          'invalid_entity',
          'rejected',
          'entity "a$pl" is not an instrument symbol (upper-case, at most 24 characters)',
        ],
        [4, 'score', 'wrong_type', 'rejected', 'score holds "abc", not a finite number'],
        [4, 'n', 'wrong_type', 'rejected', 'n holds "many", not a 32-bit integer'],
        [4, 'flag', 'wrong_type', 'rejected', 'flag holds "yes", not true or false'],
        [5, 'score', 'missing_value', 'rejected', 'score is required and missing'],
        [5, 'n', 'wrong_type', 'rejected', 'n holds 1.5, not a 32-bit integer'],
        [6, 'score', 'out_of_range', 'quarantined', 'score = 3 is outside its allowed range [-1, 1] pts'],
        [6, 'n', 'wrong_type', 'rejected', 'n holds 2147483648, not a 32-bit integer'],
        [7, 'score', 'out_of_range', 'quarantined', 'score = -2 is outside its allowed range [-1, 1] pts'],
        [
          7,
          'availableAt',
          'available_before_event',
          'rejected',
          'available_at 2016-03-01T14:29:00.000Z is before the event 2016-03-01T14:30:00.000Z: nothing is known before it happens',
        ],
        [
          8,
          'eventTime',
          'future_event',
          'rejected',
          'event time 2099-01-01T00:00:00.000Z is after the batch was received',
        ],
        [10, null, 'duplicate', 'rejected', 'repeats line 9 (same entity, event time, seq and available_at)'],
        [11, null, 'duplicate', 'rejected', 'repeats line 10 (same entity, event time, seq and available_at)'],
        [12, 'score', 'wrong_type', 'rejected', 'score holds null, not a finite number'],
        [12, 'n', 'out_of_range', 'quarantined', 'n = -5 is outside its allowed range [0, +inf]'],
        [12, 'flag', 'wrong_type', 'rejected', 'flag holds "TRUE", not true or false'],
      ],
      stored: [
        ['AAPL', '14:30:00.000', 0, '03-01 14:31:00.000', 0.5, 3, true, 'ok'],
        ['GE', '14:30:00.500', 0, 'RECEIPT', 0.25, 7, false, null],
        ['IBM', '14:30:00.000', 1, '03-02 14:31:00.000', 0.2, 2, true, 'd'],
      ],
    },
    rules_other: {
      counts: { rowsRead: 12, accepted: 5, fixed: 3, quarantined: 5, rejected: 2, warnings: 2 },
      ruleCounts: [
        ['invalid_entity', 'quarantine', 1],
        ['wrong_type', 'quarantine', 7],
        ['missing_value', 'warn', 1],
        ['out_of_range', 'fix', 3],
        ['available_before_event', 'fix', 1],
        ['future_event', 'warn', 1],
        ['duplicate', 'fix', 2],
      ],
      issues: [
        [
          3,
          'entity',
          'invalid_entity',
          'quarantined',
          'entity "a$pl" is not a key of letters, digits and ._:-/@# (at most 128 characters)',
        ],
        [4, 'score', 'wrong_type', 'quarantined', 'score holds "abc", not a finite number'],
        [4, 'n', 'wrong_type', 'quarantined', 'n holds "many", not a 32-bit integer'],
        [4, 'flag', 'wrong_type', 'quarantined', 'flag holds "yes", not true or false'],
        [5, 'score', 'missing_value', 'warned', 'score is required and missing'],
        [5, 'n', 'wrong_type', 'quarantined', 'n holds 1.5, not a 32-bit integer'],
        [6, 'score', 'out_of_range', 'fixed', 'score = 3 is outside its allowed range [-1, 1] pts'],
        [6, 'n', 'wrong_type', 'quarantined', 'n holds 2147483648, not a 32-bit integer'],
        [7, 'score', 'out_of_range', 'fixed', 'score = -2 is outside its allowed range [-1, 1] pts'],
        [
          7,
          'availableAt',
          'available_before_event',
          'fixed',
          "available_at 2016-03-01T14:29:00.000Z is before the event's end 2016-03-01T14:31:00.000Z: nothing is known before it happens",
        ],
        [
          8,
          'eventTime',
          'future_event',
          'warned',
          'event time 2099-01-01T00:00:00.000Z is after the batch was received',
        ],
        [
          9,
          null,
          'duplicate',
          'fixed',
          'line 9 is repeated by line 10 (same entity, event time, seq and available_at): the later is kept',
        ],
        [
          10,
          null,
          'duplicate',
          'fixed',
          'line 10 is repeated by line 11 (same entity, event time, seq and available_at): the later is kept',
        ],
        [12, 'score', 'wrong_type', 'quarantined', 'score holds null, not a finite number'],
        [12, 'n', 'out_of_range', 'fixed', 'n = -5 is outside its allowed range [0, +inf]'],
        [12, 'flag', 'wrong_type', 'quarantined', 'flag holds "TRUE", not true or false'],
      ],
      stored: [
        ['AAPL', '14:30:00.000', 0, '03-01 14:31:00.000', 0.5, 3, true, 'ok'],
        ['GE', '14:30:00.500', 0, '03-03 14:31:30.500', 0.25, 7, false, null],
        ['IBM', '14:30:00.000', 0, '03-01 14:31:30.000', -1, 1, true, 'z'],
        ['IBM', '14:30:00.000', 1, '03-02 14:31:00.000', 0.4, 2, true, 'd'],
        ['IBM', '00:00:00.000', 0, '01-01 00:01:00.000', 0.1, 1, false, 'f'],
      ],
      // Line 12's n (-5, minimum 0, no maximum) is clamped to 0: the row-by-row code left it at -5.
      quarantined: [
        [
          3,
          'a$pl',
          '2016-03-01T14:30:00.000Z',
          0,
          '2016-03-01T14:31:00.000Z',
          { n: 3, flag: true, label: 'ok', score: 0.5 },
          ['invalid_entity'],
          'entity "a$pl" is not a key of letters, digits and ._:-/@# (at most 128 characters)',
        ],
        [
          4,
          'MSFT',
          '2016-03-01T14:30:00.000Z',
          0,
          '2016-03-01T14:31:00.000Z',
          { n: null, flag: null, label: 'x', score: null },
          ['wrong_type', 'wrong_type', 'wrong_type'],
          'score holds "abc", not a finite number; n holds "many", not a 32-bit integer; flag holds "yes", not true or false',
        ],
        [
          5,
          'MSFT',
          '2016-03-01T15:30:00.000Z',
          0,
          '2016-03-01T15:31:00.000Z',
          { n: null, flag: null, label: null, score: null },
          ['wrong_type'],
          'n holds 1.5, not a 32-bit integer',
        ],
        [
          6,
          'MSFT',
          '2016-03-01T16:30:00.000Z',
          0,
          '2016-03-01T16:31:00.000Z',
          { n: null, flag: false, label: 'a,b', score: 1 },
          ['wrong_type'],
          'n holds 2147483648, not a 32-bit integer',
        ],
        [
          12,
          'GE',
          '2016-03-03T14:30:00.000Z',
          0,
          '2016-03-03T14:31:00.000Z',
          { n: 0, flag: null, label: 'e', score: null },
          ['wrong_type', 'wrong_type'],
          'score holds null, not a finite number; flag holds "TRUE", not true or false',
        ],
      ],
    },
  };
  const reportOf = (
    r: { issues: Issue[]; ruleCounts: { rule: string; action: string; rows: number }[] } & Record<string, unknown>,
  ) => ({
    counts: Object.fromEntries(
      ['rowsRead', 'accepted', 'fixed', 'quarantined', 'rejected', 'warnings'].map((k) => [k, r[k]]),
    ),
    ruleCounts: r.ruleCounts.map((x) => [x.rule, x.action, x.rows]),
    issues: r.issues.map((i) => [i.line, i.field, i.rule, i.outcome, i.message]),
  });

  it('with the default actions (reject, quarantine out of range)', async () => {
    const started = Date.now();
    const r = await push('rules_default');
    const { stored: rows, ...report } = expected.rules_default;
    expect(reportOf(r)).toEqual(report);
    const s = await stored('rules_default');
    const ge = s.find((x) => x.entity === 'GE')!;
    // Without available_at and not a backfill, the row is available from its receipt.
    expect(Date.parse(`${new Date().getUTCFullYear()}-${ge.a}Z`.replace(' ', 'T'))).toBeGreaterThanOrEqual(
      started - 1000,
    );
    expect(
      s.map((x) => [x.entity, x.e, Number(x.seq), x.entity === 'GE' ? 'RECEIPT' : x.a, x.score, x.n, x.flag, x.label]),
    ).toEqual(rows);
  });

  it('with fix, quarantine and warn (a backfill of a period dataset)', async () => {
    const r = await push('rules_other', ['--backfill']);
    const { stored: rows, quarantined, ...report } = expected.rules_other;
    expect(reportOf(r)).toEqual(report);
    const s = await stored('rules_other');
    expect(s.map((x) => [x.entity, x.e, Number(x.seq), x.a, x.score, x.n, x.flag, x.label])).toEqual(rows);
    const q = await t.handle.db
      .select()
      .from(altIngestQuarantine)
      .where(eq(altIngestQuarantine.batchId, r.id))
      .orderBy(asc(altIngestQuarantine.line));
    expect(
      q.map((x) => [
        x.line,
        x.entity,
        x.eventTime?.toISOString(),
        x.seq,
        x.availableAt?.toISOString(),
        x.values,
        x.rules,
        x.reason,
      ]),
    ).toEqual(quarantined);
  });

  it('a Parquet file of typed values gives the findings of the same values written as CSV text, one line earlier', async () => {
    // TIMESTAMPTZ (microseconds, before 1970, far future), DOUBLE, BOOLEAN and NULL cells, read
    // from their Parquet types, against the same values as ISO-8601 and decimal text.
    const rows = `SELECT * FROM (VALUES
        ('AAPL', TIMESTAMPTZ '2016-03-01 14:30:00.123456+00', 0, TIMESTAMPTZ '2016-03-01 14:31:00.5+00', 0.5, 3.0, true, 'ok'),
        ('a$pl', TIMESTAMPTZ '1960-01-01 00:00:00.0005+00', 0, TIMESTAMPTZ '1960-01-01 00:00:01.999999+00', 0.25, 1.5, false, 'x'),
        ('MSFT', TIMESTAMPTZ '2016-03-01 14:30:00+00', 0, TIMESTAMPTZ '2016-03-01 14:29:59.999+00', 1.5, 2147483648, NULL, NULL),
        ('IBM', TIMESTAMPTZ '2099-01-01 00:00:00+00', 0, TIMESTAMPTZ '2099-01-01 00:00:01+00', -2, -5, true, 'z'),
        ('IBM', TIMESTAMPTZ '0999-06-01 12:00:00+00', 1, TIMESTAMPTZ '0999-06-01 12:00:00.000001+00', NULL, 0.0, true, 'd'),
        ('IBM', TIMESTAMPTZ '0999-06-01 12:00:00+00', 1, TIMESTAMPTZ '0999-06-01 12:00:00.000001+00', 0.3, 7, true, 'd'),
        ('GE', TIMESTAMPTZ '2016-03-03 14:30:00.000001+00', 2, NULL, 1e300, 0.1, false, '')
      ) t(entity, event_time, seq, available_at, score, n, flag, label)`;
    const parquet = join(dir, 'typed.parquet');
    const text = join(dir, 'typed.csv');
    const iso = (c: string) => `strftime(timezone('UTC', ${c}), '%Y-%m-%dT%H:%M:%S.%fZ')`;
    await t.lake.query(`COPY (${rows}) TO ${quoteLiteral(parquet)} (FORMAT parquet)`);
    await t.lake.query(
      `COPY (SELECT entity, ${iso('event_time')} AS event_time, seq, ${iso('available_at')} AS available_at,
                    score, n, flag, label FROM (${rows})) TO ${quoteLiteral(text)} (FORMAT csv, HEADER true)`,
    );
    for (const [name, extra] of [
      ['rules_default', []],
      ['rules_other', ['--backfill']],
    ] as const) {
      const fromText = reportOf(await push(name, [...extra], text));
      const fromParquet = reportOf(await push(name, [...extra], parquet));
      expect(fromText.issues.length).toBeGreaterThan(5);
      expect(fromParquet).toEqual({
        ...fromText,
        issues: fromText.issues.map((i) =>
          i.map((x, k) =>
            k === 0
              ? (x as number) - 1
              : typeof x === 'string'
                ? x.replace(/line (\d+)/g, (_m, n) => `line ${Number(n) - 1}`)
                : x,
          ),
        ),
      });
    }
  });

  it('the same rows pushed inline (GraphQL batch) give the same findings, one line earlier', async () => {
    const [header, ...lines] = FILE.split('\n');
    const names = header!.split(',');
    const rows: RawObservation[] = lines.map((text, i) => {
      const cells = text.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"(.*)"$/, '$1'));
      const cell = (n: string) => cells[names.indexOf(n)] || null;
      const num = (v: string | null) =>
        v !== null && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : v;
      const bool = (v: string | null) => (v === 'true' ? true : v === 'false' ? false : v);
      return {
        line: i + 1,
        entity: cell('entity'),
        eventTime: cell('event_time'),
        seq: Number(cell('seq')),
        availableAt: cell('available_at'),
        values: { score: num(cell('score')), n: num(cell('n')), flag: bool(cell('flag')), label: cell('label') },
      };
    });
    for (const [name, backfill] of [
      ['rules_default', false],
      ['rules_other', true],
    ] as const) {
      const outcome = await ingestObservations(
        { db: t.handle.db, lake: t.lake, observations: createObservationStore(t.lake) },
        { dataset: datasets[name]!, source: 'inline', batchId: `inline-${name}`, backfill, rows, actor: 'ada' },
      );
      if (!outcome.ok) throw new Error(outcome.error.message);
      const { counts, ruleCounts, issues } = expected[name];
      expect(reportOf(outcome.report as never)).toEqual({
        counts,
        ruleCounts,
        issues: issues
          .map(([line, ...rest]) => [(line as number) - 1, ...rest])
          .map((i) =>
            i.map((x) => (typeof x === 'string' ? x.replace(/line (\d+)/g, (_m, n) => `line ${Number(n) - 1}`) : x)),
          ),
      });
    }
  });
});
