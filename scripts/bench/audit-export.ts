/**
 * `npm run bench:audit-export [-- --events 100000] [-- --batch 1000]`: how long the evidence export
 * of one case with many audit events takes, and how much memory it needs. Not part of `npm test`.
 * To show that memory does not grow with the case, cap the heap: NODE_OPTIONS=--max-old-space-size=128.
 *
 * 1. a throwaway database (on BENCH_DATABASE_ADMIN_URL, or an embedded PostgreSQL it starts itself)
 * 2. N chained events for one case, bulk-inserted with hashes from `eventHash` (as AuditService would;
 *    see ./audit-chain)
 * 3. the signed bundle streamed into a file by EvidenceExportService, then again over HTTP from the
 *    real API (in this process) into a file, and the timeline CSV
 * 4. the offline verification of the file, in this process and with the CLI as its own process
 *
 * Prints the times and the peak RSS of this process (sampled every 10 ms) during each step.
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { AuditService, EvidenceExportService, EvidenceSigningKey, verifyEvidenceBundleFile } from '@cluster/audit';
import { createApiApp } from '@cluster/api';
import { loadConfig } from '@cluster/config';
import { createDataSource, Database, dropDatabase, ensureAppLogin, ensureDatabase, runMigrations } from '@cluster/persistence';
import { DEMO_USERS, ReferenceDataService } from '@cluster/reference-data';
import { appendChain, type EventContent } from './audit-chain';
import { BENCH_DIR, startBenchDatabase, withDatabase } from './bench-database';

const ROOT = resolve(__dirname, '..', '..');

/** Peak RSS over a step, sampled; the process-wide peak comes from getrusage at the end. */
class RssSampler {
  private peak = 0;
  private readonly timer = setInterval(() => this.sample(), 10);
  constructor() {
    this.timer.unref();
  }
  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().rss);
  }
  async measure<T>(label: string, work: () => Promise<T>): Promise<T> {
    global.gc?.();
    this.peak = 0;
    this.sample();
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    this.sample();
    console.log(`${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s   RSS before ${mib(before)}, peak ${mib(this.peak)}`);
    return result;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0).padStart(4)} MiB`;

/** A long structured dialogue: progress reports, some with a reason or an attachment. */
function progressReport(seq: number): EventContent {
  return {
    action: seq === 1 ? 'case.created' : 'dialogue.report_recorded',
    reason: seq % 10 === 0 ? `Opvolging, stap ${seq}: "voortgang", zie bijlage` : null,
    payload: { cycle: Math.ceil(seq / 1000), step: seq, summary: 'Voortgangsrapport van de speerpuntcluster: acties, indicatoren en budget.', amountsCents: { IWT: seq * 100, VLAIO: seq * 50 } },
    documentHashes: seq % 50 === 0 ? [randomBytes(32).toString('hex')] : [],
  };
}

/** The CLI as an auditor runs it; its peak RSS via GNU time where the machine has it. */
function runCli(file: string): Promise<{ code: number; seconds: number; output: string; peakRss: number | null }> {
  const started = performance.now();
  const node = [process.execPath, '-r', '@swc-node/register', 'scripts/audit-verify-bundle.ts', file];
  const timed = existsSync('/usr/bin/time');
  const [command, ...args] = timed ? ['/usr/bin/time', '-f', 'maxrss_kb=%M', ...node] : node;
  return new Promise((done) => {
    execFile(command!, args, { cwd: ROOT, env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json' } }, (error, stdout, stderr) => {
      const kb = /maxrss_kb=(\d+)/.exec(stderr)?.[1];
      done({ code: error ? Number(error.code) : 0, seconds: (performance.now() - started) / 1000, output: stdout, peakRss: kb ? Number(kb) * 1024 : null });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { events: { type: 'string', default: '100000' }, batch: { type: 'string', default: '1000' } } });
  const count = Number(values.events);
  await mkdir(BENCH_DIR, { recursive: true });
  const server = await startBenchDatabase('postgres');
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const appUrl = withDatabase(server.adminUrl, name, 'cluster_api_bench');
  const rss = new RssSampler();
  let db: Database | undefined;
  try {
    await ensureDatabase(server.adminUrl, withDatabase(server.adminUrl, name));
    await runMigrations(withDatabase(server.adminUrl, name));
    await ensureAppLogin(server.adminUrl, appUrl);
    db = new Database(await createDataSource({ url: appUrl, poolSize: 4, applicationName: 'bench' }).initialize());
    const seeds = new ReferenceDataService(db, new AuditService(db));
    const policyVersion = (await seeds.ensurePolicy()) ?? 1;
    await seeds.ensureDemoUsers();
    const caseId = randomUUID();
    const manager = DEMO_USERS.find((u) => u.subject === 'handler')!;
    await db.repos.cases.insert({
      id: caseId, workflowId: `case-${caseId}`, clusterName: 'Benchmark-cluster', domain: 'Chemie', leadActors: ['Catalisti vzw'], partners: [],
      accountManagerId: manager.id, stage: 'structured_dialogue', policyVersion, latestRoadmapVersion: null, submittedRoadmapVersion: null, standInId: null, callId: null, pilot: false,
      createdAt: new Date(), updatedAt: new Date(),
    });

    console.log(`node ${process.version}, ${count.toLocaleString('en')} events, read in batches of ${values.batch}, database ${name}\n`);
    await rss.measure(`insert ${count} chained events`, () => appendChain(appUrl, caseId, count, progressReport));
    // What GET /api/cases/:id/audit/verify and npm run audit:verify do per case (minus the one
    // workflow query for the kept head): recompute the chain from the database.
    const chain = await rss.measure('verify the chain in the database', () => new AuditService(db!).verifyCase(caseId));
    if (!chain.ok || chain.checked !== count) throw new Error(`the inserted chain does not verify: ${JSON.stringify(chain)}`);

    const key = EvidenceSigningKey.generate();
    const service = new EvidenceExportService(db, key);
    service.batchSize = Number(values.batch);
    const bundleFile = join(BENCH_DIR, `case-${caseId}-evidence.jsonl`);
    const exportedBy = { userId: manager.id, displayName: 'Benchmark', role: 'auditor', organisation: 'Bench' };
    await rss.measure('export bundle → file (service)', async () => {
      const snapshot = await service.snapshot(caseId);
      await pipeline(Readable.from(service.bundle(snapshot, exportedBy)), createWriteStream(bundleFile));
    });
    const size = (await stat(bundleFile)).size;
    console.log(`${''.padEnd(44)} bundle ${(size / 1024 / 1024).toFixed(1)} MiB`);

    const csvFile = join(BENCH_DIR, `case-${caseId}-timeline.csv`);
    await rss.measure('export timeline CSV → file (service)', async () => {
      await pipeline(Readable.from(service.timelineCsv(await service.snapshot(caseId))), createWriteStream(csvFile));
    });

    // The real API in this process (Temporal is not needed for reads; its connection is lazy).
    const config = loadConfig({
      NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: appUrl, TEMPORAL_ADDRESS: '127.0.0.1:1', AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
      AUTH_DEV_LOGIN: 'true', AUDIT_SIGNING_KEY_FILE: process.env.AUDIT_SIGNING_KEY_FILE ?? '',
    });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const base = await app.getUrl();
    const httpFile = join(BENCH_DIR, `case-${caseId}-evidence-http.jsonl`);
    try {
      const login = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'auditor' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      await rss.measure('export bundle over HTTP → file (API + client)', async () => {
        const res = await fetch(`${base}/api/cases/${caseId}/audit/export`, { headers: { authorization: `Bearer ${accessToken}` } });
        if (!res.ok || !res.body) throw new Error(`export answered ${res.status}`);
        await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(httpFile));
      });
    } finally {
      await app.close();
    }

    const verified = await rss.measure('verify bundle offline (in process)', () => verifyEvidenceBundleFile(bundleFile));
    if (!verified.ok) throw new Error(`the exported bundle did not verify: ${verified.problem?.message.en}`);
    const cli = await runCli(httpFile);
    const cliRss = cli.peakRss === null ? 'peak RSS not measured' : `peak RSS ${mib(cli.peakRss)}`;
    console.log(`${'verify HTTP bundle with the CLI (own process)'.padEnd(44)} ${cli.seconds.toFixed(2).padStart(7)} s   ${cliRss}; exit ${cli.code}: ${cli.output.split('\n')[1]}`);
    console.log(`\npeak RSS of this process overall (getrusage): ${mib(process.resourceUsage().maxRSS * 1024)}`);
    await rm(bundleFile, { force: true });
    await rm(httpFile, { force: true });
    await rm(csvFile, { force: true });
  } finally {
    rss.stop();
    if (db?.dataSource.isInitialized) await db.dataSource.destroy();
    await dropDatabase(server.adminUrl, name).catch(() => undefined);
    await server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
