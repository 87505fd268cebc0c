import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import net from 'node:net';
import { Client } from 'pg';
import { freePort, OwnedProcess, until } from './owned-process';

const ROOT = resolve(__dirname, '..', '..');
/** The server configuration and setup script docker-compose.yml runs too (see their headers). */
const CONFIG_DIR = join(ROOT, 'docker', 'temporal');
const SETUP_SCRIPT = join(CONFIG_DIR, 'setup.sh');
const DYNAMIC_CONFIG = join(ROOT, 'docker', 'temporal-dynamicconfig.yaml');
const SEARCH_ATTRIBUTES = join(ROOT, 'scripts', 'lib', 'temporal-search-attributes.json');
/** The dev servers' dynamic config, which the cluster's must include (see dynamicConfigDrift). */
const DEV_DYNAMIC_CONFIG = join(ROOT, 'scripts', 'lib', 'temporal-dynamic-config.json');
const NAMESPACE = 'default';

/** The four services' gRPC and membership ports, each a free one on loopback. */
const PORT_VARIABLES = [
  'TEMPORAL_FRONTEND_PORT',
  'TEMPORAL_FRONTEND_MEMBERSHIP_PORT',
  'TEMPORAL_HISTORY_PORT',
  'TEMPORAL_HISTORY_MEMBERSHIP_PORT',
  'TEMPORAL_MATCHING_PORT',
  'TEMPORAL_MATCHING_MEMBERSHIP_PORT',
  'TEMPORAL_WORKER_PORT',
  'TEMPORAL_WORKER_MEMBERSHIP_PORT',
] as const;

/**
 * A free TCP port on loopback below 32768. Temporal keeps membership ports in a smallint column
 * (cluster_membership.rpc_port), so the kernel's ephemeral ports (32768 and up here) are refused.
 */
