import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The test trajectory: milestones (action × instrument, amount foreseen, due date, evidence) and its evaluation. */
export class Trajectory1764662400000 implements MigrationInterface {
  name = 'Trajectory1764662400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN pilot boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE trajectory_milestones (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        position int NOT NULL,
        action text NOT NULL,
        instrument_code text NOT NULL,
        amount_foreseen_cents bigint NOT NULL CHECK (amount_foreseen_cents >= 0),
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('planned', 'met')),
        evidence text,
        evidence_by uuid REFERENCES users(id),
        met_at timestamptz,
        UNIQUE (case_id, position),
        CHECK ((status = 'met') = (evidence IS NOT NULL AND met_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE trajectory_evaluations (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        outcome text NOT NULL CHECK (outcome IN ('proceed', 'extend', 'stop')),
        evaluation text NOT NULL,
        evaluated_by uuid NOT NULL REFERENCES users(id),
        evaluated_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE TRIGGER trajectory_evaluations_append_only BEFORE UPDATE OR DELETE ON trajectory_evaluations FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON trajectory_milestones TO cluster_app`);
    await q.query(`GRANT SELECT, INSERT ON trajectory_evaluations TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS trajectory_evaluations`);
    await q.query(`DROP TABLE IF EXISTS trajectory_milestones`);
    await q.query(`ALTER TABLE cases DROP COLUMN IF EXISTS pilot`);
  }
}
