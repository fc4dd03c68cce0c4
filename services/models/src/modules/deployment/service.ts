import type { AuditLog } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import { type ModelStage, modelEvents, modelProblems, modelVersions } from '@alphagraph/db/schema/models';
import { changeOf, DomainError, type RequestScope } from '@alphagraph/service';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { ModelRecord, ModelStore } from '../models/store.ts';
import type { TrainingResult } from '../versions/result.ts';
import type { VersionRecord, VersionStore } from '../versions/store.ts';
import { checkTransition, type StageAction } from './stages.ts';

export interface DeploymentDeps {
  readonly db: Db;
  readonly audit: AuditLog;
  readonly models: ModelStore;
  readonly versions: VersionStore;
  /** The largest capital fraction a canary may carry (MODELS_CANARY_MAX_FRACTION). */
  readonly canaryMaxFraction: number;
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const text = (value: string, what: string, min = 10) => {
  const t = value.trim();
  if (t.length < min) throw new DomainError('BAD_USER_INPUT', `${what} must say why, in ${min} characters at least`);
  return t;
};

/**
 * Independent validation and phased deployment (DESIGN section 7). Every move is checked against
 * the stage table (./stages.ts), made with an UPDATE guarded by the stage it leaves (two admins
 * racing: one wins, the other is refused), recorded as a model event in the same transaction,
 * and appended to the audit log.
 */
export function createDeployment(deps: DeploymentDeps) {
  async function versionOf(id: string): Promise<{ version: VersionRecord; model: ModelRecord }> {
    const [version] = await deps.versions.byIds([id]);
    if (!version) throw new DomainError('NOT_FOUND', `no model version has id ${id}`);
    const [model] = await deps.models.byIds([version.modelId]);
    if (!model) throw new DomainError('NOT_FOUND', `model of version ${id} is gone`);
    return { version, model };
  }

  async function modelNamed(name: string): Promise<ModelRecord> {
    const [model] = await deps.models.byNames([name]);
    if (!model) throw new DomainError('NOT_FOUND', `no model is named ${name}`);
    return model;
  }

  /** Moves a version between stages inside `tx` (refused when it left `from` meanwhile) and records the event. */
  async function move(
    tx: Tx,
    version: VersionRecord,
    to: ModelStage,
    action: StageAction,
    event: { actor: string; reason: string; details?: Record<string, unknown> },
    set: Partial<typeof modelVersions.$inferInsert> = {},
  ): Promise<VersionRecord> {
    const what = `version ${version.number} of its model`;
    checkTransition(version.stage, to, action, what);
    const [row] = await tx
      .update(modelVersions)
      .set({ ...set, stage: to })
      .where(and(eq(modelVersions.id, version.id), eq(modelVersions.stage, version.stage)))
      .returning();
    if (!row) throw new DomainError('CONFLICT', `${what} changed stage meanwhile; read it again`);
    await tx.insert(modelEvents).values({
      modelId: version.modelId,
      versionId: version.id,
      action,
      fromStage: version.stage,
      toStage: to,
      actor: event.actor,
      reason: event.reason,
      details: event.details ?? {},
    });
    return row as VersionRecord;
  }

  const audit = (scope: RequestScope, action: string, resource: string, details: Record<string, unknown>) => {
    const { actor, requestId } = changeOf(scope);
    return deps.audit.append({ actor: actor.userId, roles: actor.roles, action, resource, details, requestId });
  };

  /** The independence rule: the validator neither registered the model nor trained nor submitted the version. */
  function checkIndependent(userId: string, model: ModelRecord, version: VersionRecord) {
    const roles: string[] = [];
    if (model.registeredBy === userId || model.owner === userId) roles.push('registered the model');
    if (version.createdBy === userId) roles.push('trained the version');
    if (version.submittedBy === userId) roles.push('submitted it');
    if (roles.length > 0) {
      throw new DomainError(
        'FORBIDDEN',
        `four eyes: ${userId} ${roles.join(' and ')}, so another validator must decide on version ${version.number} of ${model.name}`,
      );
    }
  }

  async function decide(
    scope: RequestScope,
    id: string,
    decision: 'approve' | 'reject',
    findings: string,
    overrideJustification: string | null,
  ): Promise<VersionRecord> {
    const { actor } = changeOf(scope);
    const { version, model } = await versionOf(id);
    const written = text(findings, 'findings');
    checkIndependent(actor.userId, model, version);
    if (!version.submittedAt) {
      throw new DomainError(
        'FAILED_PRECONDITION',
        `version ${version.number} of ${model.name} was not submitted for validation`,
      );
    }
    const result = version.result as TrainingResult | null;
    const criteria = result?.criteria ?? [];
    const failed = criteria.filter((c) => !c.met);
    let override: string | null = null;
    if (decision === 'approve' && failed.length > 0) {
      if (!overrideJustification?.trim()) {
        throw new DomainError(
          'FAILED_PRECONDITION',
          `version ${version.number} of ${model.name} misses its success criteria on TEST (${failed
            .map((c) => `${c.metric} ${c.value ?? 'n/a'} ${c.op === 'gte' ? '<' : '>'} ${c.threshold ?? 'n/a'}`)
            .join('; ')}): approve only with an overrideJustification`,
        );
      }
      override = text(overrideJustification, 'overrideJustification', 20);
    } else if (overrideJustification?.trim()) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'overrideJustification is only for approving a version that misses its criteria',
      );
    }
    const validation = {
      submittedBy: version.submittedBy,
      submittedAt: version.submittedAt.toISOString(),
      decision: decision === 'approve' ? 'APPROVED' : 'REJECTED',
      decidedBy: actor.userId,
      decidedAt: new Date().toISOString(),
      findings: written,
      overrideJustification: override,
      criteria,
    };
    const moved = await deps.db.transaction((tx) =>
      move(
        tx,
        version,
        decision === 'approve' ? 'validated' : 'rejected',
        decision,
        {
          actor: actor.userId,
          reason: written,
          details: { override: override !== null, overrideJustification: override },
        },
        { validation },
      ),
    );
    await audit(scope, `mutation:${decision}Version`, `model-version:${id}`, {
      model: model.name,
      number: version.number,
      findings: written,
      override,
      criteriaMet: failed.length === 0,
    });
    return moved;
  }

  async function setKill(scope: RequestScope, name: string, reason: string, kill: boolean): Promise<ModelRecord> {
    const { actor } = changeOf(scope);
    const why = text(reason, 'reason');
    const model = await modelNamed(name);
    if (!model.problem)
      throw new DomainError('FAILED_PRECONDITION', `model ${name} has no problem statement to deploy`);
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(modelProblems)
        .set(
          kill
            ? { killedAt: new Date(), killedBy: actor.userId, killReason: why }
            : { killedAt: null, killedBy: null, killReason: null },
        )
        .where(
          and(
            eq(modelProblems.modelId, model.id),
            kill ? isNull(modelProblems.killedAt) : isNotNull(modelProblems.killedAt),
          ),
        )
        .returning();
      if (!row) {
        throw new DomainError(
          'FAILED_PRECONDITION',
          kill
            ? `model ${name} is already stopped (since ${model.killedAt?.toISOString()} by ${model.killedBy}); resume lifts it`
            : `model ${name} is not stopped`,
        );
      }
      await tx.insert(modelEvents).values({
        modelId: model.id,
        action: kill ? 'kill' : 'resume',
        actor: actor.userId,
        reason: why,
      });
    });
    await audit(scope, kill ? 'mutation:killSwitch' : 'mutation:resume', `model:${name}`, { reason: why });
    return (await deps.models.byIds([model.id]))[0]!;
  }

  return {
    async submit(scope: RequestScope, id: string, note: string): Promise<VersionRecord> {
      const { actor } = changeOf(scope);
      const { version, model } = await versionOf(id);
      const why = text(note, 'note', 5);
      if (version.status !== 'ready') {
        throw new DomainError(
          'FAILED_PRECONDITION',
          `version ${version.number} of ${model.name} is ${version.status}, not ready`,
        );
      }
      if (version.stage !== 'registered' || version.submittedAt) {
        throw new DomainError(
          'FAILED_PRECONDITION',
          `version ${version.number} of ${model.name} is ${version.stage}${version.submittedAt ? ' and already submitted' : ''}`,
        );
      }
      const row = await deps.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(modelVersions)
          .set({ submittedBy: actor.userId, submittedAt: new Date() })
          .where(and(eq(modelVersions.id, id), isNull(modelVersions.submittedAt)))
          .returning();
        if (!updated)
          throw new DomainError('CONFLICT', `version ${version.number} of ${model.name} was submitted meanwhile`);
        await tx.insert(modelEvents).values({
          modelId: model.id,
          versionId: id,
          action: 'submit',
          fromStage: 'registered',
          toStage: 'registered',
          actor: actor.userId,
          reason: why,
        });
        return updated as VersionRecord;
      });
      await audit(scope, 'mutation:submitForValidation', `model-version:${id}`, {
        model: model.name,
        number: version.number,
      });
      return row;
    },

    approve: (scope: RequestScope, id: string, findings: string, override: string | null) =>
      decide(scope, id, 'approve', findings, override),
    reject: (scope: RequestScope, id: string, findings: string) => decide(scope, id, 'reject', findings, null),

    /** paper, canary (with a capital fraction), production (replacing the current one), or retired. */
    async promote(
      scope: RequestScope,
      id: string,
      to: 'paper' | 'canary' | 'production' | 'retired',
      reason: string,
      capitalFraction: number | null,
    ): Promise<VersionRecord> {
      const { actor } = changeOf(scope);
      const why = text(reason, 'reason');
      const { version, model } = await versionOf(id);
      if (to === 'canary') {
        if (capitalFraction === null || !(capitalFraction > 0) || capitalFraction > deps.canaryMaxFraction) {
          throw new DomainError(
            'BAD_USER_INPUT',
            `a canary carries a capitalFraction in (0, ${deps.canaryMaxFraction}] (MODELS_CANARY_MAX_FRACTION); got ${capitalFraction}`,
          );
        }
      } else if (capitalFraction !== null) {
        throw new DomainError('BAD_USER_INPUT', 'capitalFraction is only for promotion to CANARY');
      }
      const moved = await deps.db.transaction(async (tx) => {
        let replaced: VersionRecord | null = null;
        if (to === 'production') {
          const [current] = await tx
            .select()
            .from(modelVersions)
            .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.stage, 'production')))
            .for('update');
          if (current) {
            replaced = await move(tx, current as VersionRecord, 'retired', 'replace', {
              actor: actor.userId,
              reason: why,
              details: { replacedBy: version.number },
            });
          }
        }
        return move(
          tx,
          version,
          to,
          'promote',
          {
            actor: actor.userId,
            reason: why,
            details: {
              ...(to === 'canary' ? { capitalFraction } : {}),
              ...(replaced ? { replaced: replaced.id, replacedNumber: replaced.number } : {}),
            },
          },
          { capitalFraction: to === 'canary' ? capitalFraction : to === 'production' ? 1 : null },
        );
      });
      await audit(scope, 'mutation:promoteVersion', `model-version:${id}`, {
        model: model.name,
        number: version.number,
        from: version.stage,
        to,
        capitalFraction,
        reason: why,
      });
      return moved;
    },

    /** Production back to the version it replaced; the current production version is retired. */
    async rollback(scope: RequestScope, name: string, reason: string): Promise<VersionRecord> {
      const { actor } = changeOf(scope);
      const why = text(reason, 'reason');
      const model = await modelNamed(name);
      const restored = await deps.db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(modelVersions)
          .where(and(eq(modelVersions.modelId, model.id), eq(modelVersions.stage, 'production')))
          .for('update');
        if (!current)
          throw new DomainError('FAILED_PRECONDITION', `model ${name} has no version in production to roll back`);
        const [promoted] = await tx
          .select()
          .from(modelEvents)
          .where(and(eq(modelEvents.versionId, current.id), eq(modelEvents.toStage, 'production')))
          .orderBy(desc(modelEvents.seq))
          .limit(1);
        const previousId = (promoted?.details as { replaced?: string } | undefined)?.replaced;
        if (!previousId) {
          throw new DomainError(
            'FAILED_PRECONDITION',
            `version ${current.number} of ${name} replaced no production version: there is nothing to roll back to (retire it instead)`,
          );
        }
        const [previous] = await tx.select().from(modelVersions).where(eq(modelVersions.id, previousId)).for('update');
        if (previous?.stage !== 'retired') {
          throw new DomainError(
            'FAILED_PRECONDITION',
            `the version ${current.number} replaced is ${previous?.stage ?? 'gone'}, not retired: cannot roll back to it`,
          );
        }
        await move(tx, current as VersionRecord, 'retired', 'rollback', {
          actor: actor.userId,
          reason: why,
          details: { restored: previous.number },
        });
        return move(tx, previous as VersionRecord, 'production', 'rollback', {
          actor: actor.userId,
          reason: why,
          details: { rolledBack: current.number, replaced: null },
        });
      });
      await audit(scope, 'mutation:rollback', `model:${name}`, { restored: restored.number, reason: why });
      return restored;
    },

    kill: (scope: RequestScope, name: string, reason: string) => setKill(scope, name, reason, true),
    resume: (scope: RequestScope, name: string, reason: string) => setKill(scope, name, reason, false),
  };
}
export type Deployment = ReturnType<typeof createDeployment>;
