import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four eyes for what ends a case early (issue 13): a rejection at the assessment, a stopped test
 * trajectory, an agreement ended early and a withdrawal are proposals (case_terminations) that an
 * approver other than the proposer approves through the approvals table. A withdrawal closes
 * whatever else awaits approval as superseded, so approvals, decisions and releases learn that
 * state; advice requests still open when a case is withdrawn are closed as withdrawn.
 */
export class FourEyesTerminations1765267200000 implements MigrationInterface {
  name = 'FourEyesTerminations1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_terminations (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('assessment_rejection', 'trajectory_stop', 'agreement_early_end', 'case_withdrawal')),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        details jsonb NOT NULL DEFAULT '{}',
        stage text NOT NULL,
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'sent_back', 'superseded')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        idempotency_key text NOT NULL UNIQUE,
        -- Four eyes, whoever writes the row.
        CONSTRAINT case_terminations_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
        CHECK ((status IN ('approved', 'sent_back')) = (decided_by IS NOT NULL))
      )`);
    // One proposal at a time per case: the approver decides on the case as it was proposed.
    await q.query(`CREATE UNIQUE INDEX case_terminations_one_pending ON case_terminations (case_id) WHERE status = 'pending'`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON case_terminations TO cluster_app`);

    // The full list of approval subjects (other slices of issue 13 add theirs: same list everywhere).
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_subject_type_check`);
    await q.query(`
      ALTER TABLE approvals ADD CONSTRAINT approvals_subject_type_check CHECK (subject_type IN
        ('decision', 'budget_release', 'policy_version', 'assessment_rejection', 'trajectory_stop', 'agreement_early_end', 'case_withdrawal'))`);
    // Superseded: closed without a decision, because the case was withdrawn (the comment says why).
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_status_check`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_status_check CHECK (status IN ('pending', 'approved', 'sent_back', 'superseded'))`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_check`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_check CHECK ((status IN ('approved', 'sent_back')) = (decided_by IS NOT NULL))`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_superseded_with_reason CHECK (status <> 'superseded' OR (comment IS NOT NULL AND decided_at IS NOT NULL))`);

    await q.query(`ALTER TABLE decisions DROP CONSTRAINT IF EXISTS decisions_status_check`);
    await q.query(`ALTER TABLE decisions ADD CONSTRAINT decisions_status_check CHECK (status IN ('proposed', 'approved', 'sent_back', 'superseded'))`);
    await q.query(`ALTER TABLE budget_releases DROP CONSTRAINT IF EXISTS budget_releases_status_check`);
    await q.query(`ALTER TABLE budget_releases ADD CONSTRAINT budget_releases_status_check CHECK (status IN ('requested', 'approved', 'sent_back', 'refused', 'superseded'))`);
    await q.query(`ALTER TABLE advice_requests DROP CONSTRAINT IF EXISTS advice_requests_status_check`);
    await q.query(`ALTER TABLE advice_requests ADD CONSTRAINT advice_requests_status_check CHECK (status IN ('open', 'advised', 'lapsed', 'withdrawn'))`);
    await q.query(`ALTER TABLE case_closures DROP CONSTRAINT IF EXISTS case_closures_reason_check`);
    await q.query(`ALTER TABLE case_closures ADD CONSTRAINT case_closures_reason_check CHECK (reason IN ('term_completed', 'ended_early', 'withdrawn'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_closures DROP CONSTRAINT case_closures_reason_check`);
    await q.query(`ALTER TABLE case_closures ADD CONSTRAINT case_closures_reason_check CHECK (reason IN ('term_completed', 'ended_early'))`);
    await q.query(`ALTER TABLE advice_requests DROP CONSTRAINT advice_requests_status_check`);
    await q.query(`ALTER TABLE advice_requests ADD CONSTRAINT advice_requests_status_check CHECK (status IN ('open', 'advised', 'lapsed'))`);
    await q.query(`ALTER TABLE budget_releases DROP CONSTRAINT budget_releases_status_check`);
    await q.query(`ALTER TABLE budget_releases ADD CONSTRAINT budget_releases_status_check CHECK (status IN ('requested', 'approved', 'sent_back', 'refused'))`);
    await q.query(`ALTER TABLE decisions DROP CONSTRAINT decisions_status_check`);
    await q.query(`ALTER TABLE decisions ADD CONSTRAINT decisions_status_check CHECK (status IN ('proposed', 'approved', 'sent_back'))`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT approvals_superseded_with_reason`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT approvals_check`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_check CHECK ((status = 'pending') = (decided_by IS NULL))`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT approvals_status_check`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_status_check CHECK (status IN ('pending', 'approved', 'sent_back'))`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT approvals_subject_type_check`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_subject_type_check CHECK (subject_type IN ('decision', 'budget_release'))`);
    await q.query(`DROP TABLE IF EXISTS case_terminations`);
  }
}
