import type { LoggerService } from '@nestjs/common';
import { loadConfig } from './app-config';
import { pinoOptions, QuietStartupLogger } from './logging';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/db', AUTH_JWT_SECRET: 'x'.repeat(32) };

describe('LOG_FORMAT', () => {
  it('is JSON unless pretty is asked for, and refuses anything else by name', () => {
    expect(loadConfig(base).LOG_FORMAT).toBe('json');
    expect(loadConfig({ ...base, LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(() => loadConfig({ ...base, LOG_FORMAT: 'colour' })).toThrow(/LOG_FORMAT must be json or pretty/);
  });

  it('leaves pino writing JSON for json, and renders through pino-pretty, coloured, for pretty', () => {
    expect(pinoOptions({ LOG_LEVEL: 'warn', LOG_FORMAT: 'json' })).toEqual({ level: 'warn' });
    const pretty = pinoOptions({ LOG_LEVEL: 'debug', LOG_FORMAT: 'pretty' });
    expect(pretty).toMatchObject({ level: 'debug', transport: { target: 'pino-pretty', options: { colorize: true } } });
    // The target must resolve where pino loads it (its transport thread requires it by name).
    expect(() => require.resolve(pretty.transport!.target)).not.toThrow();
  });
});

describe('QuietStartupLogger', () => {
  function recorder() {
    const calls: [string, unknown[]][] = [];
    const inner: LoggerService = {
      log: (...args: unknown[]) => calls.push(['log', args]),
      error: (...args: unknown[]) => calls.push(['error', args]),
      warn: (...args: unknown[]) => calls.push(['warn', args]),
      debug: (...args: unknown[]) => calls.push(['debug', args]),
    };
    return { calls, logger: new QuietStartupLogger(inner) };
  }

  it("puts Nest's module and route wiring at debug, and passes everything else on as it came", () => {
    const { calls, logger } = recorder();
    logger.log('Mapped {/api/cases, GET} route', 'RouterExplorer');
    logger.log('CasesController {/api/cases}:', 'RoutesResolver');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('API listening on http://127.0.0.1:3000/api', 'Api');
    logger.warn('slow', 'Temporal');
    logger.error({ err: 'x' }, 'failed', 'Errors');
    expect(calls).toEqual([
      ['debug', ['Mapped {/api/cases, GET} route', 'RouterExplorer']],
      ['debug', ['CasesController {/api/cases}:', 'RoutesResolver']],
      ['debug', ['AppModule dependencies initialized', 'InstanceLoader']],
      ['log', ['API listening on http://127.0.0.1:3000/api', 'Api']],
      ['warn', ['slow', 'Temporal']],
      ['error', [{ err: 'x' }, 'failed', 'Errors']],
    ]);
  });
});
