import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One inbox task per pending approval (issue 13, "the inbox tells the truth"). The foundation's
 * "one open task of a kind per case and assignee" let a second release request of the same case
 * open no task at all, so an approver's inbox showed one of two approvals waiting. Approval tasks
 * are now unique per approval (they are opened in the approval's own transaction, so nothing is
 * retried into a duplicate); every other kind keeps the per-case rule that makes retried
 * activities harmless.
 */
export class ApprovalTasks1765699200000 implements MigrationInterface {
  name = 'ApprovalTasks1765699200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX case_tasks_one_open_idx`);
    await q.query(`
      CREATE UNIQUE INDEX case_tasks_one_open_idx ON case_tasks (case_id, kind, coalesce(assignee_ref, ''))
      WHERE status = 'open' AND kind <> 'approval'`);
    await q.query(`CREATE UNIQUE INDEX case_tasks_one_open_approval_idx ON case_tasks (subject_id) WHERE status = 'open' AND kind = 'approval'`);
    await q.query(`ALTER TABLE case_tasks ADD CONSTRAINT case_tasks_approval_names_subject CHECK (kind <> 'approval' OR subject_id IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_tasks DROP CONSTRAINT IF EXISTS case_tasks_approval_names_subject`);
    await q.query(`DROP INDEX IF EXISTS case_tasks_one_open_approval_idx`);
    await q.query(`DROP INDEX IF EXISTS case_tasks_one_open_idx`);
    await q.query(`
      CREATE UNIQUE INDEX case_tasks_one_open_idx ON case_tasks (case_id, kind, coalesce(assignee_ref, ''))
      WHERE status = 'open'`);
  }
}
