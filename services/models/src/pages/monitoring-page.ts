import { type Identity, scopesForRoles } from '@alphagraph/auth';
import { escapeHtml, pageShell, type RenderedPage } from '@alphagraph/pages';
import type { ModelStore } from '../modules/models/store.ts';
import type { MonitoringProvider } from '../modules/monitoring/module.ts';
import type { VersionStore } from '../modules/versions/store.ts';
import { loadMonitoringPageData, type MonitoringPageData, type PageAlert } from './monitoring-data.ts';
import { MONITORING_SCRIPT } from './monitoring-script.ts';
import { PAGES_PREFIX } from './version-page.ts';

/** Who may read the monitoring page (as Model.monitoring and Model.alerts, less the service role). */
export const MONITORING_ROLES = ['trader', 'validator', 'compliance', 'researcher', 'admin'] as const;
/** Who may acknowledge an alert (acknowledgeAlert's scopes). */
export const ACKNOWLEDGE_ROLES = ['trader', 'validator', 'admin'] as const;

const PATH = /^([a-z][a-z0-9_]{0,62})\/monitoring$/;
const ASSETS = `${PAGES_PREFIX}_assets/`;

const EXTRA_STYLE = `<style>
  .versions { display: flex; gap: 8px; flex-wrap: wrap; }
  .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; background: #e6e9ef; }
  .sev-CRITICAL { background: #f8d7d3; color: #8a1f11; } .sev-WARNING { background: #fdf0c8; color: #6b4e00; }
  .sev-INFO { background: #dbe8f7; color: #1d4f8a; }
  .empty { color: #5a6478; font-style: italic; }
  .charts { display: flex; flex-wrap: wrap; gap: 16px; }
  .charts > div { flex: 1 1 480px; }
  #alerts td { vertical-align: top; } #alerts .evidence { font-size: 12px; max-width: 340px; overflow-wrap: anywhere; }
  #alerts input { width: 180px; } .ack-error { color: #8a1f11; }
</style>`;

function forbidden(identity: Identity): RenderedPage {
  return {
    status: 403,
    html: pageShell({
      title: 'Forbidden',
      assetsPath: ASSETS,
      body: `<h1>403</h1><p>${escapeHtml(
        `the monitoring page is for ${MONITORING_ROLES.join(', ')}; your roles are ${identity.roles.join(', ')}`,
      )}</p>`,
    }),
  };
}

/** Evidence as `key value` lines: numbers to 4 significant digits, anything else as compact JSON. */
function evidenceOf(evidence: unknown): string {
  if (!evidence || typeof evidence !== 'object') return escapeHtml(JSON.stringify(evidence));
  return Object.entries(evidence as Record<string, unknown>)
    .map(([k, v]) => {
      const text =
        typeof v === 'number' ? String(Number(v.toPrecision(4))) : typeof v === 'string' ? v : JSON.stringify(v);
      return `<b>${escapeHtml(k)}</b> ${escapeHtml(text)}`;
    })
    .join(' · ');
}

function alertRow(a: PageAlert, canAcknowledge: boolean): string {
  const ack = a.acknowledgedAt
    ? `${escapeHtml(a.acknowledgedBy ?? '')} at ${escapeHtml(a.acknowledgedAt)}: ${escapeHtml(a.acknowledgement ?? '')}`
    : canAcknowledge
      ? `<input class="ack-note" placeholder="what was done (5+ characters)" aria-label="acknowledgement note">
         <button class="ack" data-alert="${escapeHtml(a.id)}">Acknowledge</button> <span class="ack-error"></span>`
      : '<span class="empty">not acknowledged</span>';
  return `<tr data-alert="${escapeHtml(a.id)}" data-acknowledged="${a.acknowledgedAt ? 'true' : 'false'}">
  <td>${escapeHtml(a.raisedAt.slice(0, 19).replace('T', ' '))}<br><small>as of ${escapeHtml(a.asOf.slice(0, 10))}</small></td>
  <td><span class="badge sev-${escapeHtml(a.severity)}">${escapeHtml(a.severity)}</span></td>
  <td><code>${escapeHtml(a.rule)}</code>${a.version === null ? '' : `<br><small>v${a.version}</small>`}${
    a.killSwitchPulled ? '<br><strong>kill switch pulled</strong>' : ''
  }</td>
  <td>${escapeHtml(a.message)}</td>
  <td class="evidence">${evidenceOf(a.evidence)}</td>
  <td class="ack-cell">${ack}</td>
</tr>`;
}

