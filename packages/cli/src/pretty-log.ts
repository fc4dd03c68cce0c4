import { prettyFactory } from 'pino-pretty';

/** The subgraphs' JSON log lines as the dev launcher prints them: one readable line each. */
const prettify = prettyFactory({
  colorize: false,
  singleLine: true,
  translateTime: 'SYS:HH:MM:ss.l',
  ignore: 'pid,hostname,time',
  messageFormat: '[{service}] {msg}',
});

/**
 * A process's output line for a person: a pino JSON line (a subgraph's) pretty, anything else
 * (the gateway's runtime logger, stack traces) as it is.
 */
export function prettyLogLine(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const record = JSON.parse(line) as { level?: unknown; msg?: unknown; service?: unknown };
    if (typeof record.level !== 'number' || typeof record.service !== 'string') return line;
    return prettify(record).trimEnd();
  } catch {
    return line;
  }
}

/** Whether `line` is the JSON line in which subgraph `service` logged `msg`. */
export function isServiceLogLine(line: string, service: string, msg: string): boolean {
  if (!line.startsWith('{')) return false;
  try {
    const record = JSON.parse(line) as { service?: unknown; msg?: unknown };
    return record.service === service && record.msg === msg;
  } catch {
    return false;
  }
}
