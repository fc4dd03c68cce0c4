import { AsyncLocalStorage } from 'node:async_hooks';
import type { LogEnv } from '@alphagraph/config';
import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Who a request is for: every line logged while it is answered carries these (never the token). */
export interface RequestLogFields {
  readonly requestId: string;
  /** Filled once the caller's token is verified (the request's context is built). */
  userId: string | null;
}

const requestFields = new AsyncLocalStorage<RequestLogFields>();

/** Runs `work` as part of a request: lines it logs (in any logger made here) carry the request's fields. */
export function withRequestLogFields<T>(fields: RequestLogFields, work: () => T): T {
  return requestFields.run(fields, work);
}

/**
 * The id of the request being answered (the gateway's x-request-id), or null outside one: what a
 * run record keeps so its logs across processes can be joined to the request that asked for it.
 */
export function currentRequestId(): string | null {
  return requestFields.getStore()?.requestId ?? null;
}

/** The fields of the request being answered, if any. */
export function currentRequestLogFields(): RequestLogFields | undefined {
  return requestFields.getStore();
}

/**
 * The one logger factory of a subgraph process: JSON lines on stdout (the dev launcher prints them
 * pretty), at LOG_LEVEL, each carrying the process's `service` name and, during a request, its
 * `requestId` and `userId`.
 */
export function createLogger(options: {
  service: string;
  level?: LogEnv['level'] | undefined;
  /** Where lines go (tests); default stdout. */
  destination?: DestinationStream | undefined;
}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: options.service },
      mixin: () => {
        const fields = requestFields.getStore();
        return fields ? { requestId: fields.requestId, userId: fields.userId } : {};
      },
      // The caller's Authorization must never reach a line, however a header map is logged.
      redact: {
        paths: ['authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination({ fd: 1, sync: true }),
  );
}
