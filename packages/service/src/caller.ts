import type { Identity } from '@alphagraph/auth';
import { DomainError } from './errors.ts';
import type { RequestScope } from './server.ts';

/** Who makes a change and in which request: what a provider writes to the audit log. */
export interface Change {
  readonly actor: Identity;
  readonly requestId: string;
}

/** The request's change record; a mutation without a verified caller is refused. */
export function changeOf(scope: RequestScope): Change {
  if (!scope.identity) throw new DomainError('UNAUTHENTICATED', 'a verified caller is required');
  return { actor: scope.identity, requestId: scope.requestId };
}
