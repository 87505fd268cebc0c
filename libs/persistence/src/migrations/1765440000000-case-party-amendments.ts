import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The amendments of a case's lead actors and partners: who changed them, when, why, and what they
 * were before and after. The case row holds the current lists; these rows are the record, append
 * only like the audit trail, and the database refuses an amendment that changes nothing, leaves
 * no lead actor, or gives no reason.
 */
export class CasePartyAmendments1765440000000 implements MigrationInterface {
  name = 'CasePartyAmendments1765440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_party_amendments (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        seq int NOT NULL CHECK (seq >= 1),
        lead_actors_before jsonb NOT NULL,
        partners_before jsonb NOT NULL,
        lead_actors jsonb NOT NULL CHECK (jsonb_typeof(lead_actors) = 'array' AND jsonb_array_length(lead_actors) >= 1),
        partners jsonb NOT NULL CHECK (jsonb_typeof(partners) = 'array'),
        reason text NOT NULL CHECK (length(btrim(reason)) >= 2),
        amended_by uuid NOT NULL REFERENCES users(id),
        amended_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        UNIQUE (case_id, seq),
        CONSTRAINT case_party_amendments_changes_something CHECK (lead_actors <> lead_actors_before OR partners <> partners_before)
      )`);
    await q.query(`CREATE TRIGGER case_party_amendments_append_only BEFORE UPDATE OR DELETE ON case_party_amendments FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`CREATE TRIGGER case_party_amendments_no_truncate BEFORE TRUNCATE ON case_party_amendments FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT ON case_party_amendments TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_party_amendments`);
  }
}
