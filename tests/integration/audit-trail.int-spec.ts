import { randomUUID } from 'node:crypto';
import { AuditService } from '@cluster/audit';
import { CaseCommandsService } from '@cluster/cases';
import { createTestDatabase, TEST_APP_USER, type TestDatabase } from '../support/test-database';
import { caseDetails, meta, roadmap } from '../support/fixtures';

describe('audit trail in PostgreSQL', () => {
  let t: TestDatabase;
  let audit: AuditService;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditService(t.db);
    const commands = new CaseCommandsService(t.db, audit);
    caseId = randomUUID();
    await commands.registerCase(caseId, caseDetails(), { meta: meta(), workflowId: `case-${caseId}`, idempotencyKey: `k-${caseId}` });
    for (let i = 0; i < 3; i++) {
      await commands.saveRoadmapDraft(caseId, roadmap({ horizonYear: 2030 + i }), {
        meta: meta('handler'),
        workflowId: `case-${caseId}`,
        idempotencyKey: `draft-${i}`,
      });
    }
  });
  afterAll(() => t.drop());

  it('is connected as a role that does not own the audit table', async () => {
    const [row] = await t.sql<{ owner: string; current: string }>(t.appUrl, `SELECT tableowner AS owner, current_user AS current FROM pg_tables WHERE tablename = 'audit_events'`);
    expect(row!.current).toBe(TEST_APP_USER);
    expect(row!.owner).not.toBe(TEST_APP_USER);
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET reason = 'changed'`],
    ['DELETE', `DELETE FROM audit_events`],
    ['TRUNCATE', `TRUNCATE audit_events`],
  ])('refuses %s for the application role', async (_op, statement) => {
    await expect(t.sql(t.appUrl, statement)).rejects.toThrow(/append-only|permission denied/);
    const [count] = await t.sql<{ n: string }>(t.ownerUrl, 'SELECT count(*) AS n FROM audit_events');
    expect(Number(count!.n)).toBeGreaterThan(0);
  });

  it('refuses UPDATE and DELETE even for the owner, through the trigger', async () => {
    await expect(t.sql(t.ownerUrl, `UPDATE audit_events SET reason = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(t.ownerUrl, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });

  it('keeps one intact hash chain per case', async () => {
    const result = await audit.verifyCase(caseId);
    expect(result).toMatchObject({ ok: true, checked: 4, firstBreak: null });
  });

  it('detects a row tampered with by a superuser who bypasses the trigger', async () => {
    await t.sql(t.adminUrl, `
      BEGIN;
      ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only;
      UPDATE audit_events SET payload = jsonb_set(payload, '{sha256}', '"forged"') WHERE case_id = $1 AND seq = 3;
      ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only;
      COMMIT;`.replace('$1', `'${caseId}'`));
    const result = await audit.verifyCase(caseId);
    expect(result.ok).toBe(false);
    expect(result.firstBreak).toMatchObject({ seq: 3, problem: 'hash_mismatch' });
  });
});
