#!/usr/bin/env node
// Provisions what the product's two commands need on a fresh machine of this kind, the same way
// for `npm test`, `npm start` and `.ci/run` (which only calls `npm test`):
//   - the npm dependencies (`npm ci`, when node_modules is missing);
//   - the Temporal CLI (dev server), built with `go install` (scripts/temporal/ensure-cli.sh);
//   - for tests: the Temporal server v1.29.1 and its schema tool, built with `go install`
//     (ensure-server.sh), which the cluster topology runs on PostgreSQL (fault suite, bench);
//   - for tests: the Java time-skipping test server from Maven (ensure-test-server.sh) and
//     Debian's Chromium for the browser tests (apt-get as root; otherwise one message naming the
//     command to run, before any test starts).
// Each step is instant when already done. Used as a module (`provision(...)`) or from a shell:
//   node scripts/provision.mjs [--for test|start] [--no-browser]   (default: --for test)
import { existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A provisioning step that cannot be done here; `message` says what the user should do. */
export class ProvisioningError extends Error {}

/**
 * @param {{ temporalCli?: boolean, temporalServer?: boolean, testServer?: boolean, browser?: boolean, env?: NodeJS.ProcessEnv, log?: (line: string) => void }} needs
 *   what to provide besides the dependencies: the Temporal CLI (default), the Temporal server (cluster
 *   topology), the Java test server, Chromium
 * @returns {{ temporalCli?: string, temporalServer?: string, testServer?: string, chromium?: string }} the paths provided
 */
export function provision({ temporalCli = true, temporalServer = false, testServer = false, browser = false, env = process.env, log = (line) => process.stdout.write(`${line}\n`) }) {
  const timed = (title, fn) => {
    const started = Date.now();
    const result = fn();
    const ms = Date.now() - started;
    if (ms > 1000) log(`  ${title}: ${(ms / 1000).toFixed(1)} s`);
    return result;
  };
  timed('dependencies', () => ensureDependencies(log));
  const out = {};
  if (temporalCli) out.temporalCli = timed('Temporal CLI', () => script('ensure-cli.sh', env));
  if (temporalServer) out.temporalServer = timed('Temporal server', () => script('ensure-server.sh', env));
  if (testServer) out.testServer = timed('Temporal test server', () => script('ensure-test-server.sh', env));
  if (browser) out.chromium = timed('Chromium', () => ensureChromium(env, log));
  return out;
}

/** `npm ci` when node_modules is missing or older than package-lock.json (a pull added a package). */
function ensureDependencies(log) {
  const installed = join(ROOT, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(ROOT, 'package-lock.json')).mtimeMs) return;
  log(existsSync(installed) ? 'package-lock.json changed: installing dependencies again (npm ci)…' : 'Installing dependencies (npm ci)…');
  const { status } = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: ROOT, stdio: 'inherit' });
  if (status !== 0) throw new ProvisioningError(`npm ci failed (exit ${status}); see its output above.`);
}

/** Runs one of scripts/temporal/ensure-*.sh; its stdout's last line is the path it provisioned. */
function script(name, env) {
  const result = spawnSync('bash', [join(ROOT, 'scripts', 'temporal', name)], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (result.status !== 0) throw new ProvisioningError(`scripts/temporal/${name} could not provision what the product needs; its message is above.`);
  return result.stdout.trim().split('\n').pop();
}

const onPath = (command, env) =>
  (env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, command))
    .find((file) => existsSync(file));

/** CHROMIUM_PATH, else Debian's chromium on PATH, else installed with apt-get when we are root. */
function ensureChromium(env, log) {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new ProvisioningError(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but there is no file there. Correct it or unset it.`);
  }
  const found = onPath('chromium', env);
  if (found) return found;
  const install = 'apt-get update && apt-get install -y --no-install-recommends chromium';
  if (process.getuid?.() !== 0) {
    throw new ProvisioningError(
      `The browser tests need Debian's Chromium, which is not installed. Install it with\n    sudo sh -c '${install}'\n` +
        'or set CHROMIUM_PATH to a Chromium binary, then run npm test again.',
    );
  }
  log('Installing Chromium for the browser tests (apt-get install chromium, about 2 minutes)…');
  const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', '--no-install-recommends', 'chromium']]) {
    const { status } = spawnSync('apt-get', args, { env: aptEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    if (status !== 0) throw new ProvisioningError(`apt-get ${args.join(' ')} failed (exit ${status}); install Chromium with: ${install}`);
  }
  const installed = onPath('chromium', env);
  if (!installed) throw new ProvisioningError('apt-get installed chromium, but no chromium command is on PATH.');
  return installed;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const purpose = args.includes('--for') ? args[args.indexOf('--for') + 1] : 'test';
  try {
    const forTests = purpose !== 'start';
    const out = provision({ temporalServer: forTests, testServer: forTests, browser: forTests && !args.includes('--no-browser') });
    for (const [what, path] of Object.entries(out)) console.log(`${what}: ${path}`);
  } catch (error) {
    console.error(error instanceof ProvisioningError ? `\n${error.message}` : error);
    process.exit(1);
  }
}
