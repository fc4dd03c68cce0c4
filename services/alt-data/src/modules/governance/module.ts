import { defineModule, type ServiceModule } from '@alphagraph/service';
import { createGovernance, type Governance } from './provider.ts';
import { governanceResolvers } from './resolvers.ts';

export type GovernanceModule = ServiceModule<'governance', Governance>;

/** Entitlement administration and the compliance views of the audit log. */
export function createGovernanceModule(deps: Parameters<typeof createGovernance>[0]): GovernanceModule {
  return defineModule({ name: 'governance', provider: createGovernance(deps), resolvers: governanceResolvers });
}
