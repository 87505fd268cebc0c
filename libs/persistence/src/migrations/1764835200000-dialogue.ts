import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Structured dialogue cycles (report, outcome, actions) and the closure of a case with its final report. */
export class Dialogue1764835200000 implements MigrationInterface {
  name = 'Dialogue1764835200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dialogue_cycles (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        cycle int NOT NULL CHECK (cycle > 0),
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('awaiting_report', 'reported', 'concluded')),
        report jsonb,
        reported_by uuid REFERENCES users(id),
        reported_at timestamptz,
        report_missing_at timestamptz,
        outcome text CHECK (outcome IN ('on_track', 'attention', 'off_track')),
        actions jsonb,
        outcome_by uuid REFERENCES users(id),
        outcome_at timestamptz,
        UNIQUE (case_id, cycle)
      )`);
    await q.query(`
      CREATE TABLE case_closures (
        case_id uuid PRIMARY KEY REFERENCES cases(id),
        reason text NOT NULL CHECK (reason IN ('term_completed', 'ended_early')),
        explanation text NOT NULL,
        final_report text NOT NULL,
        closed_by uuid NOT NULL REFERENCES users(id),
        closed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE TRIGGER case_closures_append_only BEFORE UPDATE OR DELETE ON case_closures FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON dialogue_cycles TO cluster_app`);
    await q.query(`GRANT SELECT, INSERT ON case_closures TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS case_closures`);
    await q.query(`DROP TABLE IF EXISTS dialogue_cycles`);
  }
}
