import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People over the years: a cluster representative may be bound to several cases (a binding table
 * replaces users.case_id, carrying every existing binding over), a deactivation keeps when and why,
 * and the database itself refuses a second account for the same person (e-mail, case-insensitive;
 * the subject was unique already).
 */
export class People1765094400000 implements MigrationInterface {
  name = 'People1765094400000';

  async up(q: QueryRunner): Promise<void> {
    // Stop with the names rather than a bare unique violation: an administrator must merge them first.
    const duplicates: { email: string; subjects: string[] }[] = await q.query(
      `SELECT lower(email) AS email, array_agg(subject ORDER BY subject) AS subjects FROM users GROUP BY lower(email) HAVING count(*) > 1`,
    );
    if (duplicates.length) {
      const list = duplicates.map((d) => `${d.email}: ${d.subjects.join(', ')}`).join('; ');
      throw new Error(`Several users share an e-mail address; give each person one account before migrating (${list}).`);
    }
    await q.query(`CREATE UNIQUE INDEX users_email_unique_idx ON users (lower(email))`);

    await q.query(`
      CREATE TABLE user_cases (
        user_id uuid NOT NULL REFERENCES users(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        bound_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, case_id)
      )`);
    await q.query(`CREATE INDEX user_cases_case_idx ON user_cases (case_id)`);
    await q.query(`INSERT INTO user_cases (user_id, case_id, bound_at) SELECT id, case_id, created_at FROM users WHERE case_id IS NOT NULL`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_case_fk`);
    await q.query(`ALTER TABLE users DROP COLUMN case_id`);
    // Unbinding deletes the row; who unbound whom and why is in the system audit stream.
    await q.query(`GRANT SELECT, INSERT, DELETE ON user_cases TO cluster_app`);

    await q.query(`ALTER TABLE users ADD COLUMN deactivated_at timestamptz, ADD COLUMN deactivation_reason text`);
    await q.query(`
      UPDATE users SET deactivated_at = now(), deactivation_reason = 'Gedeactiveerd vóór het gebruikersbeheer. / Deactivated before user administration.'
      WHERE NOT active`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_deactivation_recorded
        CHECK (active = (deactivated_at IS NULL) AND (deactivated_at IS NULL) = (deactivation_reason IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_deactivation_recorded`);
    await q.query(`ALTER TABLE users DROP COLUMN IF EXISTS deactivated_at, DROP COLUMN IF EXISTS deactivation_reason`);
    await q.query(`ALTER TABLE users ADD COLUMN case_id uuid`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_case_fk FOREIGN KEY (case_id) REFERENCES cases(id)`);
    // One case per user fits the old column: the earliest binding.
    await q.query(`
      UPDATE users u SET case_id = b.case_id
      FROM (SELECT DISTINCT ON (user_id) user_id, case_id FROM user_cases ORDER BY user_id, bound_at) b
      WHERE b.user_id = u.id`);
    await q.query(`DROP TABLE IF EXISTS user_cases`);
    await q.query(`DROP INDEX IF EXISTS users_email_unique_idx`);
  }
}
