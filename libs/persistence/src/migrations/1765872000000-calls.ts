import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls for spearhead clusters (issue 14, libs/domain/src/call.ts) and the policy owner who opens
 * them. A call holds its envelopes per instrument in integer cents; a case belongs to at most one
 * call, set once (the database refuses to move it: it was compared with the other candidates).
 */
export class Calls1765872000000 implements MigrationInterface {
  name = 'Calls1765872000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_roles_check`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['case_handler','approver','council_member','cluster_representative','auditor','admin','policy_owner'])`);

    await q.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY,
        title text NOT NULL CHECK (length(title) BETWEEN 5 AND 200),
        description text NOT NULL CHECK (length(description) <= 10000),
        period_start date NOT NULL,
        period_end date NOT NULL,
        submission_deadline date NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        max_selected int NOT NULL CHECK (max_selected BETWEEN 1 AND 50),
        -- [{ instrumentCode, amountCents }], amounts positive whole cents (also checked in the domain).
        envelopes jsonb NOT NULL CHECK (jsonb_typeof(envelopes) = 'array' AND jsonb_array_length(envelopes) > 0),
        status text NOT NULL CHECK (status IN ('open', 'registration_closed')),
        policy_version int NOT NULL,
        opened_by uuid NOT NULL REFERENCES users(id),
        opened_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        CHECK (period_end >= period_start),
        CHECK (submission_deadline BETWEEN period_start AND period_end)
      )`);
    await q.query(`CREATE INDEX calls_opened_at_idx ON calls (opened_at DESC)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON calls TO cluster_app`);

    await q.query(`ALTER TABLE cases ADD COLUMN call_id uuid REFERENCES calls(id)`);
    await q.query(`CREATE INDEX cases_call_idx ON cases (call_id) WHERE call_id IS NOT NULL`);
    // Set once: a case that was registered to a call stays with it.
    await q.query(`
      CREATE FUNCTION cases_call_set_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.call_id IS NOT NULL AND NEW.call_id IS DISTINCT FROM OLD.call_id THEN
          RAISE EXCEPTION 'a case stays with the call it registered to' USING ERRCODE = 'check_violation', CONSTRAINT = 'cases_call_set_once';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER cases_call_set_once BEFORE UPDATE OF call_id ON cases FOR EACH ROW EXECUTE FUNCTION cases_call_set_once()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS cases_call_set_once ON cases`);
    await q.query(`DROP FUNCTION IF EXISTS cases_call_set_once()`);
    await q.query(`ALTER TABLE cases DROP COLUMN IF EXISTS call_id`);
    await q.query(`DROP TABLE IF EXISTS calls`);
    // The older schema knows no policy owners: they keep reading (what the role allowed besides
    // calls) as auditors, so nobody is left without a role or deleted with their audit history.
    await q.query(`
      UPDATE users SET roles = CASE WHEN roles = ARRAY['policy_owner'] THEN ARRAY['auditor'] ELSE array_remove(roles, 'policy_owner') END
      WHERE 'policy_owner' = ANY(roles)`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_roles_check`);
    await q.query(`
      ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) > 0
        AND roles <@ ARRAY['case_handler','approver','council_member','cluster_representative','auditor','admin'])`);
  }
}
