import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Auditors search the trail across cases by actor, action and organisation over a period. */
export class AuditSearch1764921600000 implements MigrationInterface {
  name = 'AuditSearch1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, occurred_at)`);
    await q.query(`CREATE INDEX audit_events_action_idx ON audit_events (action text_pattern_ops, occurred_at)`);
    await q.query(`CREATE INDEX audit_events_organisation_idx ON audit_events (organisation, occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS audit_events_organisation_idx`);
    await q.query(`DROP INDEX IF EXISTS audit_events_action_idx`);
    await q.query(`DROP INDEX IF EXISTS audit_events_actor_idx`);
  }
}
