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
export function installTemporalLogging(config: AppConfig): void {
  const logger = pino({ ...pinoOptions(config), base: { service: 'worker', component: 'temporal' } });
  Runtime.install({
    logger: new DefaultLogger(TEMPORAL_LEVEL[config.LOG_LEVEL] ?? 'INFO', ({ level, message, meta }) => {
      const method = level === 'TRACE' ? 'trace' : level === 'DEBUG' ? 'debug' : level === 'INFO' ? 'info' : level === 'WARN' ? 'warn' : 'error';
      logger[method](meta ?? {}, message);
    }),
  });
}
