import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Selection across a call's candidates (issue 14, libs/domain/src/selection.ts): a candidate
 * waits in the new stage `selection`; a policy owner proposes the selection, an approver other
 * than the proposer approves it (four eyes, here as in the approvals table). The proposal keeps
 * the comparison it was made on (and its hash), so the record shows what each candidate was
 * compared with; once decided it does not change.
 */
export class Selection1765958400000 implements MigrationInterface {
  name = 'Selection1765958400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_stage_check`);
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_stage_check CHECK (stage IN
        ('roadmap_drafting','quality_assessment','selection','advice','decision','test_trajectory','partnership_agreement','structured_dialogue','closed'))`);
    await q.query(`ALTER TABLE case_closures DROP CONSTRAINT IF EXISTS case_closures_reason_check`);
    await q.query(`ALTER TABLE case_closures ADD CONSTRAINT case_closures_reason_check CHECK (reason IN ('term_completed', 'ended_early', 'withdrawn', 'not_selected'))`);
    await q.query(`ALTER TABLE calls DROP CONSTRAINT IF EXISTS calls_status_check`);
    await q.query(`ALTER TABLE calls ADD CONSTRAINT calls_status_check CHECK (status IN ('open', 'registration_closed', 'selection_decided'))`);

    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_subject_type_check`);
    await q.query(`
      ALTER TABLE approvals ADD CONSTRAINT approvals_subject_type_check CHECK (subject_type IN
        ('decision', 'budget_release', 'policy_version', 'assessment_rejection', 'trajectory_stop', 'agreement_early_end', 'case_withdrawal', 'call_selection'))`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_case_unless_policy`);
    // A call's selection belongs to no one case: its approval is in the system stream, like a policy version's.
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_case_unless_policy CHECK ((case_id IS NULL) = (subject_type IN ('policy_version', 'call_selection')))`);

    await q.query(`
      CREATE TABLE call_selections (
        id uuid PRIMARY KEY,
        call_id uuid NOT NULL REFERENCES calls(id),
        status text NOT NULL CHECK (status IN ('proposed', 'approved', 'sent_back')),
        selected uuid[] NOT NULL,
        -- [{ caseId, reason }] for every eligible candidate not selected.
        not_selected jsonb NOT NULL CHECK (jsonb_typeof(not_selected) = 'array'),
        -- [{ caseId, outcome, reason }]: what the approval does to each candidate still running.
        outcomes jsonb NOT NULL CHECK (jsonb_typeof(outcomes) = 'array'),
        reason text NOT NULL CHECK (length(reason) BETWEEN 10 AND 2000),
        -- The candidates side by side as the proposer saw them, and its SHA-256 (in the audit events).
        comparison jsonb NOT NULL,
        comparison_sha256 text NOT NULL CHECK (comparison_sha256 ~ '^[0-9a-f]{64}$'),
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        comment text,
        idempotency_key text NOT NULL UNIQUE,
        CONSTRAINT call_selections_four_eyes CHECK (decided_by IS NULL OR decided_by <> proposed_by),
        CHECK ((status = 'proposed') = (decided_by IS NULL))
      )`);
    // One proposal at a time, and one approved selection per call.
    await q.query(`CREATE UNIQUE INDEX call_selections_one_proposed ON call_selections (call_id) WHERE status = 'proposed'`);
    await q.query(`CREATE UNIQUE INDEX call_selections_one_approved ON call_selections (call_id) WHERE status = 'approved'`);
    // Decided is final: only a proposal's decision may still be written.
    await q.query(`
      CREATE FUNCTION call_selections_decided_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'proposed' THEN
          RAISE EXCEPTION 'a decided selection does not change' USING ERRCODE = 'check_violation', CONSTRAINT = 'call_selections_decided_final';
        END IF;
        IF NEW.selected IS DISTINCT FROM OLD.selected OR NEW.outcomes IS DISTINCT FROM OLD.outcomes OR NEW.comparison IS DISTINCT FROM OLD.comparison THEN
          RAISE EXCEPTION 'a proposal is decided as it was proposed' USING ERRCODE = 'check_violation', CONSTRAINT = 'call_selections_decided_final';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER call_selections_decided_final BEFORE UPDATE ON call_selections FOR EACH ROW EXECUTE FUNCTION call_selections_decided_final()`);
    await q.query(`CREATE TRIGGER call_selections_no_delete BEFORE DELETE ON call_selections FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON call_selections TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS call_selections`);
    await q.query(`DROP FUNCTION IF EXISTS call_selections_decided_final()`);
    await q.query(`DELETE FROM case_tasks WHERE subject_id IN (SELECT id FROM approvals WHERE subject_type = 'call_selection')`);
    await q.query(`DELETE FROM approvals WHERE subject_type = 'call_selection'`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_case_unless_policy`);
    await q.query(`ALTER TABLE approvals ADD CONSTRAINT approvals_case_unless_policy CHECK ((case_id IS NULL) = (subject_type = 'policy_version'))`);
    await q.query(`ALTER TABLE approvals DROP CONSTRAINT IF EXISTS approvals_subject_type_check`);
    await q.query(`
      ALTER TABLE approvals ADD CONSTRAINT approvals_subject_type_check CHECK (subject_type IN
        ('decision', 'budget_release', 'policy_version', 'assessment_rejection', 'trajectory_stop', 'agreement_early_end', 'case_withdrawal'))`);
    // case_closures keeps 'not_selected' in its check: closures are append-only, and a rolled-back
    // schema must still hold the candidates that were closed by a selection.
    await q.query(`UPDATE calls SET status = 'registration_closed' WHERE status = 'selection_decided'`);
    await q.query(`ALTER TABLE calls DROP CONSTRAINT IF EXISTS calls_status_check`);
    await q.query(`ALTER TABLE calls ADD CONSTRAINT calls_status_check CHECK (status IN ('open', 'registration_closed'))`);
    // Candidates still waiting go back to where they waited before there was a selection stage.
    await q.query(`UPDATE cases SET stage = 'quality_assessment' WHERE stage = 'selection'`);
    await q.query(`ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_stage_check`);
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_stage_check CHECK (stage IN
        ('roadmap_drafting','quality_assessment','advice','decision','test_trajectory','partnership_agreement','structured_dialogue','closed'))`);
  }
}