async function freeMembershipPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/** Runs one of scripts/temporal/ensure-*.sh; its last stdout line is the path it provisioned. */
export function provisioned(script: 'ensure-server.sh' | 'ensure-cli.sh'): string {
  return execFileSync('bash', [join(ROOT, 'scripts', 'temporal', script)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n')
    .pop()!;
}

/**
 * Entries of the dev servers' dynamic config that the cluster's file lacks or sets otherwise, in
 * words: the cluster must run with at least what `npm start` and the tests run with (eager
 * activity execution among them), or a finding here would not hold there.
 */
export function dynamicConfigDrift(): string[] {
  const dev = JSON.parse(readFileSync(DEV_DYNAMIC_CONFIG, 'utf8')) as Record<string, unknown>;
  const cluster = readFileSync(DYNAMIC_CONFIG, 'utf8');
  return Object.entries(dev)
    .filter(([key]) => key !== '//')
    .filter(([key, value]) => !new RegExp(`^${key.replace(/\./g, '\\.')}:\\s*\\n\\s*- value: ${JSON.stringify(value)}\\s*$`, 'm').test(cluster))
    .map(([key, value]) => `${key}: ${JSON.stringify(value)} is missing from docker/temporal-dynamicconfig.yaml`);
}

export interface ClusterTemporalOptions {
  /** A PostgreSQL superuser URL: Temporal's two databases are made there. */
  adminUrl: string;
  /** Prefix of the two database names (`<prefix>`, `<prefix>_visibility`), unique per run. */
  databasePrefix: string;
  logLevel?: string;
  /** Receives every output line of the server and the setup steps. */
  log?: (line: string) => void;
}

/**
 * The production Temporal server (go.temporal.io/server v1.29.1, built by ensure-server.sh) on
 * PostgreSQL persistence and SQL visibility with 4 history shards, configured by the file
 * docker-compose.yml mounts, on free loopback ports; prepared by the same setup script. It can be
 * stopped (SIGTERM or SIGKILL) and started again on the same databases and ports.
 */
export class ClusterTemporal {
  private server: OwnedProcess | null = null;
  private stopped: Promise<void> = Promise.resolve();

  private constructor(
    readonly address: string,
    private readonly binary: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly o: ClusterTemporalOptions,
    private readonly databases: string[],
  ) {}

  /** Makes the databases and their schema, starts the server and registers the namespace and search attributes. */
  static async create(o: ClusterTemporalOptions): Promise<ClusterTemporal> {
    const drift = dynamicConfigDrift();
    if (drift.length) throw new Error(`The cluster's dynamic config differs from the dev servers':\n${drift.join('\n')}`);
    const server = provisioned('ensure-server.sh');
    const cli = provisioned('ensure-cli.sh');
    const db = new URL(o.adminUrl);
    const ports: Record<string, string> = {};
    for (const name of PORT_VARIABLES) ports[name] = String(await (name.endsWith('MEMBERSHIP_PORT') ? freeMembershipPort() : freePort()));
    const databases = [o.databasePrefix, `${o.databasePrefix}_visibility`];
    const env: NodeJS.ProcessEnv = {
      // temporal-server, temporal-sql-tool and the temporal CLI, for the setup script.
      PATH: [dirname(server), dirname(cli), process.env.PATH].join(':'),
      HOME: process.env.HOME,
      TEMPORAL_DB_HOST: db.hostname,
      TEMPORAL_DB_PORT: db.port || '5432',
      TEMPORAL_DB_USER: decodeURIComponent(db.username),
      TEMPORAL_DB_PASSWORD: decodeURIComponent(db.password),
      TEMPORAL_DB_NAME: databases[0],
      TEMPORAL_VISIBILITY_DB_NAME: databases[1],
      TEMPORAL_BIND_ON_IP: '127.0.0.1',
      TEMPORAL_DYNAMIC_CONFIG_FILE: DYNAMIC_CONFIG,
      TEMPORAL_LOG_LEVEL: o.logLevel ?? 'warn',
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.TEMPORAL_FRONTEND_PORT}`,
      TEMPORAL_NAMESPACE: NAMESPACE,
      SEARCH_ATTRIBUTES_FILE: SEARCH_ATTRIBUTES,
      ...ports,
    };
    const temporal = new ClusterTemporal(env.TEMPORAL_ADDRESS!, server, env, o, databases);
    try {
      await temporal.setup('schema');
      await temporal.start();
      await temporal.setup('namespace');
    } catch (error) {
      await temporal.dispose().catch(() => undefined);
      throw error;
    }
    return temporal;
  }

  get pid(): number | null {
    return this.server?.child.pid ?? null;
  }

  /** Starts the server (again) and waits until the namespace answers; resolves with the ms it took. */
  async start(): Promise<number> {
    const started = Date.now();
    if (this.server?.running) throw new Error('the Temporal server is running already');
    const server = OwnedProcess.spawn('temporal-server', this.binary, ['--root', '/', '--config', CONFIG_DIR, '--env', 'cluster-cases', 'start'], { env: this.env });
    this.server = server;
    this.stopped = new Promise((done) => server.child.once('exit', () => done()));
    if (this.o.log) for (const stream of [server.child.stdout!, server.child.stderr!]) stream.on('data', (chunk: Buffer) => this.o.log!(chunk.toString().trimEnd()));
    // Fails at once when the server exits (a bad config, a port taken) instead of after the timeout.
    let exited: () => void = () => undefined;
    const died = new Promise<never>((_, reject) => {
      const onExit = () => reject(new Error('the Temporal server exited while starting'));
      server.child.once('exit', onExit);
      exited = () => server.child.off('exit', onExit);
    });
    try {
      await Promise.race([died, until('the Temporal frontend answering', async () => {
        const connection = await Connection.connect({ address: this.address, connectTimeout: 1000 });
        try {
          // The first start has no namespace yet: the cluster's own health is the sign then.
          await connection.withDeadline(Date.now() + 1000, () => connection.workflowService.getSystemInfo({}));
        } finally {
          await connection.close();
        }
      }, 60_000)]);
    } catch (error) {
      // The last lines only: the server's errors carry long stack traces.
      throw new Error(`${(error as Error).message}\n${server.tail(8)}`);
    } finally {
      exited();
    }
    return Date.now() - started;
  }

  /** Stops the server with `signal`; resolves with the ms until the process was gone. */
  async stop(signal: 'SIGTERM' | 'SIGKILL'): Promise<number> {
    return this.server ? this.server.stop(signal) : 0;
  }

  /** The server's last output lines, for failure messages. */
  tail(): string {
    return this.server?.tail(40) ?? 'temporal-server: never started';
  }

  /** Stops the server and drops its two databases. */
  async dispose(): Promise<void> {
    await this.server?.stop('SIGTERM', 10_000);
    await this.stopped;
    const client = new Client({ connectionString: this.o.adminUrl });
    await client.connect();
    try {
      for (const name of this.databases) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }

  private async setup(phase: 'schema' | 'namespace'): Promise<void> {
    try {
      const { stderr } = await promisify(execFile)('sh', [SETUP_SCRIPT, phase], { env: this.env, encoding: 'utf8' });
      if (stderr) this.o.log?.(stderr.trimEnd());
    } catch (error) {
      const e = error as { stderr?: string; message: string };
      throw new Error(`docker/temporal/setup.sh ${phase} failed: ${e.stderr || e.message}${this.server ? `\n${this.server.tail()}` : ''}`);
    }
  }
}
