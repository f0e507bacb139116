import type { Config } from '../config.js';
import { createLogger, type Logger } from '../log/logger.js';

/**
 * The service's logger at LOG_LEVEL, told every secret the configuration holds (admin token,
 * database URL, API keys) so that none is ever written out, whichever message carries it. Lines
 * go to stdout unless a `sink` takes them.
 */
export function createServiceLogger(config: Config, sink?: (line: string) => void): Logger {
  return createLogger({
    level: config.logLevel,
    sink,
    secrets: [
      config.adminToken,
      config.databaseUrl,
      config.chat.kind === 'openai' ? config.chat.apiKey : undefined,
      config.embedder.kind === 'openai' ? config.embedder.apiKey : undefined,
    ],
  });
}
