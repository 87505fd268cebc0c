import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents where the process produces them (issue 13): the signed agreement, dialogue reports
 * and milestone evidence join roadmap and advice attachments in `documents`; and the Flemish
 * Government's actual decision (number, date, signed document) is kept, one record per approved
 * proposal, corrected only by a new record that says why.
 */
export class ProcessDocuments1765612800000 implements MigrationInterface {
  name = 'ProcessDocuments1765612800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_owner_type_check`);
    await q.query(`
      ALTER TABLE documents ADD CONSTRAINT documents_owner_type_check CHECK (owner_type IN
        ('roadmap_version', 'advice_request', 'agreement_version', 'dialogue_cycle', 'trajectory_milestone', 'government_decision'))`);

    await q.query(`
      CREATE TABLE government_decisions (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        decision_id uuid NOT NULL REFERENCES decisions(id),
        -- The government's form (libs/domain/src/government-decision.ts), e.g. VR 2027 1503 DOC.0123.
        number text NOT NULL CHECK (length(number) <= 32 AND number ~ '^VR [0-9]{4} [0-9]{4} (DOC|MED)\\.[0-9]{4}(/[0-9]{1,2}[A-Z]{0,3})?$'),
        decided_on date NOT NULL,
        document_id uuid NOT NULL REFERENCES documents(id),
        -- A correction names the one record it corrects (each is corrected at most once: a line).
        supersedes_id uuid UNIQUE REFERENCES government_decisions(id),
        correction_reason text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL,
        CONSTRAINT government_decisions_correction_has_reason CHECK ((supersedes_id IS NULL) = (correction_reason IS NULL)),
        CONSTRAINT government_decisions_reason_length CHECK (correction_reason IS NULL OR length(btrim(correction_reason)) BETWEEN 10 AND 2000),
        CONSTRAINT government_decisions_not_ahead CHECK (decided_on <= (recorded_at AT TIME ZONE 'Europe/Brussels')::date),
        CONSTRAINT government_decisions_not_itself CHECK (supersedes_id IS NULL OR supersedes_id <> id)
      )`);
    // One first record per approved proposal; everything after it is a correction.
    await q.query(`CREATE UNIQUE INDEX government_decisions_one_per_decision ON government_decisions (decision_id) WHERE supersedes_id IS NULL`);
    await q.query(`CREATE INDEX government_decisions_case_idx ON government_decisions (case_id, recorded_at)`);
    await q.query(`CREATE TRIGGER government_decisions_append_only BEFORE UPDATE OR DELETE ON government_decisions FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`CREATE TRIGGER government_decisions_no_truncate BEFORE TRUNCATE ON government_decisions FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT ON government_decisions TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS government_decisions`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_owner_type_check`);
    await q.query(`ALTER TABLE documents ADD CONSTRAINT documents_owner_type_check CHECK (owner_type IN ('roadmap_version', 'advice_request'))`);
  }
}
