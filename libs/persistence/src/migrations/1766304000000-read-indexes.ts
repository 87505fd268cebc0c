import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reads of issue 15 (found with EXPLAIN on 1,000 seeded cases):
 * - the case list's order (newest first, then id) was a sort of every case per page;
 * - a case's open tasks (case page, each row of the case list, the "overdue" filter) were a
 *   sequential scan of all tasks: the one-open index leaves approvals out, so it cannot serve;
 * - the inbox asks for open tasks by assignee, or by role where nobody is named: one partial
 *   index for each side of its OR (PostgreSQL combines them), also serving handovers.
 */
export class ReadIndexes1766304000000 implements MigrationInterface {
  name = 'ReadIndexes1766304000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_list_order_idx ON cases (created_at DESC, id)`);
    await q.query(`CREATE INDEX case_tasks_open_case_idx ON case_tasks (case_id, due_at, created_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX case_tasks_open_assignee_idx ON case_tasks (assignee_ref, due_at) WHERE status = 'open'`);
    await q.query(`CREATE INDEX case_tasks_open_role_idx ON case_tasks (assignee_role, due_at) WHERE status = 'open' AND assignee_ref IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS case_tasks_open_role_idx`);
    await q.query(`DROP INDEX IF EXISTS case_tasks_open_assignee_idx`);
    await q.query(`DROP INDEX IF EXISTS case_tasks_open_case_idx`);
    await q.query(`DROP INDEX IF EXISTS cases_list_order_idx`);
  }
}
