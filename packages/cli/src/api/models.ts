import type { ModelSummary, ModelVersionSummary, operations } from '@alphagraph/sdk';
import { z } from 'zod';
import {
  clientFrom,
  type Env,
  type Out,
  parseCommand,
  print,
  readJsonFile,
  UsageError,
  validate,
} from './connection.ts';

export const MODELS_USAGE = `  models register --spec MODEL.json
                           register a model (RegisterModelInput as JSON: name, task, label, problem…)
  models train --model NAME --training-set ID --algorithm ALGO [--hyperparameters JSON] [--seed N]
                  [--folds N] [--embargo-sessions N] [--no-wait]
                           train a version in the platform; waits until it is READY and prints it
  models submit --version ID --note TEXT             submit a version for validation
  models approve --version ID --findings TEXT [--override TEXT]
                           validate a version (a validator other than its creator)
  models reject --version ID --findings TEXT
  models promote --version ID --to PAPER|CANARY|PRODUCTION|RETIRED --reason TEXT [--capital-fraction F]
  models rollback --model NAME --reason TEXT         put back the production version the current one replaced
  models kill --model NAME --reason TEXT             the kill switch: stop the model's signals at once
  models resume --model NAME --reason TEXT`;

const text = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { message: `is required (${what})` });
const count = z.coerce.number().int().min(0);

function versionLines(v: ModelVersionSummary, verb: string): string[] {
  return [
    `version ${v.number} (${v.id}) ${verb}: status ${v.status}, stage ${v.stage}` +
      `${v.capitalFraction != null ? `, capital fraction ${v.capitalFraction}` : ''}`,
    `  algorithm ${v.algorithm}, created by ${v.createdBy}${v.error ? `; error: ${v.error}` : ''}`,
  ];
}

function modelLines(m: ModelSummary, verb: string): string[] {
  const kill = m.killSwitch;
  return [
    `model ${m.name} ${verb}`,
    `  production version: ${m.productionVersion ? `${m.productionVersion.number} (${m.productionVersion.id})` : 'none'}`,
    `  kill switch: ${kill ? `PULLED by ${kill.killedBy} at ${kill.killedAt}: ${kill.reason}` : 'off'}`,
  ];
}

