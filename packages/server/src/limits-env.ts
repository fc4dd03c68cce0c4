import { z } from 'zod';
import {
  DEFAULT_OPERATION_LIMITS,
  OPERATION_LIMIT_VARIABLES,
  type OperationLimit,
  type OperationLimits,
} from './limits.ts';

const positiveInt = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/** GRAPHQL_MAX_* (see OPERATION_LIMIT_VARIABLES): the operation limits, read by the gateway and every subgraph. */
export const operationLimitsEnv = z
  .object(
    Object.fromEntries(
      (Object.keys(OPERATION_LIMIT_VARIABLES) as OperationLimit[]).map((limit) => [
        OPERATION_LIMIT_VARIABLES[limit],
        positiveInt(DEFAULT_OPERATION_LIMITS[limit]),
      ]),
    ) as Record<string, ReturnType<typeof positiveInt>>,
  )
  .transform(
    (e) =>
      Object.fromEntries(
        (Object.keys(OPERATION_LIMIT_VARIABLES) as OperationLimit[]).map((limit) => [
          limit,
          e[OPERATION_LIMIT_VARIABLES[limit]] as number,
        ]),
      ) as unknown as OperationLimits,
  );
