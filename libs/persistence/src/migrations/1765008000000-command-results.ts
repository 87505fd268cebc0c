import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The answer of every command, kept under its idempotency key in the command's own transaction,
 * so that a retried attempt (its first one committed, then the worker died) answers exactly what
 * the first one did instead of rebuilding it from rows that have moved on since.
 */
export class CommandResults1765008000000 implements MigrationInterface {
  name = 'CommandResults1765008000000';

  async up(q: QueryRunner): Promise<void> {
    // json, not jsonb: the answer is kept as written (key order included) and never queried into.
    await q.query(`
      CREATE TABLE command_results (
        idempotency_key text PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        command text NOT NULL,
        result json,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX command_results_case_idx ON command_results (case_id)`);
    await q.query(`CREATE TRIGGER command_results_append_only BEFORE UPDATE OR DELETE ON command_results FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`CREATE TRIGGER command_results_no_truncate BEFORE TRUNCATE ON command_results FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`);
    await q.query(`GRANT SELECT, INSERT ON command_results TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS command_results`);
  }
}
