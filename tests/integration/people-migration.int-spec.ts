import { randomUUID } from 'node:crypto';
import { createDataSource, runMigrations } from '@cluster/persistence';
import { demoUser } from '../support/fixtures';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The people migration on a database that already holds representatives bound through
 * users.case_id: every binding is carried over to user_cases, deactivated users keep a reason, and
 * duplicate e-mail addresses stop the migration with their names instead of a bare violation.
 */
describe('migration 1765094400000 (people)', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  /** Undoes migrations, newest first, until the people migration is undone too. */
  const undoPeople = async () => {
    const ds = await createDataSource({ url: t.ownerUrl, poolSize: 1 }).initialize();
    try {
      const applied = async () => ((await ds.query(`SELECT name FROM schema_migrations`)) as { name: string }[]).map((r) => r.name);
      while ((await applied()).includes('People1765094400000')) await ds.undoLastMigration({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }
  };
  const caseRow = async (name: string) => {
    const id = randomUUID();
    await t.sql(
      t.ownerUrl,
      `INSERT INTO cases (id, workflow_id, cluster_name, domain, lead_actors, partners, account_manager_id, stage, policy_version, created_at, updated_at)
       VALUES ($1, $2, $3, 'Logistiek', '[]', '[]', $4, 'roadmap_drafting', 1, now(), now())`,
      [id, `case-${id}`, name, demoUser('handler').id],
    );
    return id;
  };
  const oldUser = (subject: string, email: string, caseId: string | null, active = true) =>
    t.sql(t.ownerUrl, `INSERT INTO users (id, subject, display_name, email, organisation, roles, case_id, active) VALUES ($1, $2, $2, $3, 'Cluster', $4, $5, $6) RETURNING id`, [
      randomUUID(),
      subject,
      email,
      caseId ? ['cluster_representative'] : ['case_handler'],
      caseId,
      active,
    ]).then((rows) => (rows[0] as { id: string }).id);

  it('carries every users.case_id over to user_cases and records a reason for earlier deactivations', async () => {
    await undoPeople();
    const [a, b] = [await caseRow('Alfa'), await caseRow('Beta')];
    const repA = await oldUser('old-rep-a', 'rep-a@example.be', a);
    const repB = await oldUser('old-rep-b', 'rep-b@example.be', b, false);
    const plain = await oldUser('old-handler', 'old-handler@example.be', null);

    expect(await runMigrations(t.ownerUrl)).toContain('People1765094400000');

    const bindings = await t.sql<{ user_id: string; case_id: string }>(t.ownerUrl, `SELECT user_id, case_id FROM user_cases ORDER BY case_id`);
    expect(bindings).toEqual(expect.arrayContaining([{ user_id: repA, case_id: a }, { user_id: repB, case_id: b }]));
    expect(bindings.some((r) => r.user_id === plain)).toBe(false);
    const columns = await t.sql(t.ownerUrl, `SELECT column_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'case_id'`);
    expect(columns).toEqual([]);
    const [inactive] = await t.sql<{ deactivated_at: Date | null; deactivation_reason: string | null }>(t.ownerUrl, `SELECT deactivated_at, deactivation_reason FROM users WHERE id = $1`, [repB]);
    expect(inactive!.deactivated_at).not.toBeNull();
    expect(inactive!.deactivation_reason).toMatch(/Gedeactiveerd .* \/ Deactivated/);
    // The application's role reads and changes the bindings; the repository sees them.
    expect(await t.db.repos.users.casesOf(repA)).toEqual([a]);
  });

  it('rolls back to one case per user, and refuses to migrate duplicate e-mail addresses, naming them', async () => {
    await undoPeople();
    const rows = await t.sql<{ case_id: string | null }>(t.ownerUrl, `SELECT case_id FROM users WHERE subject = 'old-rep-a'`);
    expect(rows[0]!.case_id).not.toBeNull();
    await oldUser('twin-1', 'Twin@example.be', null);
    await oldUser('twin-2', 'twin@EXAMPLE.be', null);
    await expect(runMigrations(t.ownerUrl)).rejects.toThrow(/twin@example\.be: twin-1, twin-2/);

    // Once the administrator gives each person one account, it goes through.
    await t.sql(t.ownerUrl, `UPDATE users SET email = 'twin-2@example.be' WHERE subject = 'twin-2'`);
    expect(await runMigrations(t.ownerUrl)).toContain('People1765094400000');
    await expect(t.sql(t.ownerUrl, `INSERT INTO users (id, subject, display_name, email, organisation, roles) VALUES ($1, 'twin-3', 'Twin', 'TWIN@example.be', 'X', '{case_handler}')`, [randomUUID()])).rejects.toThrow(/users_email_unique_idx/);
  });
});
