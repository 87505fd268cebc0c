/**
 * `npm run bench [-- --help]`: throughput, latency and memory of the running product on this
 * machine (API + worker + Temporal dev server + PostgreSQL), beside bare Temporal where that says
 * what our layers cost. Prints figures and never fails on timing; exits 1 only when a measurement
 * could not be taken at all. See ./options.ts for the flags and ./measurements for what is measured.
 */
import 'reflect-metadata';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { interrupted, interruption } from './abort';
import { ApiClient } from './api-client';
import { BareTemporal } from './bare-temporal';
import type { BenchContext } from './context';
import { summariseProfiles } from './cpu-profile';
import { measureAuditVerify } from './measurements/audit-verify';
import { measureCaseStarts } from './measurements/case-starts';
import { measureLifecycles } from './measurements/lifecycles';
import { measureLoadedMemory, sampleMemory } from './measurements/memory';
import { measureReads } from './measurements/reads';
import { measureRoundTrip } from './measurements/round-trip';
import { HELP, parseOptions, type BenchOptions } from './options';
import { newCase } from './payloads';
import { Progress } from './progress';
import { markdown, throughputChart, type BenchResults } from './report';
import { ClusterStack } from './cluster-stack';
import { externalStack, OwnStack, type BenchStack } from './stack';

const ROOT = resolve(__dirname, '..', '..');
const BENCH_DIR = join(ROOT, '.data', 'bench');

/** Seconds the progress bar expects each part to take (rough, for its ETA). */
function plannedSeconds(o: BenchOptions): number {
  return (
    (o.apiUrl ? 5 : 40) +
    3 + o.startConcurrency.length * 2 * o.startSeconds +
    o.roundTrips * 0.17 +
    5 + o.lifecycleConcurrency.length * (o.lifecycleSeconds + 5) +
    Math.min(150, o.openCases * 0.06) + 5 +
    o.timelineEvents / 5000 + 2 + 7 * o.readRates.length * (o.readSeconds + 0.5) +
    o.verifyEvents * (1 / 8000 + 2 / 25000) + 4 +
    15
  );
}