export async function modelsCommand(argv: readonly string[], env: Env, io: Out): Promise<number> {
  const [sub = '', ...rest] = argv;
  const command = `models ${sub}`;
  switch (sub) {
    case 'register': {
      const { values } = parseCommand(command, rest, { spec: { type: 'string' } });
      const { spec } = validate(command, z.object({ spec: text('a RegisterModelInput JSON file') }), values);
      const input = validate(
        command,
        z.object({ name: z.string(), task: z.enum(['CLASSIFICATION', 'REGRESSION']), label: z.string() }).passthrough(),
        readJsonFile(command, spec),
      ) as unknown as operations.RegisterModelInput;
      const model = await clientFrom(command, values, env).registerModel(input);
      print(io, values.json, model, () => modelLines(model, 'registered'));
      return 0;
    }
    case 'train': {
      const { values } = parseCommand(command, rest, {
        model: { type: 'string' },
        'training-set': { type: 'string' },
        algorithm: { type: 'string' },
        hyperparameters: { type: 'string' },
        seed: { type: 'string' },
        folds: { type: 'string' },
        'embargo-sessions': { type: 'string' },
        'no-wait': { type: 'boolean', default: false },
      });
      const input = validate(
        command,
        z.object({
          model: text('the model name'),
          'training-set': text('the training set id'),
          algorithm: text('linear_regression, logistic_regression, decision_tree or random_forest'),
          hyperparameters: z
            .string()
            .optional()
            .transform((s, ctx) => {
              if (s === undefined) return undefined;
              try {
                return JSON.parse(s) as unknown;
              } catch {
                ctx.addIssue({ code: 'custom', message: 'is a JSON object, e.g. \'{"C":0.1}\'' });
                return z.NEVER;
              }
            }),
          seed: count.optional(),
          folds: count.optional(),
          'embargo-sessions': count.optional(),
        }),
        values,
      );
      const version = await clientFrom(command, values, env).trainModelVersion(
        {
          model: input.model,
          trainingSet: input['training-set'],
          algorithm: input.algorithm,
          ...(input.hyperparameters !== undefined ? { hyperparameters: input.hyperparameters } : {}),
          ...(input.seed !== undefined ? { seed: input.seed } : {}),
          ...(input.folds !== undefined || input['embargo-sessions'] !== undefined
            ? {
                crossValidation: {
                  ...(input.folds !== undefined ? { folds: input.folds } : {}),
                  ...(input['embargo-sessions'] !== undefined ? { embargoSessions: input['embargo-sessions'] } : {}),
                },
              }
            : {}),
        },
        { wait: !values['no-wait'] },
      );
      print(io, values.json, version, () => versionLines(version, values['no-wait'] ? 'queued' : 'trained'));
      return 0;
    }
    case 'submit':
    case 'approve':
    case 'reject':
    case 'promote': {
      const { values } = parseCommand(command, rest, {
        version: { type: 'string' },
        note: { type: 'string' },
        findings: { type: 'string' },
        override: { type: 'string' },
        to: { type: 'string' },
        reason: { type: 'string' },
        'capital-fraction': { type: 'string' },
      });
      const client = clientFrom(command, values, env);
      const version = text('the version id');
      let result: ModelVersionSummary;
      if (sub === 'submit') {
        const v = validate(command, z.object({ version, note: text('why it is ready') }), values);
        result = await client.submitForValidation(v.version, v.note);
      } else if (sub === 'approve') {
        const v = validate(
          command,
          z.object({ version, findings: text('what the review found'), override: z.string().optional() }),
          values,
        );
        result = await client.approveVersion({
          version: v.version,
          findings: v.findings,
          overrideJustification: v.override ?? null,
        });
      } else if (sub === 'reject') {
        const v = validate(command, z.object({ version, findings: text('why it is rejected') }), values);
        result = await client.rejectVersion(v.version, v.findings);
      } else {
        const v = validate(
          command,
          z.object({
            version,
            to: z.enum(['PAPER', 'CANARY', 'PRODUCTION', 'RETIRED'], {
              message: 'is one of PAPER, CANARY, PRODUCTION, RETIRED',
            }),
            reason: text('why'),
            'capital-fraction': z.coerce.number().gt(0).max(1).optional(),
          }),
          values,
        );
        result = await client.promoteVersion({
          version: v.version,
          to: v.to,
          reason: v.reason,
          capitalFraction: v['capital-fraction'] ?? null,
        });
      }
      const verb = { submit: 'submitted', approve: 'approved', reject: 'rejected', promote: 'promoted' }[sub];
      print(io, values.json, result, () => versionLines(result, verb));
      return 0;
    }
    case 'rollback':
    case 'kill':
    case 'resume': {
      const { values } = parseCommand(command, rest, { model: { type: 'string' }, reason: { type: 'string' } });
      const v = validate(command, z.object({ model: text('the model name'), reason: text('why') }), values);
      const client = clientFrom(command, values, env);
      if (sub === 'rollback') {
        const result = await client.rollback(v.model, v.reason);
        print(io, values.json, result, () => versionLines(result, 'rolled back to'));
      } else {
        const result =
          sub === 'kill' ? await client.killSwitch(v.model, v.reason) : await client.resume(v.model, v.reason);
        print(io, values.json, result, () => modelLines(result, sub === 'kill' ? 'killed' : 'resumed'));
      }
      return 0;
    }
    default:
      throw new UsageError(`models: unknown subcommand ${JSON.stringify(sub)}\n${MODELS_USAGE}`);
  }
}
