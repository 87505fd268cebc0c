import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four eyes on reference data and on a "no" gate answer (issue 13). A policy version is first a
 * proposal; a second administrator's approval (an `approvals` row without a case) publishes it.
 * A decision that goes against a "no" gate answer keeps its justified override beside it.
 */
export class PolicyFourEyes1765180800000 implements MigrationInterface {
  name = 'PolicyFourEyes1765180800000';

  async up(q: QueryRunner): Promise<void> {
    // The full list of subjects issue 13 introduces (other migrations re-create the same CHECK
    // with the same list, so the order in which they run does not matter).
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_subject_type_check`);
    await q.query(`
      ALTER TABLE approvals ADD CONSTRAINT approvals_subject_type_check CHECK (subject_type IN
        ('decision','budget_release','policy_version','assessment_rejection','trajectory_stop','agreement_early_end','case_withdrawal'))`);
    // Reference data belongs to no case; everything else does.
    await q.query(`ALTER TABLE approvals ALTER COLUMN case_id DROP NOT NULL`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_case_unless_policy CHECK ((case_id IS NULL) = (subject_type = 'policy_version'))`);

    await q.query(`
      CREATE TABLE policy_proposals (
        id uuid PRIMARY KEY,
        content jsonb NOT NULL,
        sha256 text NOT NULL,
        reason text NOT NULL,
        based_on int REFERENCES policy_versions(version),
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('proposed', 'published', 'sent_back')),
        version int UNIQUE REFERENCES policy_versions(version),
        idempotency_key text NOT NULL UNIQUE,
        CHECK ((status = 'published') = (version IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX policy_proposals_status_idx ON policy_proposals (status, proposed_at)`);
    // The application may move a proposal on, never change what was proposed.
    await q.query(`GRANT SELECT, INSERT ON policy_proposals TO cluster_app`);
    await q.query(`GRANT UPDATE (status, version) ON policy_proposals TO cluster_app`);

    // Who approved a published version: never the one who proposed it. Versions from before this
    // migration (and the seeded first one) have none.
    await q.query(`ALTER TABLE policy_versions ADD COLUMN approved_by text`);
    await q.query(`ALTER TABLE policy_versions ADD CONSTRAINT policy_versions_four_eyes CHECK (approved_by IS NULL OR approved_by <> created_by)`);

    await q.query(`ALTER TABLE decisions ADD COLUMN gate_override jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE decisions DROP COLUMN IF EXISTS gate_override`);
    await q.query(`ALTER TABLE policy_versions DROP CONSTRAINT IF EXISTS policy_versions_four_eyes`);
    await q.query(`ALTER TABLE policy_versions DROP COLUMN IF EXISTS approved_by`);
    await q.query(`DROP TABLE IF EXISTS policy_proposals`);
    await q.query(`DELETE FROM approvals WHERE subject_type = 'policy_version'`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_case_unless_policy`);
    await q.query(`ALTER TABLE approvals ALTER COLUMN case_id SET NOT NULL`);
  }
}
