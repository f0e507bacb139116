import { pino } from 'pino';
import { maskPersonalNumbers } from './mask.js';

/**
 * Structured JSON-lines logging through pino. What the service adds on top: every finished line
 * passes through `maskPersonalNumbers` (mask.ts) and has the secret values the logger was given
 * (admin token, provider keys) replaced, and values of keys that look like secrets (authorization,
 * api keys, tokens, passwords) are redacted at any depth — pino's own `redact` needs fixed paths.
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

const SECRET_KEY = /authorization|api[-_]?key|token|secret|password|cookie/i;
const REDACTED = '[redacted]';
/** Stack lines kept per error: enough to find the throwing frame, short enough to read in a log. */
const STACK_LINES = 6;

function serialiseError(err: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { name: err.name, message: err.message };
  const code = (err as { code?: unknown }).code;
  if (code !== undefined) out.code = code;
  const status = (err as { status?: unknown }).status;
  if (status !== undefined) out.status = status;
  if (err.stack) out.stack = err.stack.split('\n').slice(0, STACK_LINES).join('\n');
  if (err.cause !== undefined && depth < 3) {
    out.cause = err.cause instanceof Error ? serialiseError(err.cause, depth + 1) : String(err.cause);
  }
  return out;
}

/** Redacts secret-looking keys and turns errors into plain objects, at any depth (cycles cut). */
function clean(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) return serialiseError(value, 0);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => clean(v, seen));
  if (value.constructor !== Object && value.constructor !== undefined) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] =
      SECRET_KEY.test(key) && v !== undefined && v !== null && typeof v !== 'object'
        ? REDACTED
        : clean(v, seen);
  }
  return out;
}

function wrap(log: pino.Logger): Logger {
  return {
    debug: (msg, fields) => log.debug(fields ?? {}, msg),
    info: (msg, fields) => log.info(fields ?? {}, msg),
    warn: (msg, fields) => log.warn(fields ?? {}, msg),
    error: (msg, fields) => log.error(fields ?? {}, msg),
    child: (bindings) => wrap(log.child(bindings)),
  };
}

export function createLogger(options: LoggerOptions = {}, bindings: Record<string, unknown> = {}): Logger {
  const { level = 'info', sink = (line: string) => process.stdout.write(`${line}\n`) } = options;
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const destination = {
    write(line: string) {
      let out = line.endsWith('\n') ? line.slice(0, -1) : line;
      for (const secret of secrets) out = out.split(secret).join(REDACTED);
      sink(maskPersonalNumbers(out));
    },
  };
  const log = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      // Errors are already plain objects (clean): pino's own err serializer would reshape them.
      serializers: { err: (value: unknown) => value },
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (b) => clean(b) as Record<string, unknown>,
        log: (fields) => clean(fields) as Record<string, unknown>,
      },
    },
    destination,
  );
  return wrap(Object.keys(bindings).length ? log.child(bindings) : log);
}
