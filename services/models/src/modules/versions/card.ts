import type { ModelRecord } from '../models/store.ts';
import type { SplitMetrics, TrainingResult } from './result.ts';
import type { VersionRecord } from './store.ts';

const f = (v: number | null | undefined, digits = 4) =>
  v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : Number(v.toFixed(digits)).toString();
const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

const METRIC_ROWS: Record<'classification' | 'regression', readonly (keyof SplitMetrics)[]> = {
  classification: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'],
  regression: ['rmse', 'mae', 'r2', 'mean_ic', 'icir'],
};

/** What every card says a model of this kind cannot do, whatever its numbers. */
function limitations(model: ModelRecord, version: VersionRecord, result: TrainingResult | null): string[] {
  const out = [
    "Validated on the training set's own period and universe only; regimes outside them (see scenario metrics) are untested.",
    'Metrics are computed on a single chronological TEST split; they carry sampling error (see the cross-validation spread).',
  ];
  if (model.task === 'classification') {
    out.push(
      'Predicts the direction of the label (label > 0), not its size: position sizing needs more than this signal.',
    );
  }
  if (version.source === 'external') {
    out.push(
      'Trained outside the platform: its training data and procedure are as declared by the uploader, not reproduced here.',
    );
  }
  if (result) {
    const heavy = result.missing.filter((m) => m.imputedInTrain > 0.2 * Math.max(1, result.rowCounts.train));
    if (heavy.length > 0) {
      out.push(`More than 20% of training values were imputed for ${heavy.map((m) => m.column).join(', ')}.`);
    }
    const failed = result.criteria.filter((c) => !c.met);
    if (failed.length > 0) out.push(`Misses success criteria on TEST: ${failed.map((c) => c.metric).join(', ')}.`);
  }
  return out;
}

/**
 * The model card (Mitchell et al., "Model Cards for Model Reporting", adapted to trading): intended
 * use and problem statement, training data, metrics and cross-validation, importances, complexity
 * tier, known limitations and the validation record, as Markdown.
 */
