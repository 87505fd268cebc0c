import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A kept answer also keeps the audit heads its commit left (stream → {seq, hash}), so that a
 * retried attempt hands its workflow the very head the first attempt would have (issue 15: the
 * head travels in the command's answer instead of a signal per commit). NULL for answers kept
 * before this column existed.
 */
export class CommandAuditHeads1766217600000 implements MigrationInterface {
  name = 'CommandAuditHeads1766217600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE command_results ADD COLUMN audit_heads json`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE command_results DROP COLUMN IF EXISTS audit_heads`);
  }
}
