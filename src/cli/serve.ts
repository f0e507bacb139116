import { pathToFileURL } from 'node:url';
import { createServiceLogger } from '../app/service-logger.js';
import { startService } from '../app/start-service.js';
import { type Config, loadConfig } from '../config.js';
import { isAppError } from '../errors.js';

/** Longest wait for in-flight requests on shutdown before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

/** `npm start`: validated configuration in, the service (src/app/start-service.ts) out, signals handled. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    process.stderr.write(`${isAppError(err) ? err.message : String(err)}\n`);
    process.exit(1);
  }
  const logger = createServiceLogger(config);
  const service = await startService(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    setTimeout(() => {
      logger.warn('shutdown grace period over; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    service.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error('shutdown failed', { err });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`启动失败 (start-up failed): ${isAppError(err) ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
