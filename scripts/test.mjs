#!/usr/bin/env node
// `npm test`: lint and type-check, then every Jest project (unit, workflow on the time-skipping
// server, integration on PostgreSQL, end to end over HTTP). It first provisions what the tests
// need (scripts/provision.mjs: npm dependencies, the Temporal CLI and server, the Java test server,
// Chromium); Jest's global setup then starts the servers. Ends with one summary line: "tests: N passed, N failed, N skipped".
// `--no-lint` skips the lint step (e.g. `npm run test:faults`); other arguments go to Jest.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { provision, ProvisioningError } from './provision.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const step = (title, command, args) => {
  process.stdout.write(`\n\x1b[1m▶ ${title}\x1b[0m\n`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  process.stdout.write(`  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  return status ?? 1;
};

const args = process.argv.slice(2);
// Chromium is needed unless the run is narrowed to projects or paths that leave out tests/web
// (a narrowed run that still reaches a browser test fails there, naming CHROMIUM_PATH).
const joined = args.join(' ');
const otherProjects = joined.includes('--selectProjects') && !joined.includes('@cluster/tests');
const otherPaths = joined.includes('--testPathPatterns') && !/web/.test(joined);
const browser = !otherProjects && !otherPaths;
process.stdout.write('\n\x1b[1m▶ Provisioning (dependencies, Temporal servers, Chromium)\x1b[0m\n');
try {
  const { temporalCli, temporalServer, testServer, chromium } = provision({ temporalServer: true, testServer: true, browser });
  // Handed on, so Jest's global setup and the specs that start servers take them as they are
  // instead of resolving them again (the ensure-*.sh scripts accept these overrides).
  process.env.TEMPORAL_CLI_PATH = temporalCli;
  process.env.TEMPORAL_SERVER_PATH = temporalServer;
  process.env.TEMPORAL_TEST_SERVER_PATH = testServer;
  if (chromium) process.env.CHROMIUM_PATH = chromium;
} catch (error) {
  console.error(error instanceof ProvisioningError ? `\n${error.message}\n` : error);
  process.exit(1);
}
const lint = !args.includes('--no-lint');
if (lint && step('Lint and type-check', 'npm', ['run', 'lint', '--silent']) !== 0) process.exit(1);

const resultsFile = join(root, '.data', 'test', 'jest-results.json');
mkdirSync(dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
const jestStatus = step('Tests', process.execPath, [
  join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--ci',
  '--maxWorkers=2',
  '--json',
  `--outputFile=${resultsFile}`,
  ...args.filter((a) => a !== '--no-lint'),
]);

if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (r.numTotalTests === 0) process.exit(1);
}
process.exit(jestStatus);
