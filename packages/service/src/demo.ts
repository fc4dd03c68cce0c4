import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataDir } from '@alphagraph/config';
import type { z } from 'zod';

/**
 * Reads one section of data/demo/seed.json, the catalog entries the quick start registers,
 * validated by the calling service's own schema.
 */
export function readDemoSeed<S extends z.ZodType>(schema: S, dir: string = demoDataDir()): z.output<S> {
  const path = join(dir, 'seed.json');
  const parsed = schema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `${path} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
