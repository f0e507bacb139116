import { type Config, loadConfig } from '../config.js';
import { isAppError } from '../errors.js';

/** Loads the config for a command-line tool; a bad config prints its readable message and exits 2. */
export function loadCliConfig(overrides: Partial<Config> = {}): Config {
  try {
    return {
      ...loadConfig(),
      ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    };
  } catch (err) {
    if (isAppError(err)) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Prints an error for a person (AppError message, never a stack for expected failures) and exits 1. */
export function exitWithError(err: unknown): never {
  if (isAppError(err)) process.stderr.write(`错误 (${err.code}): ${err.message}\n`);
  else process.stderr.write(`错误: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
}
