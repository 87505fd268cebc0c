import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The project portfolio of a case (issue 14, item 3). One row per project as it stands now; every
 * change is in the case's audit trail, written in the same transaction. The database keeps the
 * money and status rules itself: amounts are cents and never negative; an amount is granted only
 * to a running, finished or stopped project and never more than was requested; the end is not
 * before the start; and what a project serves points into a submitted roadmap version of its case.
 */
export class Projects1765785600000 implements MigrationInterface {
  name = 'Projects1765785600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_projects (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        title text NOT NULL CHECK (length(btrim(title)) >= 2),
        lead_organisation text NOT NULL CHECK (length(btrim(lead_organisation)) >= 2),
        roadmap_version int NOT NULL,
        serves_kind text NOT NULL CHECK (serves_kind IN ('objective', 'milestone')),
        serves_index int NOT NULL CHECK (serves_index >= 0),
        instrument_code text NOT NULL CHECK (length(instrument_code) >= 1),
        requested_cents bigint NOT NULL CHECK (requested_cents >= 0),
        granted_cents bigint CHECK (granted_cents >= 0),
        status text NOT NULL CHECK (status IN ('idea', 'submitted', 'running', 'finished', 'stopped')),
        start_date date,
        end_date date,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL,
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (case_id, roadmap_version) REFERENCES roadmap_versions (case_id, version),
        CONSTRAINT case_projects_granted_when_granted CHECK (granted_cents IS NULL OR status IN ('running', 'finished', 'stopped')),
        CONSTRAINT case_projects_granted_within_request CHECK (granted_cents IS NULL OR granted_cents <= requested_cents),
        CONSTRAINT case_projects_end_after_start CHECK (start_date IS NULL OR end_date IS NULL OR end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX case_projects_case_idx ON case_projects (case_id, status, created_at)`);
    // Projects are changed, never removed: a dropped project is stopped and stays on the record.
    await q.query(`CREATE TRIGGER case_projects_no_delete BEFORE DELETE ON case_projects FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`CREATE TRIGGER case_projects_no_truncate BEFORE TRUNCATE ON case_projects FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON case_projects TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_projects`);
  }
}
