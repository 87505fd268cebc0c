import { DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';

/**
 * For tests that take a server away on purpose: the SDK warns on every failed poll while it
 * reconnects and on every activity attempt that fails while the database is away, which is the
 * expected behaviour there, so only errors are reported. Import before ./temporal, which
 * otherwise installs the runtime at WARN.
 */
if (!(globalThis as { __temporalRuntime?: boolean }).__temporalRuntime) {
  Runtime.install({
    logger: new DefaultLogger('ERROR'),
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } },
  });
  (globalThis as { __temporalRuntime?: boolean }).__temporalRuntime = true;
}
