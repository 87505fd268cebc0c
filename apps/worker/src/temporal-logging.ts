import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import pino from 'pino';
import { pinoOptions, type AppConfig } from '@cluster/config';

const TEMPORAL_LEVEL: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
  silent: 'ERROR',
};

/**
 * Sends the Temporal SDK's own logs (worker state, workflow bundling, task failures) through
 * pino, in LOG_FORMAT like the rest of the product. Once per process, before any worker exists.
 */
/** webpack's statistics of the workflow bundle (20 lines), which the SDK logs at info on every start. */
const BUNDLER_STATS = /^asset workflow-bundle-/;

export function installTemporalLogging(config: AppConfig): void {
  const logger = pino({ ...pinoOptions(config), base: { service: 'worker', component: 'temporal' } });
  Runtime.install({
    logger: new DefaultLogger(TEMPORAL_LEVEL[config.LOG_LEVEL] ?? 'INFO', ({ level, message, meta }) => {
      const method =
        level === 'TRACE' ? 'trace' : level === 'DEBUG' || BUNDLER_STATS.test(message) ? 'debug' : level === 'INFO' ? 'info' : level === 'WARN' ? 'warn' : 'error';
      logger[method](meta ?? {}, message);
    }),
  });
}
