import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: shown in the app and, as an outbox, delivered by e-mail. A row is written in the
 * same transaction as the reminder or escalation it announces; delivery state lives on the row.
 */
export class Notifications1764489600000 implements MigrationInterface {
  name = 'Notifications1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        recipient_id uuid NOT NULL REFERENCES users(id),
        case_id uuid REFERENCES cases(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz,
        idempotency_key text NOT NULL UNIQUE,
        email_to text,
        email_status text NOT NULL CHECK (email_status IN ('pending', 'sent', 'failed', 'skipped')),
        email_attempts int NOT NULL DEFAULT 0 CHECK (email_attempts >= 0),
        email_next_attempt_at timestamptz,
        email_last_error text,
        email_sent_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_outbox_idx ON notifications (email_next_attempt_at) WHERE email_status = 'pending'`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON notifications TO cluster_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notifications`);
  }
}
