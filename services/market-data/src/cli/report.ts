import type { BatchRecord, IngestReportStore } from '../modules/ingest/report-store.ts';

const SHOWN_ISSUES = 50;

/** The report as an operator reads it: counts, rules that fired, and each rejected or quarantined row. */
export async function formatReport(report: BatchRecord, store: IngestReportStore): Promise<string> {
  const lines = [
    `batch ${report.id}: ${report.status.toUpperCase()}${report.snapshotId ? ` (bars snapshot ${report.snapshotId})` : ''}`,
    `  source        ${report.source}`,
    `  mapping       ${report.mapping} (${report.interval})`,
    `  sha256        ${report.contentSha256}`,
  ];
  if (report.sameAs) {
    lines.push(
      `  same as batch ${report.sameAs}: the same content was already ingested with this mapping and rules; nothing was read or written`,
    );
  }
  const count = (label: string, n: number) => `  ${label.padEnd(14)}${n.toLocaleString('en-US')}`;
  lines.push(
    count('rows read', report.rowsRead),
    count('accepted', report.accepted),
    count('  inserted', report.inserted),
    count('  corrections', report.corrections),
    count('  unchanged', report.unchanged),
    count('  kept stored', report.keptStored),
    count('fixed', report.fixed),
    count('dropped', report.dropped),
    count('quarantined', report.quarantined),
    count('rejected', report.rejected),
    count('warnings', report.warnings),
  );
  if (report.registered.length > 0) {
    lines.push(
      `  registered    ${report.registered.length} instruments (${report.registered.slice(0, 8).join(', ')}${report.registered.length > 8 ? ', …' : ''})`,
    );
  }
  const fired = Object.entries(report.ruleCounts).filter(([, c]) => c.rows > 0);
  if (fired.length > 0) {
    lines.push('  rules:');
    for (const [rule, c] of fired) lines.push(`    ${rule.padEnd(26)} ${c.action.padEnd(10)} ${c.rows} rows`);
  }
  const issues = await store.issues(report.id, { outcomes: ['rejected', 'quarantined'], first: SHOWN_ISSUES + 1 });
  if (issues.length > 0) {
    lines.push('  rejected and quarantined rows (file:line rule: reason):');
    for (const i of issues.slice(0, SHOWN_ISSUES)) {
      lines.push(`    ${report.source}:${i.line} ${i.outcome} ${i.rule}: ${i.message}`);
    }
    if (issues.length > SHOWN_ISSUES) {
      lines.push(
        `    … more in the report: query { ingestReport(id: "${report.id}") { issues { edges { node { line rule message } } } } }`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
