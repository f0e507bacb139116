import { maskPersonalNumbers } from './mask.js';

/**
 * Structured JSON-lines logger. Every line passes through `maskPersonalNumbers`, and values of
 * keys that look like secrets (authorization, api keys, tokens, passwords) are replaced, as are the
 * secret values the logger was given (admin token, provider keys) wherever they appear.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger that adds `bindings` to every line (e.g. the request id). */
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Receives each finished line (without newline). Defaults to stdout. */
  sink?: (line: string) => void;
  /** Secret values never to be written (admin token, API keys). */
  secrets?: (string | undefined)[];
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };
const SECRET_KEY = /authorization|api[-_]?key|token|secret|password|cookie/i;
const REDACTED = '[redacted]';

function serialiseError(err: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = code;
  const status = (err as { status?: unknown }).status;
  if (status !== undefined) out.status = status;
  if (err.stack) out.stack = err.stack.split('\n').slice(0, 6).join('\n');
  if (err.cause !== undefined && depth < 3) {
    out.cause = err.cause instanceof Error ? serialiseError(err.cause, depth + 1) : String(err.cause);
  }
  return out;
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  if (key && SECRET_KEY.test(key) && value !== undefined && value !== null && typeof value !== 'object') {
    return REDACTED;
  }
  if (value instanceof Error) return serialiseError(value, 0);
  return value;
}

export function createLogger(options: LoggerOptions = {}, bindings: Record<string, unknown> = {}): Logger {
  const { level = 'info', sink = (line: string) => process.stdout.write(`${line}\n`) } = options;
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);

  const write = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => {
    if (RANK[lvl] < RANK[level]) return;
    let line: string;
    try {
      line = JSON.stringify(
        { time: new Date().toISOString(), level: lvl, msg, ...bindings, ...fields },
        replacer,
      );
    } catch {
      line = JSON.stringify({
        time: new Date().toISOString(),
        level: lvl,
        msg,
        ...bindings,
        unserialisable: true,
      });
    }
    for (const secret of secrets) line = line.split(secret).join(REDACTED);
    sink(maskPersonalNumbers(line));
  };

  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (more) => createLogger(options, { ...bindings, ...more }),
  };
}
