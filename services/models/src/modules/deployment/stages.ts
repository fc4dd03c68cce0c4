import type { ModelStage } from '@alphagraph/db/schema/models';
import { DomainError } from '@alphagraph/service';

/** What moved a version between stages (recorded as the event's action). */
export type StageAction = 'approve' | 'reject' | 'promote' | 'replace' | 'rollback';

/**
 * The deployment lifecycle (DESIGN section 7), as an explicit table: for each stage, the stages a
 * version may move to and the actions that may move it there. Every pair not listed is refused.
 *
 * - registered -> validated (approve) or rejected (reject): only independent validation lets a
 *   version leave `registered`, so only a validated version is ever deployed;
 * - validated -> paper, canary or retired; paper -> canary or retired; canary -> production, back
 *   to paper, or retired (promote, by an admin);
 * - production -> retired: retired by an admin, replaced when another version is promoted to
 *   production, or rolled back;
 * - retired -> production only by rollback, for the version the current production one replaced;
 * - rejected is final (train a new version).
 */
export const STAGE_TRANSITIONS: {
  readonly [F in ModelStage]: { readonly [T in ModelStage]?: readonly StageAction[] };
} = {
  registered: { validated: ['approve'], rejected: ['reject'] },
  validated: { paper: ['promote'], canary: ['promote'], retired: ['promote'] },
  paper: { canary: ['promote'], retired: ['promote'] },
  canary: { production: ['promote'], paper: ['promote'], retired: ['promote'] },
  production: { retired: ['promote', 'replace', 'rollback'] },
  retired: { production: ['rollback'] },
  rejected: {},
};

/** Whether `action` may move a version from `from` to `to`. */
export function allowsTransition(from: ModelStage, to: ModelStage, action: StageAction): boolean {
  return STAGE_TRANSITIONS[from][to]?.includes(action) ?? false;
}

/** Refuses a move the table does not allow, saying what is allowed from `from`. */
export function checkTransition(from: ModelStage, to: ModelStage, action: StageAction, what: string): void {
  if (allowsTransition(from, to, action)) return;
  const allowed = Object.entries(STAGE_TRANSITIONS[from])
    .filter(([, actions]) => actions?.length)
    .map(([stage, actions]) => `${stage} (${actions!.join('/')})`);
  throw new DomainError(
    'FAILED_PRECONDITION',
    `${what} is ${from}: ${action} cannot move it to ${to}; from ${from} it may move to ${
      allowed.length > 0 ? allowed.join(', ') : 'nothing (final)'
    }`,
  );
}
