import { z } from 'zod';
import { clientFrom, type Env, list, type Out, parseCommand, print, UsageError, validate } from './connection.ts';

export const FEATURES_USAGE = `  features define --name N --expression EXPR --description TEXT [--entity INSTRUMENT|MARKET]
                  [--ttl SECONDS | --no-ttl] [--tag T…] [--universe SYM,…] [--status DRAFT|ACTIVE|DEPRECATED]
                           register a feature (a changed expression, entity or TTL is a new version)
  features materialize (--features REF,… | --set NAME) [--universe SYM,…] [--mode INCREMENTAL|BACKFILL]
                  [--from ISO] [--to ISO]
                           compute feature values into the lake and the online store; waits for the run`;

const snake = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'is lower_snake_case (e.g. mom_5)' })
  .max(50);
const instant = z.string().datetime({ offset: true, message: 'is an ISO instant (e.g. 2016-01-04T00:00:00Z)' });

const defineInput = z
  .object({
    name: snake,
    expression: z.string().min(1, { message: 'is required (e.g. "$close / Ref($close, 5) - 1")' }),
    description: z.string().min(1, { message: 'is required' }),
    entity: z.enum(['INSTRUMENT', 'MARKET']).optional(),
    ttl: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    'no-ttl': z.boolean(),
    tag: z.array(z.string()).optional(),
    universe: z.array(z.string()).optional(),
    status: z.enum(['DRAFT', 'ACTIVE', 'DEPRECATED']).optional(),
  })
  .refine((v) => !(v.ttl !== undefined && v['no-ttl']), { message: '--ttl and --no-ttl exclude each other' });

const materializeInput = z
  .object({
    features: z.array(z.string()).min(1).optional(),
    set: z.string().min(1).optional(),
    universe: z.array(z.string()).min(1).optional(),
    mode: z.enum(['INCREMENTAL', 'BACKFILL']),
    from: instant.optional(),
    to: instant.optional(),
  })
  .refine((v) => (v.features === undefined) !== (v.set === undefined), {
    message: 'give --features REF,… or --set NAME (one of them)',
  })
  .refine((v) => v.mode !== 'BACKFILL' || v.from !== undefined, { message: '--mode BACKFILL needs --from' });

export async function featuresCommand(argv: readonly string[], env: Env, io: Out): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'define') return define(rest, env, io);
  if (sub === 'materialize') return materialize(rest, env, io);
  throw new UsageError(`features: the subcommands are define and materialize\n${FEATURES_USAGE}`);
}

async function define(argv: readonly string[], env: Env, io: Out): Promise<number> {
  const { values } = parseCommand('features define', argv, {
    name: { type: 'string' },
    expression: { type: 'string' },
    description: { type: 'string' },
    entity: { type: 'string' },
    ttl: { type: 'string' },
    'no-ttl': { type: 'boolean', default: false },
    tag: { type: 'string', multiple: true },
    universe: { type: 'string' },
    status: { type: 'string' },
  });
  const input = validate('features define', defineInput, { ...values, universe: list(values.universe) });
  const client = clientFrom('features define', values, env);
  const { feature, created } = await client.defineFeature({
    name: input.name,
    expression: input.expression,
    description: input.description,
    ...(input.entity ? { entity: input.entity } : {}),
    ...(input.ttl !== undefined ? { ttlSeconds: input.ttl } : {}),
    ...(input['no-ttl'] ? { noTtl: true } : {}),
    ...(input.tag ? { tags: input.tag } : {}),
    ...(input.universe ? { universe: input.universe } : {}),
    ...(input.status ? { status: input.status } : {}),
  });
  print(io, values.json, { feature, created }, () => [
    `${feature.ref} ${created ? 'defined (new version)' : 'unchanged (same expression, entity and TTL; metadata updated)'}`,
    `  expression  ${feature.expression ?? '—'}`,
    `  entity      ${feature.entity}, TTL ${feature.ttlSeconds === null ? 'none' : `${feature.ttlSeconds} s`}, lookback ${feature.lookback ?? '—'} rows`,
    `  reads       ${feature.inputs.join(', ') || '—'}`,
  ]);
  return 0;
}

async function materialize(argv: readonly string[], env: Env, io: Out): Promise<number> {
  const { values } = parseCommand('features materialize', argv, {
    features: { type: 'string' },
    set: { type: 'string' },
    universe: { type: 'string' },
    mode: { type: 'string', default: 'INCREMENTAL' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const input = validate('features materialize', materializeInput, {
    ...values,
    features: list(values.features),
    universe: list(values.universe),
  });
  const client = clientFrom('features materialize', values, env);
  const run = await client.materialize(
    {
      ...(input.features ? { features: input.features } : {}),
      ...(input.set ? { set: input.set } : {}),
      ...(input.universe ? { universe: input.universe } : {}),
      ...(input.from ? { from: input.from } : {}),
      ...(input.to ? { to: input.to } : {}),
      mode: input.mode,
      waitSeconds: 10,
    },
    { wait: true },
  );
  print(io, values.json, run, () => [
    `materialization run ${run.id}: ${run.status}, ${run.rowsWritten ?? 0} rows written` +
      `${run.snapshotId != null ? `, lake snapshot ${run.snapshotId}` : ''}${run.durationMs != null ? ` in ${(run.durationMs / 1000).toFixed(1)} s` : ''}`,
  ]);
  return 0;
}
