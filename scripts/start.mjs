#!/usr/bin/env node
// `npm start`: the whole product on this machine, on embedded defaults.
// Installs what is missing, starts PostgreSQL (embedded) and the Temporal dev server (SQLite file
// under .data/ so cases survive restarts), prepares the database, starts worker and API, and
// stops all of it on Ctrl-C. DATABASE_URL / TEMPORAL_ADDRESS point it at external services instead.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { runStep, say, startChild, stopChild, waitForHttp, waitForPort } from './lib/processes.mjs';
import { provision } from './provision.mjs';
import { databaseEnv, keepOnlySignalHandler, productCommand, productEnv, ROOT as root, temporalDevServerArgs } from './lib/product.mjs';

const dataDir = join(root, '.data');
const env = { ...process.env };
const children = [];
let stopDatabase = async () => {};
let stopping = false;

const API_PORT = Number(env.PORT ?? 3000);
const PG_PORT = Number(env.EMBEDDED_PG_PORT ?? 54329);
const TEMPORAL_PORT = Number(env.TEMPORAL_DEV_PORT ?? 7233);
const TEMPORAL_UI_PORT = Number(env.TEMPORAL_UI_PORT ?? 8233);

async function main() {
  mkdirSync(dataDir, { recursive: true });
  const externalTemporal = Boolean(env.TEMPORAL_ADDRESS);
  say(externalTemporal ? 'Checking dependencies…' : 'Checking dependencies and the Temporal CLI…');
  // A step that cannot be done throws with what to do; main's catch prints it and stops.
  const provisioned = provision({ temporalCli: !externalTemporal, env });

  if (!externalTemporal) {
    say('Starting the Temporal dev server…');
    const cli = provisioned.temporalCli;
    mkdirSync(join(dataDir, 'temporal'), { recursive: true });
    supervise(
      'temporal',
      startChild('temporal', cli, temporalDevServerArgs({ dbFile: join(dataDir, 'temporal', 'dev.db'), port: TEMPORAL_PORT, uiPort: TEMPORAL_UI_PORT })),
    );
    env.TEMPORAL_ADDRESS = `127.0.0.1:${TEMPORAL_PORT}`;
  }

  if (!env.DATABASE_URL) {
    say('Starting embedded PostgreSQL…');
    const { startEmbeddedPostgres } = await import('./lib/embedded-postgres.mjs');
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: PG_PORT });
    stopDatabase = pg.stop;
    keepOnlySignalHandler(onSignal);
    Object.assign(env, databaseEnv(pg.adminUrl));
  }

  env.NODE_ENV ??= 'development';
  env.AUTH_DEV_LOGIN ??= 'true';
  env.AUTH_JWT_SECRET ??= devSecret();
  // Readable, coloured lines for a person at a terminal; JSON when the output goes to a file or a pipe.
  env.LOG_FORMAT ??= process.stdout.isTTY ? 'pretty' : 'json';
  Object.assign(env, productEnv(env));

  if (!externalTemporal) await waitForPort(TEMPORAL_PORT, '127.0.0.1', 60_000);
  say('Preparing the database (migrations, reference data, demo users)…');
  runStep(...productCommand('db-setup'), { cwd: root, env });

  say('Building the web app…');
  runStep('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: join(root, 'apps', 'web'), env });

  say('Starting worker and API…');
  supervise('worker', startChild('worker', ...productCommand('worker'), { cwd: root, env }));
  supervise('api', startChild('api', ...productCommand('api'), { cwd: root, env }));
  const api = `http://127.0.0.1:${API_PORT}/api`;
  await waitForHttp(`${api}/health`);
  if (env.AUTH_DEV_LOGIN === 'true') await ensureDemoCase(api);

  say('Ready.');
  console.log(`
  Web app        http://127.0.0.1:${API_PORT}/
  API            ${api}
  OpenAPI        ${api}/docs   (JSON: ${api}/docs-json)
  Health         ${api}/health
  Temporal UI    ${externalTemporal ? '(external Temporal: see your cluster)' : `http://127.0.0.1:${TEMPORAL_UI_PORT}`}
  Dev login      POST ${api}/auth/dev-login {"subject":"handler"}  (users: GET ${api}/auth/dev-users)

  Press Ctrl-C to stop everything.`);
}

/** Keeps a child; if it dies on its own (a port in use, a crash), everything stops: no half product. */
function supervise(name, child) {
  child.name = name;
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the rest.`);
    void shutdown(1);
  });
}

/** A session key for dev tokens, kept under .data so tokens survive a restart. */
function devSecret() {
  const file = join(dataDir, 'dev-jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** On a fresh database: one demo case and its cluster representative, made through the API. */
async function ensureDemoCase(api) {
  const token = async (subject) => {
    const res = await fetch(`${api}/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject }) });
    return (await res.json()).accessToken;
  };
  const call = async (subject, method, path, body) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(subject)}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const cases = await call('handler', 'GET', '/cases?limit=1');
  if (cases.total > 0) return;
  say('Creating a demo case and its cluster representative…');
  const users = await call('admin', 'GET', '/users');
  const handler = users.find((u) => u.subject === 'handler');
  const demo = await call('handler', 'POST', '/cases', {
    clusterName: 'Duurzame chemie (demo)',
    domain: 'Circulaire en bio-gebaseerde chemie',
    leadActors: ['Catalisti vzw', 'Chemieproducent NV'],
    partners: ['Universiteit Gent', 'VITO'],
    accountManagerId: handler.id,
    reason: 'Demogegevens bij de eerste start',
  });
  await call('admin', 'POST', '/users', {
    subject: 'cluster-rep',
    displayName: 'Ilse Vermeulen (Catalisti)',
    email: 'ilse.vermeulen@catalisti.example.be',
    organisation: 'Catalisti vzw',
    roles: ['cluster_representative'],
    caseIds: [demo.id],
    reason: 'Demogegevens bij de eerste start',
  });
}

async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('Stopping…');
  // API and worker first (they finish their work), then the servers they use.
  await Promise.all(children.filter((c) => c.name !== 'temporal').map((c) => stopChild(c, 'SIGTERM')));
  await Promise.all(children.filter((c) => c.name === 'temporal').map((c) => stopChild(c, 'SIGTERM')));
  await stopDatabase().catch(() => {});
  process.exit(code);
}

function onSignal() {
  void shutdown(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
main().catch(async (error) => {
  console.error(`\nStart failed: ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
});
