import { resolve } from 'node:path';
import type { operations } from '@alphagraph/sdk';
import { writeTrainingSet } from '@alphagraph/sdk/node';
import { z } from 'zod';
import {
  clientFrom,
  type Env,
  list,
  type Out,
  parseCommand,
  print,
  readJsonFile,
  table,
  UsageError,
  validate,
} from './connection.ts';
import { createProgress } from './progress.ts';

export const TRAINING_SET_USAGE = `  training-set build --out FILE.parquet (--spec SPEC.json | --name N --entities SYM,… --from DATE --to DATE
                  [--features REF,…] [--feature-sets NAME,…] [--label NAME=HORIZON] [--times HH:MM])
                  [--split TRAIN|VALIDATION|TEST|EMBARGO] [--no-progress]
                           build a point-in-time training set (SPEC: CreateTrainingSetInput as JSON; flags
                           override it), then download its Parquet file, with a progress bar on stderr`;

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'is a date YYYY-MM-DD' });

const flags = z.object({
  out: z
    .string()
    .min(1, { message: 'is required: the Parquet file to write' })
    .regex(/\.parquet$/, {
      message: 'names a .parquet file',
    }),
  name: z.string().min(1).optional(),
  entities: z.array(z.string()).min(1).optional(),
  from: date.optional(),
  to: date.optional(),
  features: z.array(z.string()).optional(),
  'feature-sets': z.array(z.string()).optional(),
  label: z
    .array(z.string().regex(/^[a-z][a-z0-9_]*=\d+$/, { message: 'is NAME=HORIZON (a forward return, e.g. fwd_5=5)' }))
    .optional(),
  times: z.array(z.string().regex(/^\d{2}:\d{2}$/, { message: 'is HH:MM' })).optional(),
  split: z.enum(['TRAIN', 'VALIDATION', 'TEST', 'EMBARGO']).optional(),
});

/** The spec's outline only: the platform validates the rest and answers with its own message. */
const spec = z
  .object({
    name: z.string().min(1, { message: 'is required (--name or "name" in the spec)' }),
    spine: z.record(z.string(), z.unknown(), { message: 'is required (--entities/--from/--to or "spine")' }),
  })
  .passthrough();

export async function trainingSetCommand(argv: readonly string[], env: Env, io: Out): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'build') throw new UsageError(`training-set: the subcommand is build\n${TRAINING_SET_USAGE}`);
  const { values } = parseCommand('training-set build', rest, {
    spec: { type: 'string' },
    out: { type: 'string' },
    name: { type: 'string' },
    entities: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    features: { type: 'string' },
    'feature-sets': { type: 'string' },
    label: { type: 'string', multiple: true },
    times: { type: 'string' },
    split: { type: 'string' },
    'no-progress': { type: 'boolean', default: false },
  });
  const f = validate('training-set build', flags, {
    ...values,
    entities: list(values.entities),
    features: list(values.features),
    'feature-sets': list(values['feature-sets']),
    times: list(values.times),
  });
  const base = (values.spec ? readJsonFile('training-set build', values.spec) : {}) as Record<string, unknown>;
  const input = validate('training-set build', spec, {
    ...base,
    ...(f.name ? { name: f.name } : {}),
    ...(f.entities ? { entities: f.entities } : {}),
    ...(f.entities && !base.spine ? { spine: { schedule: { calendar: 'XNYS', times: f.times ?? ['16:30'] } } } : {}),
    ...(f.from || f.to ? { period: { from: f.from, to: f.to } } : {}),
    ...(f.features ? { features: f.features } : {}),
    ...(f['feature-sets'] ? { featureSets: f['feature-sets'] } : {}),
    ...(f.label
      ? {
          labels: f.label.map((l) => {
            const [name, horizon] = l.split('=') as [string, string];
            return { name, forwardReturn: { horizon: Number(horizon) } };
          }),
        }
      : {}),
  }) as unknown as operations.CreateTrainingSetInput;

  const client = clientFrom('training-set build', values, env);
  const progress = createProgress(io, {
    enabled: !values['no-progress'] && !values.json,
    tty: io.tty === true,
  });
  const polls = { n: 0 };
  try {
    const built = await client.buildTrainingSet(input, {
      onProgress: (set) => {
        polls.n++;
        // The build reports no fraction: the bar counts polls while BUILDING and fills at READY.
        const ready = set.status === 'READY';
        progress.update('build', ready ? polls.n : polls.n - 1, ready ? polls.n : undefined, 'polls');
      },
    });
    const out = resolve(f.out);
    const written = await writeTrainingSet(built, out, {
      ...(f.split ? { split: f.split } : {}),
      onProgress: (bytes, total) => progress.update('download', bytes, total, 'bytes'),
    });
    progress.stop();
    const set = built.trainingSet;
    print(io, values.json, { trainingSet: set, file: written }, () => [
      `training set ${set.name} (${set.id}): ${set.rowCount ?? 0} rows, ${set.columns.length} columns`,
      ...table(
        ['split', 'rows'],
        (set.splitRows ?? []).map((s) => [s.split, s.rows]),
      ),
      ...(set.warnings ?? []).map((w) => `warning ${w.code}: ${w.message}`),
      `wrote ${written.path} (${written.bytes.toLocaleString('en-US')} bytes${f.split ? `, ${f.split} rows only` : ''})`,
    ]);
    return 0;
  } finally {
    progress.stop();
  }
}
