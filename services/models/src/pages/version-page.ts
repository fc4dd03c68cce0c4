import { type Identity, scopesForRoles } from '@alphagraph/auth';
import { readTrainingSets } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { markdownToHtml, pageShell, type RenderedPage } from '@alphagraph/pages';
import type { ModelStore } from '../modules/models/store.ts';
import { renderCard } from '../modules/versions/card.ts';
import type { VersionStore } from '../modules/versions/store.ts';

/** Who may read a version's card (ModelVersion.card): researchers, validators, admins, traders. */
export const CARD_ROLES = ['researcher', 'validator', 'admin', 'trader'] as const;
/** Roles that see every version; the others see only CANARY and PRODUCTION (as Model.versions). */
export const ALL_VERSIONS_ROLES = ['researcher', 'validator', 'admin', 'compliance'] as const;

export const PAGES_PREFIX = '/models/';

const PATH = /^([a-z][a-z0-9_]{0,62})\/versions\/(\d{1,9})$/;

/** Draws the importances (permutation, and the algorithm's own) as horizontal bars, with Observable Plot. */
const SCRIPT = `
(function () {
  var data = window.PAGE_DATA;
  var el = document.getElementById('importances');
  if (!data || !data.importances || data.importances.length === 0) { el.textContent = 'No importances recorded.'; return; }
  var kinds = Array.from(new Set(data.importances.map(function (d) { return d.kind; })));
  kinds.forEach(function (kind) {
    var rows = data.importances.filter(function (d) { return d.kind === kind; })
      .sort(function (a, b) { return Math.abs(b.value) - Math.abs(a.value); }).slice(0, 20);
    var title = document.createElement('h3');
    title.textContent = kind === 'permutation' ? 'Permutation importance on TEST (drop of ' + data.metric + ')' : kind + ' importance';
    el.appendChild(title);
    el.appendChild(Plot.plot({
      marginLeft: 180, width: 900, height: 28 * rows.length + 40,
      x: { label: kind === 'permutation' ? 'score drop' : 'value', grid: true },
      y: { label: null, domain: rows.map(function (d) { return d.feature; }) },
      marks: [
        Plot.barX(rows, { x: 'value', y: 'feature', fill: function (d) { return d.value >= 0 ? '#2f6db5' : '#c2533a'; } }),
        Plot.ruleX([0])
      ]
    }));
  });
  el.setAttribute('data-drawn', 'true');
})();`;

/**
 * `/models/<name>/versions/<n>`: the model card as a page, with the importances drawn as charts.
 * Readable by the roles that may read the card; traders (and other roles) only of versions in
 * CANARY or PRODUCTION, as the graph shows them.
 */
export function createVersionPage(deps: { db: Db; models: ModelStore; versions: VersionStore }) {
  return async (path: string, identity: Identity): Promise<RenderedPage | null> => {
    const match = PATH.exec(path);
    if (!match) return null;
    const scopes = new Set<string>(scopesForRoles(identity.roles));
    const forbidden = (why: string) => ({
      status: 403,
      html: pageShell({ title: 'Forbidden', assetsPath: `${PAGES_PREFIX}_assets/`, body: `<h1>403</h1><p>${why}</p>` }),
    });
    if (!CARD_ROLES.some((r) => scopes.has(r))) {
      return forbidden(`model cards are for ${CARD_ROLES.join(', ')}; your roles are ${identity.roles.join(', ')}`);
    }
    const [model] = await deps.models.byNames([match[1]!]);
    if (!model) return null;
    const version = (await deps.versions.ofModels([model.id])).find((v) => v.number === Number(match[2]));
    if (!version) return null;
    if (
      !ALL_VERSIONS_ROLES.some((r) => scopes.has(r)) &&
      version.stage !== 'canary' &&
      version.stage !== 'production'
    ) {
      return null;
    }
    const [ts] = await readTrainingSets(deps.db, [version.trainingSetId]);
    const card = renderCard(model, version, ts?.name ?? null);
    const importances = (version.result?.importances ?? []).map((i) => ({
      feature: i.feature,
      kind: i.kind,
      value: i.value,
    }));
    const body = `<section class="card">${markdownToHtml(card)}</section>
<section class="panel"><h2>Feature importances</h2><div id="importances" class="chart"></div></section>`;
    return {
      status: 200,
      html: pageShell({
        title: `${model.name} v${version.number} — model card`,
        assetsPath: `${PAGES_PREFIX}_assets/`,
        body,
        data: { importances, metric: model.task === 'classification' ? 'ROC AUC' : 'R²' },
        script: SCRIPT,
      }),
    };
  };
}
