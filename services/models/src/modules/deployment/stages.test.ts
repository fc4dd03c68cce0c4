import { MODEL_STAGES } from '@alphagraph/db/schema/models';
import { describe, expect, it } from 'vitest';
import { allowsTransition, checkTransition, type StageAction } from './stages.ts';

const ACTIONS: readonly StageAction[] = ['approve', 'reject', 'promote', 'replace', 'rollback'];

// The lifecycle of DESIGN section 7 and issue 10 item 7, written out independently of the table.
const ALLOWED = new Set([
  'registered->validated:approve',
  'registered->rejected:reject',
  'validated->paper:promote',
  'validated->canary:promote',
  'validated->retired:promote',
  'paper->canary:promote',
  'paper->retired:promote',
  'canary->production:promote',
  'canary->paper:promote',
  'canary->retired:promote',
  'production->retired:promote',
  'production->retired:replace',
  'production->retired:rollback',
  'retired->production:rollback',
]);

describe('the deployment stage table', () => {
  it('allows exactly the listed moves: every (from, to, action) of 7 x 7 x 5 checked', () => {
    let checked = 0;
    for (const from of MODEL_STAGES) {
      for (const to of MODEL_STAGES) {
        for (const action of ACTIONS) {
          const key = `${from}->${to}:${action}`;
          expect(allowsTransition(from, to, action), key).toBe(ALLOWED.has(key));
          if (ALLOWED.has(key)) expect(() => checkTransition(from, to, action, 'v')).not.toThrow();
          else expect(() => checkTransition(from, to, action, 'v')).toThrow(/cannot move it/);
          checked++;
        }
      }
    }
    expect(checked).toBe(245);
  });

  it('lets nothing but validation move a version out of registered, and nothing out of rejected', () => {
    for (const to of MODEL_STAGES) {
      for (const action of ACTIONS) {
        if (action !== 'approve' && action !== 'reject') expect(allowsTransition('registered', to, action)).toBe(false);
        expect(allowsTransition('rejected', to, action)).toBe(false);
      }
    }
  });

  it('says what is allowed when it refuses', () => {
    expect(() => checkTransition('registered', 'production', 'promote', 'version 3')).toThrow(
      'version 3 is registered: promote cannot move it to production; from registered it may move to validated (approve), rejected (reject)',
    );
    expect(() => checkTransition('rejected', 'validated', 'approve', 'version 1')).toThrow(/nothing \(final\)/);
  });
});
