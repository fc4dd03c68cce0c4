import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { ACTOR, createIngestKit, type IngestKit } from './test-support.ts';

const HEADER = 'date,open,high,low,close,volume,Name';
const GOOD = [
  HEADER,
  '2016-03-14,10,11,9,10.5,1000,AAA',
  '2016-03-15,10.5,11.5,10,11,1200,AAA',
  '2016-03-14,20,21,19,20.5,500,BBB',
];

describe.each(testDatabaseKinds())('bad files on %s: refused with a clear error, nothing stored', (kind) => {
  let k: IngestKit;
  let failNext = false;
  const ingest = (path: string, mapping = 'all_stocks_5yr') =>
    k.ingest.ingestion.ingestFile({ path, mapping, actor: ACTOR });

  /** Ingests `path`, expects the refusal, and that everything stored is exactly as before. */
  async function refused(path: string, code: string, message: RegExp) {
    const before = await k.stored();
    const error = await ingest(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe(code);
    expect((error as IngestError).message).toMatch(message);
    expect(await k.stored()).toEqual(before);
  }

  beforeAll(async () => {
    k = await createIngestKit(kind, {
      beforePublish: () => {
        if (failNext) {
          failNext = false;
          throw new Error('injected failure after validation');
        }
      },
    });
    const report = await ingest(k.file('good.csv', `${GOOD.join('\n')}\n`));
    expect(report).toMatchObject({ status: 'committed', inserted: 3 });
  });
  afterAll(async () => {
    await k?.dispose();
  });

  it('an empty file', async () => {
    await refused(k.file('empty.csv', ''), 'EMPTY_FILE', /empty\.csv is empty \(0 bytes\)/);
    await refused(k.file('blank.csv', '\n\n\n'), 'EMPTY_FILE', /has no header and no rows/);
  });

  it('a header-only file', async () => {
    await refused(k.file('header.csv', `${HEADER}\n`), 'HEADER_ONLY', /has a header but no data rows/);
  });

  it('a file that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(`${GOOD.slice(0, 2).join('\n')}\n2016-03-15,1,2,1,2,3,`),
      Buffer.from([0xc9, 0x0a]),
    ]);
    await refused(k.file('latin1.csv', latin1), 'NOT_UTF8', /is not UTF-8: byte 0xc9 at offset \d+ \(line 3\)/);
  });

  it('a truncated file (the last row cut off)', async () => {
    await refused(
      k.file('truncated.csv', `${GOOD.join('\n')}\n2016-03-15,20.5,21`),
      'TRUNCATED',
      /looks truncated: its last row \(line 5\) has 3 of the header's 7 fields/,
    );
    await refused(
      k.file('quote.csv', `${GOOD.join('\n')}\n2016-03-15,20.5,21,"19`),
      'TRUNCATED',
      /ends inside a quoted field/,
    );
  });

  it('a row with fewer columns than the header', async () => {
    const rows = [...GOOD.slice(0, 2), '2016-03-15,10.5,11.5,10,11,AAA', ...GOOD.slice(3)];
    await refused(
      k.file('short.csv', rows.join('\n')),
      'FEWER_COLUMNS',
      /line 3 has 6 fields, fewer than the header's 7/,
    );
  });

  it('a row with more columns than the header', async () => {
    await refused(
      k.file('long.csv', `${GOOD.join('\n')}\n2016-03-16,1,2,1,2,3,AAA,extra`),
      'MALFORMED_CSV',
      /line 5 has 8 fields/,
    );
  });

  it('wrong column types', async () => {
    const rows = [...GOOD, '2016-03-16,10,11,9,ten,1000,AAA'];
    await refused(
      k.file('types.csv', rows.join('\n')),
      'WRONG_TYPE',
      /line 5: column "close" \(close\) holds "ten", not a number/,
    );
    const dates = [...GOOD, '16/03/2016,10,11,9,10,1000,AAA'];
    await refused(
      k.file('dates.csv', dates.join('\n')),
      'WRONG_TYPE',
      /line 5: column "date" \(time\) holds "16\/03\/2016", not a date/,
    );
  });

  it('a file without the mapped columns', async () => {
    await refused(`${k.dir}/no-such.csv`, 'FILE_NOT_FOUND', /no-such\.csv: cannot be read/);
    const other = k.file('other.csv', ',Open,High,Low,Close,Volume\n2016-03-14,1,2,1,2,3\n');
    await refused(
      other,
      'MISSING_COLUMNS',
      /lacks the columns "Name", "date", "open", .* that mapping all_stocks_5yr reads; its header is "","Open"/,
    );
  });

  it('a corrupt or truncated gzip file', async () => {
    const gz = k.file('good.csv.gz', `${GOOD.join('\n')}\n`, { gzip: true });
    const bytes = (await import('node:fs')).readFileSync(gz);
    const corrupt = Buffer.from(bytes);
    corrupt.fill(0x41, 12, 30);
    await refused(
      k.file('corrupt.csv.gz', corrupt),
      'CORRUPT_GZIP',
      /not a valid gzip stream \(corrupt or truncated\)/,
    );
    await refused(k.file('cut.csv.gz', bytes.subarray(0, bytes.length - 12)), 'CORRUPT_GZIP', /corrupt or truncated/);
  });

  it('a corrupt Parquet file, and one whose column has the wrong type', async () => {
    await refused(
      k.file('corrupt.parquet', Buffer.concat([Buffer.from('PAR1'), Buffer.alloc(64, 7)])),
      'CORRUPT_PARQUET',
      /not a readable Parquet file/,
    );
    const path = `${k.dir}/bool-close.parquet`;
    await k.t.lake.query(
      `COPY (SELECT DATE '2016-03-16' AS date, 1.0 AS open, 2.0 AS high, 1.0 AS low, true AS close, 5 AS volume, 'AAA' AS Name)
       TO '${path}' (FORMAT parquet)`,
    );
    await refused(path, 'WRONG_TYPE', /column close \(close\) is BOOLEAN, not a number or text/);
  });

  it('a batch that fails after validation (injected) leaves the snapshot and every table as they were', async () => {
    const before = await k.stored();
    failNext = true;
    const rows = [
      HEADER,
      '2016-03-16,11,12,10,11.5,900,AAA',
      '2016-03-16,1,1,1,1,1,NEWCO',
      '2016-03-16,1,1,1,-1,1,BBB',
    ];
    await expect(ingest(k.file('fails.csv', rows.join('\n')))).rejects.toThrow(/injected failure after validation/);
    expect(await k.stored()).toEqual(before);
    // The same batch goes through once the failure is gone, registering NEWCO and holding BBB's row.
    const report = await ingest(k.file('fails.csv', rows.join('\n')));
    expect(report).toMatchObject({ status: 'committed', inserted: 2, quarantined: 1, registered: ['NEWCO'] });
    expect(await k.stored()).toMatchObject({ batches: before.batches + 1, instruments: before.instruments + 1 });
  });

  it('a batch left mid-commit by a dead process is undone by the next ingestion', async () => {
    const before = await k.stored();
    await k.ingest.reports.begin({
      batch: {
        id: '00000000-0000-4000-8000-000000000001',
        source: 'ghost.csv',
        sourceKind: 'file',
        mapping: 'all_stocks_5yr',
        interval: '1d',
        contentSha256: 'x',
        fingerprint: 'x',
        rules: {},
        conflicts: 'correct',
        status: 'committing',
        rowsRead: 1,
        ...{ accepted: 1, inserted: 1, corrections: 0, unchanged: 0, keptStored: 0, fixed: 0, dropped: 0 },
        ...{ quarantined: 0, rejected: 0, warnings: 0, ruleCounts: {}, createdBy: 'ghost', startedAt: new Date() },
      },
      issues: [],
      quarantine: [],
      register: [
        {
          symbol: 'GHOST',
          name: 'GHOST',
          exchange: 'US',
          assetClass: 'equity',
          currency: 'USD',
          timezone: 'America/New_York',
          calendar: 'XNYS',
        },
      ],
      actor: 'ghost',
    });
    expect((await k.stored()).instruments).toBe(before.instruments + 1);
    const report = await ingest(k.file('next.csv', `${HEADER}\n2016-03-17,11,12,10,11.5,900,AAA\n`));
    expect(report.status).toBe('committed');
    expect(await k.ingest.reports.batch('00000000-0000-4000-8000-000000000001')).toBeNull();
    expect(await k.stored()).toMatchObject({ batches: before.batches + 1, instruments: before.instruments });
  });
});
