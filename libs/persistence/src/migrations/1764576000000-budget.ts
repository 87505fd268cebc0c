import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The budget ledger. Every movement (earmark, release, release of an unused earmark) is one
 * append-only row; a trigger keeps each instrument's line in step, and the line's CHECK makes
 * "released ≤ earmarked" a fact of the database: an over-release cannot commit, whoever writes it.
 * Amounts are integer cents (bigint), never floating point.
 */
export class Budget1764576000000 implements MigrationInterface {
  name = 'Budget1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budget_lines (
        case_id uuid NOT NULL REFERENCES cases(id),
        instrument_code text NOT NULL,
        earmarked_cents bigint NOT NULL DEFAULT 0,
        released_cents bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (case_id, instrument_code),
        CONSTRAINT budget_released_within_earmark CHECK (released_cents >= 0 AND released_cents <= earmarked_cents)
      )`);

    await q.query(`
      CREATE TABLE budget_releases (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        instrument_code text NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        justification text NOT NULL,
        basis text NOT NULL,
        requested_by uuid NOT NULL REFERENCES users(id),
        requested_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('requested', 'approved', 'sent_back', 'refused')),
        approval_id uuid REFERENCES approvals(id),
        idempotency_key text NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX budget_releases_case_idx ON budget_releases (case_id, instrument_code)`);

    await q.query(`
      CREATE TABLE budget_movements (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        instrument_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('earmark', 'release', 'unearmark')),
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        release_id uuid UNIQUE REFERENCES budget_releases(id),
        reference text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        -- A release is booked exactly once: it names its request, and each request books once.
        CHECK ((kind = 'release') = (release_id IS NOT NULL))
      )`);

    await q.query(`
      CREATE FUNCTION apply_budget_movement() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO budget_lines (case_id, instrument_code) VALUES (NEW.case_id, NEW.instrument_code)
          ON CONFLICT DO NOTHING;
        UPDATE budget_lines SET
          earmarked_cents = earmarked_cents + CASE NEW.kind WHEN 'earmark' THEN NEW.amount_cents WHEN 'unearmark' THEN -NEW.amount_cents ELSE 0 END,
          released_cents = released_cents + CASE NEW.kind WHEN 'release' THEN NEW.amount_cents ELSE 0 END
        WHERE case_id = NEW.case_id AND instrument_code = NEW.instrument_code;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER budget_movements_apply AFTER INSERT ON budget_movements FOR EACH ROW EXECUTE FUNCTION apply_budget_movement()`);
    await q.query(`CREATE TRIGGER budget_movements_append_only BEFORE UPDATE OR DELETE ON budget_movements FOR EACH ROW EXECUTE FUNCTION reject_change()`);
    await q.query(`CREATE TRIGGER budget_movements_no_truncate BEFORE TRUNCATE ON budget_movements FOR EACH STATEMENT EXECUTE FUNCTION reject_change()`);
    // Lines change only through movements: the app may read them, never write them; the trigger
    // runs with its owner's rights to keep them in step.
    await q.query(`ALTER FUNCTION apply_budget_movement() SECURITY DEFINER SET search_path = public`);

    await q.query(`GRANT SELECT ON budget_lines TO cluster_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON budget_releases TO cluster_app`);
    await q.query(`GRANT SELECT, INSERT ON budget_movements TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS budget_movements`);
    await q.query(`DROP FUNCTION IF EXISTS apply_budget_movement()`);
    await q.query(`DROP TABLE IF EXISTS budget_releases`);
    await q.query(`DROP TABLE IF EXISTS budget_lines`);
  }
}
