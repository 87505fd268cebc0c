import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/owned-process';

const ROOT = resolve(__dirname, '..', '..');
const asRoot = process.getuid?.() === 0;

/**
 * `npm start` and `npm test` run as root from a checkout the `postgres` system user cannot enter
 * (under /root, or in a `mktemp -d` folder: mode 700). PostgreSQL then runs as that user, and
 * scripts/lib/postgres-user-reach.mjs keeps what it needs where it can reach it. The real start
 * path (scripts/lib/embedded-postgres.mjs, ESM-only, so in a child node process): a data
 * directory asked for inside a closed folder starts, answers a login, and is found again.
 */
describe('embedded PostgreSQL asked to live in a folder the postgres user cannot enter', () => {
  let closed: string;
  beforeAll(() => {
    closed = mkdtempSync(join(tmpdir(), 'closed-checkout-'));
    expect(statSync(closed).mode & 0o777).toBe(0o700);
  });
  afterAll(() => rmSync(closed, { recursive: true, force: true }));

  /** Starts PostgreSQL for `wanted`, runs the statements, stops it; returns the last one's rows. */
  const startOnce = async (wanted: string, statements: string[]) => {
    const port = await freePort();
    const child = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
        const { startEmbeddedPostgres } = await import(${JSON.stringify(join(ROOT, 'scripts/lib/embedded-postgres.mjs'))});
        const { default: pg } = await import(${JSON.stringify(join(ROOT, 'node_modules/pg/lib/index.js'))});
        const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(wanted)}, port: ${port} });
        const client = new pg.Client({ connectionString: server.adminUrl });
        await client.connect();
        let rows = [];
        for (const statement of ${JSON.stringify(statements)}) rows = (await client.query(statement)).rows;
        await client.end();
        await server.stop();
        console.log(JSON.stringify({ dataDir: server.dataDir, rows }));
        `,
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (child.status !== 0) throw new Error(`child failed (${child.status ?? child.signal}): ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as { dataDir: string; rows: { v: string }[] };
  };

  it('starts, keeps its data, and finds it again on the next start', async () => {
    const wanted = join(closed, '.data', 'postgres');
    const first = await startOnce(wanted, ["CREATE TABLE kept AS SELECT 'survives a restart' AS v", 'SELECT v FROM kept']);
    try {
      if (asRoot) {
        // As root the data cannot be where it was asked for: it is kept where `postgres` reaches it.
        expect(first.dataDir).not.toBe(wanted);
        expect(first.dataDir.startsWith('/var/tmp/cluster-cases/data/')).toBe(true);
      } else {
        expect(first.dataDir).toBe(wanted);
      }
      const second = await startOnce(wanted, ['SELECT v FROM kept']);
      expect(second).toEqual({ dataDir: first.dataDir, rows: [{ v: 'survives a restart' }] });
    } finally {
      rmSync(first.dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
