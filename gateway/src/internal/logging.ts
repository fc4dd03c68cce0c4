import {
  ConsoleLogWriter,
  type GatewayPlugin,
  Logger,
  type LogLevel,
  type LogWriter,
} from '@graphql-hive/gateway-runtime';
import { JSONLogWriter } from '@graphql-hive/logger';
import { getOperationAST } from 'graphql';

/**
 * What a log line may carry only at debug level: subgraph requests as the transport copies them
 * into errors (`request.body` holds the query and its variables), variables, bodies, headers.
 */
const DEBUG_ONLY = new Set(['request', 'response', 'body', 'variables', 'headers', 'authorization']);

function redact(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const source =
    value instanceof Error
      ? { class: value.name, message: value.message, ...(value as { extensions?: object }).extensions }
      : value;
  return Object.fromEntries(
    Object.entries(source)
      .filter(([key]) => !DEBUG_ONLY.has(key))
      .map(([key, v]) => [key, redact(v, depth + 1)]),
  );
}

/** Passes lines on to `inner`, without requests, variables or bodies unless the line is a debug one. */
export function redactingWriter(inner: LogWriter): LogWriter {
  return {
    write(level, attrs, msg) {
      if (level === 'debug' || level === 'trace' || !attrs) return inner.write(level, attrs, msg);
      return inner.write(level, redact(attrs) as typeof attrs, msg);
    },
    ...(inner.flush ? { flush: () => inner.flush!() } : {}),
  };
}

/**
 * The runtime's logger: `level` and up, redacted below debug; JSON lines unless `format` is
 * `pretty` (the dev launcher on a terminal).
 */
export function createGatewayLogger(level: LogLevel, writer?: LogWriter, format: 'json' | 'pretty' = 'json'): Logger {
  const out = writer ?? (format === 'pretty' ? new ConsoleLogWriter() : new JSONLogWriter());
  return new Logger({ level, writers: [redactingWriter(out)] });
}

/**
 * One warning per operation answered with errors, on the request's logger (which carries its
 * request id), naming the operation and each error's code, subgraph and path; never its variables.
 */
export function operationErrorLogPlugin(): GatewayPlugin {
  return {
    onExecute({ args }) {
      const operationName =
        args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value ?? null;
      const log = (args.contextValue as { log?: Logger }).log;
      return {
        onExecuteDone({ result }) {
          if (!log || !result || Symbol.asyncIterator in result) return;
          const errors = (
            result as { errors?: readonly { message: string; path?: unknown; extensions?: Record<string, unknown> }[] }
          ).errors;
          if (!errors?.length) return;
          log.warn(
            {
              operationName,
              errors: errors.map((e) => ({
                message: e.message,
                code: e.extensions?.code,
                serviceName: e.extensions?.serviceName,
                path: e.path,
              })),
            },
            'operation answered with errors',
          );
        },
      };
    },
  };
}