function alertsSection(data: MonitoringPageData): string {
  const rows = data.alerts.map((a) => alertRow(a, data.canAcknowledge)).join('\n');
  return `<section class="panel"><h2>Alerts (newest first)</h2>
${
  data.alerts.length === 0
    ? '<p class="empty" id="alerts-empty">No alert has been raised for this model.</p>'
    : `<table id="alerts"><tr><th>Raised</th><th>Severity</th><th>Rule</th><th>Message</th><th>Evidence</th><th>Acknowledgement</th></tr>
${rows}</table>`
}</section>`;
}

function versionSections(data: MonitoringPageData): string {
  if (data.versions.length === 0) {
    return `<section class="panel"><p class="empty" id="no-deployed-version">${escapeHtml(data.model)} has no deployed
version (PRODUCTION, CANARY or PAPER): nothing is monitored until a version is promoted.</p></section>`;
  }
  const t = data.thresholds;
  return data.versions
    .map((v) => {
      const id = `v${v.number}`;
      const head = `<h2>Version ${v.number} <span class="badge">${escapeHtml(v.stage.toUpperCase())}</span></h2>`;
      if (v.evaluations.length === 0) {
        return `<section class="panel" id="${id}">${head}<p class="empty">No evaluation yet for version ${v.number}:
run runMonitoring or wait for the schedule.</p></section>`;
      }
      const metricCharts = data.metrics
        .map((m) => `<div><h3>${escapeHtml(m.label)}</h3><div id="metric-${id}-${m.key}" class="chart"></div></div>`)
        .join('');
      return `<section class="panel" id="${id}">${head}
<p>${v.evaluations.length} evaluation(s), ${escapeHtml(v.evaluations[0]!.asOf.slice(0, 10))} to
${escapeHtml(v.evaluations.at(-1)!.asOf.slice(0, 10))}; live metrics on ${t.windowSessions}-session windows.</p>
<h3>Live (line) against validation (dashed)</h3><div class="charts">${metricCharts}</div>
<h3>Drift per feature (PSI against the training distribution)</h3>
<p>Colour = PSI; a cell marked × drifted (KS p ≤ ${t.ksPValue} for at most 1,000 reference values, normed
Wasserstein ≥ ${t.wassersteinThreshold} above) or has PSI above ${t.psiThreshold}. A test needs
${t.minDriftSamples} predictions.</p>
<div id="drift-${id}" class="chart"></div>
<div class="charts">
<div><h3>Prediction volume per evaluation</h3><p>Band: ${t.volumeLower}× to ${t.volumeUpper}× the median of the
previous ${t.volumeLookbackSessions} sessions.</p><div id="volume-${id}" class="chart"></div></div>
<div><h3>Cumulative P&amp;L of following the signal</h3><p>Sum over sessions of the mean of position × label.</p>
<div id="pnl-${id}" class="chart"></div></div>
</div></section>`;
    })
    .join('\n');
}

/**
 * `/models/<name>/monitoring`: the deployed versions' live metrics against validation, drift per
 * feature, prediction volume and cumulative P&L over the monitor's evaluations, and the model's
 * alerts with acknowledgement (through the gateway's acknowledgeAlert, with the caller's token).
 */
export function createMonitoringPage(deps: {
  models: ModelStore;
  versions: VersionStore;
  monitoring: MonitoringProvider;
}) {
  return async (path: string, identity: Identity): Promise<RenderedPage | null> => {
    const match = PATH.exec(path);
    if (!match) return null;
    const scopes = new Set<string>(scopesForRoles(identity.roles));
    if (!MONITORING_ROLES.some((r) => scopes.has(r))) return forbidden(identity);
    const data = await loadMonitoringPageData(deps, match[1]!, {
      canAcknowledge: ACKNOWLEDGE_ROLES.some((r) => scopes.has(r)),
    });
    if (!data) return null;
    const body = `${EXTRA_STYLE}<h1>${escapeHtml(data.model)} — monitoring</h1>
<p>${escapeHtml(data.task)} model${data.killed ? ' · <strong>kill switch pulled: no signal is served</strong>' : ''}.
Deployed: <span class="versions">${
      data.versions
        .map((v) => `<span class="badge">v${v.number} ${escapeHtml(v.stage.toUpperCase())}</span>`)
        .join('') || 'none'
    }</span></p>
${versionSections(data)}
${alertsSection(data)}`;
    return {
      status: 200,
      html: pageShell({
        title: `${data.model} — monitoring`,
        assetsPath: ASSETS,
        body,
        data,
        script: MONITORING_SCRIPT,
      }),
    };
  };
}
