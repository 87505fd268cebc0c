import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first half of the case process: submitted roadmap versions, quality assessment, advice of
 * the councils, the decision and a generic approvals table (four eyes enforced here too).
 */
export class FirstHalf1764316800000 implements MigrationInterface {
  name = 'FirstHalf1764316800000';

  async up(q: QueryRunner): Promise<void> {
    // A submitted version is frozen: the same append-only table, a second kind.
    await q.query(`ALTER TABLE roadmap_versions DROP CONSTRAINT roadmap_versions_kind_check`);
    await q.query(`ALTER TABLE roadmap_versions ADD CONSTRAINT roadmap_versions_kind_check CHECK (kind IN ('draft', 'submitted'))`);
    await q.query(`ALTER TABLE cases ADD COLUMN submitted_roadmap_version int`);

    await q.query(`
      CREATE TABLE assessor_assignments (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        roadmap_version int NOT NULL,
        assessor_id uuid NOT NULL REFERENCES users(id),
        assigned_by uuid NOT NULL REFERENCES users(id),
        status text NOT NULL CHECK (status IN ('assigned', 'conflict_declared', 'cleared', 'submitted')),
        conflict_note text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (case_id, roadmap_version, assessor_id),
        CHECK (assessor_id <> assigned_by)
      )`);

    await q.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY,
        assignment_id uuid NOT NULL UNIQUE REFERENCES assessor_assignments(id),
        case_id uuid NOT NULL REFERENCES cases(id),
        roadmap_version int NOT NULL,
        assessor_id uuid NOT NULL REFERENCES users(id),
        gate_answers jsonb NOT NULL,
        scores jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE
      )`);

    await q.query(`
      CREATE TABLE assessment_conclusions (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        roadmap_version int NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('proceed', 'revise', 'reject')),
        remarks text NOT NULL,
        concluded_by uuid NOT NULL REFERENCES users(id),
        concluded_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        UNIQUE (case_id, roadmap_version)
      )`);

    await q.query(`
      CREATE TABLE advice_requests (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        round int NOT NULL,
        council_code text NOT NULL,
        roadmap_version int NOT NULL,
        requested_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'advised', 'lapsed')),
        position text CHECK (position IN ('positive', 'conditional', 'negative')),
        advice_text text,
        advised_by uuid REFERENCES users(id),
        advised_at timestamptz,
        closed_at timestamptz,
        UNIQUE (case_id, round, council_code),
        CHECK ((status = 'advised') = (position IS NOT NULL AND advice_text IS NOT NULL AND advised_by IS NOT NULL)),
        CHECK (advised_at IS NULL OR advised_at <= due_at)
      )`);
    await q.query(`CREATE INDEX advice_requests_council_idx ON advice_requests (council_code, status, due_at)`);

    await q.query(`
      CREATE TABLE approvals (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        subject_type text NOT NULL CHECK (subject_type IN ('decision', 'budget_release')),
        subject_id uuid NOT NULL,
        summary text NOT NULL,
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'approved', 'sent_back')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        comment text,
        UNIQUE (subject_type, subject_id),
        -- Four eyes, whoever writes the row: nobody approves their own request.
        CONSTRAINT approvals_four_eyes CHECK (decided_by IS NULL OR decided_by <> requested_by),
        CHECK ((status = 'pending') = (decided_by IS NULL))
      )`);
    await q.query(`CREATE INDEX approvals_pending_idx ON approvals (status, requested_at)`);

    await q.query(`
      CREATE TABLE decisions (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        version int NOT NULL CHECK (version > 0),
        outcome text NOT NULL CHECK (outcome IN ('approve', 'approve_with_conditions', 'reject')),
        rationale text NOT NULL,
        conditions text,
        considerations jsonb NOT NULL,
        proposed_by uuid NOT NULL REFERENCES users(id),
        proposed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('proposed', 'approved', 'sent_back')),
        idempotency_key text NOT NULL UNIQUE,
        UNIQUE (case_id, version),
        CHECK (outcome <> 'approve_with_conditions' OR conditions IS NOT NULL)
      )`);

    await q.query(`ALTER TABLE case_tasks ADD COLUMN subject_id uuid`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON assessor_assignments, advice_requests, approvals, decisions TO cluster_app`);
    await q.query(`GRANT SELECT, INSERT ON assessments, assessment_conclusions TO cluster_app`);
    for (const table of ['assessments', 'assessment_conclusions']) {
      await q.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['decisions', 'approvals', 'advice_requests', 'assessment_conclusions', 'assessments', 'assessor_assignments']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`ALTER TABLE case_tasks DROP COLUMN IF EXISTS subject_id`);
    await q.query(`ALTER TABLE cases DROP COLUMN IF EXISTS submitted_roadmap_version`);
    await q.query(`ALTER TABLE roadmap_versions DROP CONSTRAINT roadmap_versions_kind_check`);
    await q.query(`ALTER TABLE roadmap_versions ADD CONSTRAINT roadmap_versions_kind_check CHECK (kind IN ('draft'))`);
  }
}
