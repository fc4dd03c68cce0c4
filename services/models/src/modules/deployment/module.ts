import { defineModule, type ServiceModule } from '@alphagraph/service';
import { deploymentResolvers } from './resolvers.ts';
import type { Deployment } from './service.ts';

export type DeploymentModule = ServiceModule<'deployment', Deployment>;

/** Four-eyes validation and phased deployment: stages, rollback, kill switch, history. */
export function createDeploymentModule(deployment: Deployment): DeploymentModule {
  return defineModule({ name: 'deployment', provider: deployment, resolvers: deploymentResolvers });
}