async function main(): Promise<number> {
  let options: BenchOptions | null;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (!options) {
    console.log(HELP);
    return 0;
  }
  const o = options;
  const started = new Date();
  const runDir = join(BENCH_DIR, started.toISOString().replace(/[:.]/g, '-'));
  mkdirSync(runDir, { recursive: true });
  const benchLog = createWriteStream(join(runDir, 'bench.log'), { flags: 'a' });
  const progress = new Progress(plannedSeconds(o));

  let stack: BenchStack | undefined;
  let bare: BareTemporal | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      // The bare worker needs the Temporal server to shut down cleanly: stop it first, bounded.
      await Promise.race([bare?.stop().catch((e: unknown) => benchLog.write(`bare worker: ${String(e)}\n`)), new Promise((r) => setTimeout(r, 10_000).unref())]);
      await stack?.stop();
    })());
  const onSignal = () => {
    if (interrupted()) return;
    interruption.abort();
    progress.log('Interrupted: stopping the stack…');
    void cleanUp().finally(() => {
      progress.stop();
      process.exit(130);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const results: BenchResults = {
    startedAt: started.toISOString(),
    durationSeconds: 0,
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU', memoryGiB: totalmem() / 1024 ** 3, node: process.version, loadAverageAtStart: loadavg(), loadAverageAtEnd: [] },
    stack: { own: !o.apiUrl, apiUrl: o.apiUrl ?? '', temporalAddress: o.temporalAddress ?? '', runDir: o.apiUrl ? null : runDir, profiled: o.profile },
    options: o,
    caseStarts: null,
    roundTrip: null,
    lifecycles: null,
    memory: null,
    reads: null,
    auditVerify: null,
    profile: null,
    failures: [],
    crashes: [],
  };
  /** One measurement; a failure is recorded and the others still run. */
  const attempt = async <T>(measurement: string, work: () => Promise<T>): Promise<T | null> => {
    if (interrupted()) return null;
    try {
      return await work();
    } catch (error) {
      if (interrupted()) return null;
      const message = error instanceof Error ? error.message : String(error);
      results.failures.push({ measurement, error: message });
      progress.log(`${measurement} failed: ${message}`);
      benchLog.write(`${measurement}: ${error instanceof Error ? error.stack : message}\n`);
      return null;
    }
  };

  let profileWindows: [number, number][] = [];
  let commandWindow: [number, number] | null = null;
  try {
    if (o.apiUrl) {
      stack = externalStack({ apiUrl: o.apiUrl, temporalAddress: o.temporalAddress!, databaseUrl: o.databaseUrl, apiPid: o.apiPid, workerPid: o.workerPid });
    } else if (o.topology === 'cluster') {
      const cluster = new ClusterStack({ runDir, logLevel: o.logLevel, keepData: o.keepData, signalHandler: onSignal });
      stack = cluster;
      await cluster.start((label) => progress.step(`starting: ${label}`, label.startsWith('Temporal') ? 40 : 5));
      results.stack.apiUrl = cluster.apiUrls.join(' ');
      results.stack.temporalAddress = cluster.temporalAddress;
    } else {
      const own = new OwnStack({ runDir, logLevel: o.logLevel, profile: o.profile, keepData: o.keepData, signalHandler: onSignal });
      stack = own;
      await own.start((label) => progress.step(`starting: ${label}`, label === 'worker and API' ? 25 : 5));
      results.stack.apiUrl = own.apiUrl;
      results.stack.temporalAddress = own.temporalAddress;
    }
    progress.step('starting: bare Temporal worker', 3);
    bare = await BareTemporal.start(stack.temporalAddress, (line) => benchLog.write(`bare worker ${line}\n`), stack.ownerDatabaseUrl);
    const ctx: BenchContext = { options: o, stack, api: new ApiClient(stack instanceof ClusterStack ? stack.apiUrls : [stack.apiUrl]), bare, progress };

    // Idle memory: after one case has gone through API and worker, so the code paths are loaded.
    progress.step('memory: idle', 5);
    const idle = await attempt('5. memory (idle)', async () => {
      await ctx.api.post('handler', 'cases', newCase('Bench first case'));
      return sampleMemory(ctx);
    });
    const starts = await attempt('1. case starts', () => measureCaseStarts(ctx));
    results.caseStarts = starts?.rows ?? null;
    profileWindows = starts?.rows.map((r) => r.ours.window) ?? [];
    results.roundTrip = await attempt('2. command round trip', () => measureRoundTrip(ctx));
    commandWindow = results.roundTrip?.window ?? null;
    results.lifecycles = await attempt('3. lifecycles', () => measureLifecycles(ctx));
    if (idle) results.memory = await attempt('5. memory with open cases', () => measureLoadedMemory(ctx, idle));
    const sampleCase = starts?.caseIds[0];
    results.reads = sampleCase ? await attempt('4. read latency', () => measureReads(ctx, sampleCase)) : null;
    const databaseUrl = stack.databaseUrl;
    if (databaseUrl) results.auditVerify = await attempt('6. audit chain verification', () => measureAuditVerify(ctx, databaseUrl));
    else results.failures.push({ measurement: '6. audit chain verification', error: 'needs the database of the stack (--database-url)' });
  } catch (error) {
    results.failures.push({ measurement: 'stack', error: error instanceof Error ? error.message : String(error) });
    benchLog.write(`stack: ${error instanceof Error ? error.stack : String(error)}\n`);
  } finally {
    progress.step('stopping the stack', 10);
    await cleanUp();
  }
  results.crashes = stack?.crashes ?? [];

  // Profiles are written when API and worker exit, so only now can they be read.
  if (stack?.profileDir && profileWindows.length > 0) {
    const dir = stack.profileDir;
    const pids = stack.pids;
    // The case starts, and apart from them the command round trips (where the floors are).
    const spans: [string, [number, number][]][] = [['case starts', profileWindows], ...(commandWindow ? ([['command round trips', [commandWindow]]] as [string, [number, number][]][]) : [])];
    results.profile = await attempt('CPU profile', async () =>
      spans.flatMap(([during, windows]) => [
        summariseProfiles(dir, pids.api ?? -1, `api, ${during}`, windows, ROOT),
        summariseProfiles(dir, pids.worker ?? -1, `worker, ${during}`, windows, ROOT),
      ]),
    );
  }
  results.machine.loadAverageAtEnd = loadavg();
  results.durationSeconds = (Date.now() - started.getTime()) / 1000;
  progress.stop();

  const svg = await attempt('chart', () => throughputChart(results));
  if (svg) writeFileSync(join(BENCH_DIR, 'throughput.svg'), svg);
  const report = markdown(results);
  writeFileSync(join(BENCH_DIR, 'results.md'), report);
  writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await new Promise((done) => benchLog.end(done));
  console.log(report);
  console.error(`Written: ${join(BENCH_DIR, 'results.md')}, results.json${svg ? ', throughput.svg' : ''}; logs and profiles in ${runDir}`);
  return results.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
