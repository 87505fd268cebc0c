import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort, OwnedProcess, until } from './owned-process';
import { caseSearchAttributeTypes } from './search-attributes';

/** The product's dev-server dynamic config (scripts/lib/temporal-dynamic-config.json), as start-dev flags. */
function temporalDynamicConfigArgs(): string[] {
  const config = JSON.parse(readFileSync(join(__dirname, '..', '..', 'scripts', 'lib', 'temporal-dynamic-config.json'), 'utf8')) as Record<string, unknown>;
  return Object.entries(config)
    .filter(([key]) => key !== '//')
    .flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${JSON.stringify(value)}`]);
}

/** The case workflows' search attributes (scripts/lib/temporal-search-attributes.json), as start-dev flags. */
function temporalSearchAttributeArgs(): string[] {
  return Object.entries(caseSearchAttributeTypes()).flatMap(([name, type]) => ['--search-attribute', `${name}=${type}`]);
}


const ROOT = resolve(__dirname, '..', '..');

/**
 * A Temporal dev server of one test file's own, on a SQLite file that outlives the process, so
 * the test can stop it (gracefully or by SIGKILL) and start it again on the same state, address
 * and port, as a restart in production would.
 */
export interface RestartableTemporal {
  address: string;
  dbFile: string;
  /** Starts the server (again) and waits until the namespace answers; resolves with the ms it took. */
  start(): Promise<number>;
  /** Stops the server with `signal`; resolves with the ms until the process was gone. */
  stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<number>;
  /** Stops whatever runs and removes the database directory. */
  dispose(): Promise<void>;
}

export async function startRestartableTemporal(): Promise<RestartableTemporal> {
  // The same CLI the product's start script and the global test setup use.
  const cli = execFileSync('bash', [join(ROOT, 'scripts/temporal/ensure-cli.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n')
    .pop()!;
  const dir = mkdtempSync(join(tmpdir(), 'temporal-restart-'));
  const dbFile = join(dir, 'dev.db');
  const port = await freePort();
  const address = `127.0.0.1:${port}`;
  let server: OwnedProcess | null = null;

  const start = async () => {
    const started = Date.now();
    if (server?.running) throw new Error('the Temporal dev server is running already');
    server = OwnedProcess.spawn('temporal', cli, [
      'server', 'start-dev', '--headless', '--db-filename', dbFile, '--ip', '127.0.0.1', '--port', String(port),
      '--namespace', 'default', '--log-level', 'error', ...temporalDynamicConfigArgs(), ...temporalSearchAttributeArgs(),
    ]);
    const current = server;
    try {
      // The port opens before the namespace is served: ask the server itself.
      await until('the Temporal namespace answering', async () => {
        if (!current.running) throw new Error(current.tail());
        const connection = await Connection.connect({ address, connectTimeout: 1000 });
        try {
          await connection.withDeadline(Date.now() + 1000, () => connection.workflowService.describeNamespace({ namespace: 'default' }));
        } finally {
          await connection.close();
        }
      }, 60_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${current.tail()}`);
    }
    return Date.now() - started;
  };

  await start();
  return {
    address,
    dbFile,
    start,
    stop: async (signal) => (server ? server.stop(signal) : 0),
    async dispose() {
      await server?.stop('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