export function renderCard(model: ModelRecord, version: VersionRecord, trainingSetName: string | null): string {
  const result = version.result;
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(`# ${model.name} — version ${version.number}`, '');
  push(
    `**Stage:** ${version.stage} · **Status:** ${version.status} · **Task:** ${model.task} · **Algorithm:** ${version.algorithm} · **Complexity tier:** ${version.tier}`,
    '',
  );
  push('## Intended use', '', model.description, '');
  if (model.problem) {
    push(`**Objective:** ${model.problem.objective} · **Label:** \`${model.label}\` · **Owner:** ${model.owner}`, '');
    push(`> ${model.problem.statement}`, '');
    push('**Success criteria (on TEST):**', '');
    for (const c of model.problem.successCriteria) {
      push(`- ${c.metric} ${c.op === 'gte' ? '≥' : '≤'} ${c.threshold ?? "the naive baseline's value"}`);
    }
    const k = model.problem.constraints;
    if (k.maxScoringLatencyMs !== null || k.maxFeatures !== null) {
      push(
        '',
        `**Constraints:** ${[
          k.maxScoringLatencyMs !== null ? `scoring ≤ ${k.maxScoringLatencyMs} ms per 1,000 rows` : null,
          k.maxFeatures !== null ? `at most ${k.maxFeatures} features` : null,
        ]
          .filter(Boolean)
          .join('; ')}`,
      );
    }
    push('');
  }
  push('## Training data', '');
  push(`- Training set: ${trainingSetName ? `${trainingSetName} ` : ''}\`${version.trainingSetId}\``);
  if (result) {
    push(`- Build snapshot: \`${result.trainingSet.lakeDataset}\` #${result.trainingSet.snapshotId}`);
    push(
      `- Inputs: ${result.inputs.map((i) => `\`${i.lakeDataset}\` #${i.snapshotId} (${i.role})`).join(', ') || 'none'}`,
    );
    push(`- Period: ${result.period.from ?? 'n/a'} → ${result.period.to ?? 'n/a'}`);
    push(
      `- Universe: ${result.universe.length} instruments (${result.universe.slice(0, 10).join(', ')}${result.universe.length > 10 ? ', …' : ''})`,
    );
    const r = result.rowCounts;
    push(
      `- Rows: train ${r.train}, validation ${r.validation}, test ${r.test}; embargo ${r.embargo} and unlabelled ${r.droppedUnlabeled} unused`,
    );
  }
  push(`- Label: \`label_${version.label}\``);
  push(`- Features (${version.features.length}): ${version.features.map((x) => `\`${x.ref}\``).join(', ')}`);
  push(`- Hyperparameters: \`${JSON.stringify(version.hyperparameters)}\`, seed ${version.seed}`);
  if (result) {
    push(
      `- Artifact: \`${result.artifact.path}\` (${result.artifact.format}, ${result.artifact.bytes} bytes, sha256 \`${result.artifact.sha256}\`)`,
    );
    push(
      `- Training time: ${f(result.trainingSeconds, 3)} s; scoring ${f(result.scoringMsPer1000, 2)} ms per 1,000 rows`,
    );
  }
  push('');
  if (result) {
    push('## Metrics', '', '| metric | train | validation | test | baseline (test) |', '|---|---|---|---|---|');
    for (const m of METRIC_ROWS[model.task]) {
      const v = (s: SplitMetrics) => f(s[m] as number | null | undefined);
      push(
        `| ${m} | ${v(result.metrics.train)} | ${v(result.metrics.validation)} | ${v(result.metrics.test)} | ${v(result.baseline.test)} |`,
      );
    }
    push('');
    if (result.criteria.length > 0) {
      push('**Success criteria on TEST:**', '');
      for (const c of result.criteria) {
        push(
          `- ${c.met ? '✅' : '❌'} ${c.metric} = ${f(c.value)} ${c.op === 'gte' ? '≥' : '≤'} ${f(c.threshold)}${c.againstBaseline ? ' (baseline)' : ''}`,
        );
      }
      push('');
    }
    const cv = result.crossValidation;
    if (cv) {
      push(
        '## Cross-validation',
        '',
        `Purged ${cv.folds}-fold cross-validation with an embargo of ${cv.embargoSessions} sessions over TRAIN and VALIDATION rows: ${cv.metric} ${f(cv.mean)} ± ${f(cv.std)} (mean ± sample std).`,
        '',
        '| fold | train rows | test rows | purged | embargoed | ' + cv.metric + ' |',
        '|---|---|---|---|---|---|',
      );
      for (const fold of cv.perFold) {
        push(
          `| ${fold.fold} | ${fold.trainRows} | ${fold.testRows} | ${fold.purgedRows} | ${fold.embargoedRows} | ${f(fold.metrics[cv.metric as keyof SplitMetrics] as number | null)} |`,
        );
      }
      push('');
    }
    push('## Feature importances', '', '| feature | kind | value | std |', '|---|---|---|---|');
    const top = [...result.importances].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
    for (const i of top.slice(0, 30)) push(`| ${esc(i.feature)} | ${i.kind} | ${f(i.value)} | ${f(i.std)} |`);
    push('');
  } else {
    push('## Metrics', '', version.status === 'failed' ? `Training failed: ${version.error}` : 'Not trained yet.', '');
  }
  push('## Known limitations', '');
  for (const l of limitations(model, version, result)) push(`- ${l}`);
  push('', '## Validation record', '');
  const v = version.validation as Record<string, unknown> | null;
  if (version.submittedAt) push(`- Submitted by ${version.submittedBy} at ${version.submittedAt.toISOString()}`);
  else push('- Not submitted for validation.');
  if (v) {
    push(`- ${v.decision} by ${v.decidedBy} at ${v.decidedAt}`, `- Findings: ${v.findings}`);
    if (v.overrideJustification) push(`- **Override** of failed criteria: ${v.overrideJustification}`);
  }
  push('');
  return lines.join('\n');
}
