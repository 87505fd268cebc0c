import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from './app-config';

export interface PinoOptions {
  level: string;
  transport?: { target: string; options: Record<string, unknown> };
}

/**
 * pino's options for LOG_LEVEL and LOG_FORMAT, the same in api and worker. `pretty` renders each
 * line for a person (pino-pretty, in pino's transport thread); `json` leaves pino's own lines
 * untouched, for files and log shippers.
 */
export function pinoOptions(config: Pick<AppConfig, 'LOG_LEVEL' | 'LOG_FORMAT'>): PinoOptions {
  if (config.LOG_FORMAT !== 'pretty') return { level: config.LOG_LEVEL };
  return {
    level: config.LOG_LEVEL,
    transport: {
      target: 'pino-pretty',
      options: {
        // Forced: under `npm start` the output is a pipe into the console (each line prefixed with
        // [api]/[worker]), which pino-pretty would otherwise take for a file and leave plain.
        colorize: true,
        translateTime: 'SYS:HH:MM:ss.l',
        singleLine: true,
        // The prefix already names the service; the request line carries method, url and status.
        ignore: 'pid,hostname,service,component,context,req,res,responseTime',
        messageFormat: '{if context}{context}: {end}{if component}{component}: {end}{msg}',
      },
    },
  };
}

/**
 * Nest's start-up chatter, one line per module, controller and route (about 150 for the api): at
 * debug level, so the console shows what happened rather than how Nest wired it.
 */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Wraps Nest's logger (nestjs-pino's) and demotes the start-up chatter to debug. */
export class QuietStartupLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    const context = rest[rest.length - 1];
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) this.debug(message, ...rest);
    else this.inner.log(message, ...rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...rest);
  }
}
