/**
 * `npm run bench:portfolio [-- --cases 1000] [-- --requests 200]`: the latency of the portfolio
 * overview (GET /api/portfolio) on many cases, as a ratio to floors measured in the same run over
 * the same API and pool: a trivial authenticated GET (/api/auth/me: guard, token, one user read)
 * and a bare `SELECT 1` on the application's own pool. Prints figures, never fails on timing.
 *
 * 1. a throwaway database (on BENCH_DATABASE_ADMIN_URL, or an embedded PostgreSQL it starts itself)
 * 2. N cases in every stage seeded as the portfolio's tests seed them (tests/support/portfolio-seed:
 *    registration, earmarks, releases and approvals through the services; the rest in the tables)
 * 3. the real API in this process on 127.0.0.1 (reads need no Temporal; its connection is lazy)
 * 4. requests one at a time, interleaved (floor, overview, filtered overview), after a warm-up
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AuditService } from '@cluster/audit';
import { createApiApp } from '@cluster/api';
import { loadConfig } from '@cluster/config';
import { createDataSource, Database, dropDatabase, ensureAppLogin, ensureDatabase, runMigrations } from '@cluster/persistence';
import { ReferenceDataService } from '@cluster/reference-data';
import { seedPortfolio } from '../../tests/support/portfolio-seed';
import { createServices } from '../../tests/support/services';
import { BENCH_DIR, startBenchDatabase, withDatabase } from './bench-database';

const WARM_UP = 20;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
const ms = (n: number) => `${n.toFixed(1).padStart(7)} ms`;

interface Series {
  label: string;
  run: () => Promise<void>;
  times: number[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, requests: { type: 'string', default: '200' }, seed: { type: 'string', default: '14' } } });
  const count = Number(values.cases);
  const requests = Math.min(2000, Number(values.requests));
  await mkdir(BENCH_DIR, { recursive: true });
  const server = await startBenchDatabase('postgres-portfolio');
  const name = `bench_${randomBytes(4).toString('hex')}`;
  const ownerUrl = withDatabase(server.adminUrl, name);
  const appUrl = withDatabase(server.adminUrl, name, 'cluster_api_bench');
  let db: Database | undefined;
  try {
    await ensureDatabase(server.adminUrl, ownerUrl);
    await runMigrations(ownerUrl);
    await ensureAppLogin(server.adminUrl, appUrl);
    db = new Database(await createDataSource({ url: appUrl, poolSize: 4, applicationName: 'bench-seed' }).initialize());
    const seeds = new ReferenceDataService(db, new AuditService(db));
    await seeds.ensurePolicy();
    await seeds.ensureDemoUsers();

    console.log(`node ${process.version}, ${count.toLocaleString('en')} cases, ${requests} requests per series, database ${name}`);
    const seeding = performance.now();
    const { calls } = await seedPortfolio({
      db,
      services: createServices(db),
      ownerUrl,
      count,
      seed: Number(values.seed),
      onProgress: (n) => (n % 100 === 0 ? process.stdout.write(`  seeded ${n}\n`) : undefined),
    });
    // Fresh statistics, as autovacuum would have them after such a load (only the owner may analyse).
    const { Client } = await import('pg');
    const owner = new Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query('ANALYZE');
    await owner.end();
    console.log(`seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATABASE_URL: appUrl, TEMPORAL_ADDRESS: '127.0.0.1:1', AUTH_JWT_SECRET: randomBytes(24).toString('hex'), AUTH_DEV_LOGIN: 'true', RATE_LIMIT_PER_MINUTE: '0' });
    const app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    try {
      const login = await fetch(`${base}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject: 'auditor' }) });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}` };
      const get = (path: string) => async () => {
        const res = await fetch(`${base}${path}`, { headers });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
      };
      const pool = app.get(Database);
      const series: Series[] = [
        { label: 'SELECT 1 on the API pool', run: () => pool.ping(), times: [] },
        { label: 'GET /api/auth/me (floor)', run: get('/api/auth/me'), times: [] },
        { label: 'GET /api/portfolio', run: get('/api/portfolio'), times: [] },
        { label: 'GET /api/portfolio?callId=…&year=2025', run: get(`/api/portfolio?callId=${calls[0]!.id}&year=2025`), times: [] },
        { label: 'GET /api/portfolio/export?section=funnel', run: get('/api/portfolio/export?section=funnel'), times: [] },
      ];
      for (let i = 0; i < WARM_UP; i++) for (const s of series) await s.run();
      for (let i = 0; i < requests; i++) {
        for (const s of series) {
          const started = performance.now();
          await s.run();
          s.times.push(performance.now() - started);
        }
      }
      // Where the time goes: each section's query alone, unfiltered and filtered (p50 of 30).
      const repos = pool.repos.portfolio;
      const filtered = { callId: calls[0]!.id, year: 2025 };
      const sections: [string, (f: object) => Promise<unknown>][] = [
        ['funnel', (f) => repos.funnel(f)],
        ['overdue', (f) => repos.overdue(f, new Date(), 20, 0)],
        ['councils', (f) => repos.councils(f)],
        ['budget', (f) => repos.budget(f)],
        ['envelopes', (f) => repos.envelopes(f)],
        ['dialogue', (f) => repos.dialogue(f)],
        ['leverage', (f) => repos.leverage(f)],
      ];
      console.log(`\n${'section query'.padEnd(20)} ${'all p50'.padStart(10)} ${'filtered p50'.padStart(13)}`);
      for (const [label, query] of sections) {
        const p50 = async (f: object) => {
          const times: number[] = [];
          for (let i = 0; i < 30; i++) {
            const started = performance.now();
            await query(f);
            times.push(performance.now() - started);
          }
          return quantile(times.sort((a, b) => a - b), 0.5);
        };
        console.log(`${label.padEnd(20)} ${ms(await p50({}))} ${ms(await p50(filtered)).padStart(13)}`);
      }
      const bytes = (await (await fetch(`${base}/api/portfolio`, { headers })).arrayBuffer()).byteLength;
      const floor = series[1]!.times.slice().sort((a, b) => a - b);
      const floorP50 = quantile(floor, 0.5);
      const floorP95 = quantile(floor, 0.95);
      console.log(`\n${'what'.padEnd(44)} ${'p50'.padStart(10)} ${'p95'.padStart(10)}   ÷ floor p50 / p95`);
      for (const s of series) {
        const sorted = s.times.slice().sort((a, b) => a - b);
        const p50 = quantile(sorted, 0.5);
        const p95 = quantile(sorted, 0.95);
        console.log(`${s.label.padEnd(44)} ${ms(p50)} ${ms(p95)}   ${(p50 / floorP50).toFixed(1)}× / ${(p95 / floorP95).toFixed(1)}×`);
      }
      console.log(`\nthe overview's answer: ${(bytes / 1024).toFixed(0)} KiB`);
    } finally {
      await app.close();
    }
  } finally {
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
