import type { Identity } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import type { RenderedPage } from '@alphagraph/pages';
import type { ModelStore } from '../modules/models/store.ts';
import type { MonitoringProvider } from '../modules/monitoring/module.ts';
import type { VersionStore } from '../modules/versions/store.ts';
import { createMonitoringPage } from './monitoring-page.ts';
import { createVersionPage } from './version-page.ts';

/** Every page under `/models/`: a version's card, a model's monitoring; each says null for a path not its own. */
export function createModelPages(deps: {
  db: Db;
  models: ModelStore;
  versions: VersionStore;
  monitoring: MonitoringProvider;
}) {
  const pages = [createVersionPage(deps), createMonitoringPage(deps)];
  return async (path: string, identity: Identity): Promise<RenderedPage | null> => {
    for (const page of pages) {
      const rendered = await page(path, identity);
      if (rendered) return rendered;
    }
    return null;
  };
}
