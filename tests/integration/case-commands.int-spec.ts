import { randomUUID } from 'node:crypto';
import { AuditService } from '@cluster/audit';
import { CaseCommandsService, CaseQueriesService } from '@cluster/cases';
import { DomainError } from '@cluster/domain';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { caseDetails, demoUser, meta, roadmap } from '../support/fixtures';

describe('case commands on PostgreSQL', () => {
  let t: TestDatabase;
  let commands: CaseCommandsService;
  let queries: CaseQueriesService;
  let audit: AuditService;

  beforeAll(async () => {
    t = await createTestDatabase();
    audit = new AuditService(t.db);
    commands = new CaseCommandsService(t.db, audit);
    queries = new CaseQueriesService(t.db);
  });
  afterAll(() => t.drop());

  const ctx = (caseId: string, key: string, subject = 'handler') => ({ meta: meta(subject), workflowId: `case-${caseId}`, idempotencyKey: key });

  it('registers a case once, however often the activity is retried', async () => {
    const caseId = randomUUID();
    const first = await commands.registerCase(caseId, caseDetails(), ctx(caseId, 'reg-1'));
    const again = await commands.registerCase(caseId, caseDetails(), ctx(caseId, 'reg-1'));
    expect(again).toEqual(first);
    expect(first).toMatchObject({ stage: 'roadmap_drafting', policyVersion: 1, latestRoadmapVersion: null });
    expect(first.pendingTasks).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'roadmap_drafting', assigneeRef: demoUser('handler').id }), expect.objectContaining({ kind: 'roadmap_drafting', assigneeRef: `case:${caseId}` })]));
    const trail = await audit.listCase(caseId, 50, 0);
    expect(trail.items.map((e) => e.action)).toEqual(['case.created']);
  });

  it('refuses an account manager who is not a case handler, and writes nothing', async () => {
    const caseId = randomUUID();
    const attempt = commands.registerCase(caseId, caseDetails({ accountManagerId: demoUser('auditor').id }), ctx(caseId, 'reg-bad'));
    await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(queries.get(caseId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await audit.listCase(caseId, 50, 0)).total).toBe(0);
  });

  it('numbers concurrent drafts without gaps or duplicates and keeps the chain intact', async () => {
    const caseId = randomUUID();
    await commands.registerCase(caseId, caseDetails(), ctx(caseId, `reg-${caseId}`));
    const saved = await Promise.all(
      Array.from({ length: 8 }, (_, i) => commands.saveRoadmapDraft(caseId, roadmap({ horizonYear: 2030 + i }), ctx(caseId, `d-${caseId}-${i}`))),
    );
    expect(saved.map((s) => s.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await queries.get(caseId)).latestRoadmapVersion).toBe(8);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true, checked: 9 });
  });

  it('saves a retried draft once', async () => {
    const caseId = randomUUID();
    await commands.registerCase(caseId, caseDetails(), ctx(caseId, `reg-${caseId}`));
    const a = await commands.saveRoadmapDraft(caseId, roadmap(), ctx(caseId, 'same-key'));
    const b = await commands.saveRoadmapDraft(caseId, roadmap(), ctx(caseId, 'same-key'));
    expect(b).toEqual(a);
    expect(await queries.roadmapVersions(caseId)).toHaveLength(1);
  });

  it('refuses a draft outside the drafting stage, and changes nothing', async () => {
    const caseId = randomUUID();
    await commands.registerCase(caseId, caseDetails(), ctx(caseId, `reg-${caseId}`));
    await t.sql(t.ownerUrl, `UPDATE cases SET stage = 'advice' WHERE id = $1`, [caseId]);
    const attempt = commands.saveRoadmapDraft(caseId, roadmap(), ctx(caseId, `late-${caseId}`));
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'STAGE_CONFLICT' });
    expect(await queries.roadmapVersions(caseId)).toHaveLength(0);
    expect((await audit.listCase(caseId, 50, 0)).total).toBe(1);
  });

  it('lists cases by stage and by name, paged', async () => {
    const name = `Zoekbare cluster ${randomUUID().slice(0, 8)}`;
    const caseId = randomUUID();
    await commands.registerCase(caseId, caseDetails({ clusterName: name }), ctx(caseId, `reg-${caseId}`));
    const found = await queries.list({ search: name.slice(-8), limit: 10, offset: 0 });
    expect(found.items.map((c) => c.id)).toEqual([caseId]);
    const drafting = await queries.list({ stage: 'roadmap_drafting', limit: 2, offset: 0 });
    expect(drafting.items).toHaveLength(2);
    expect(drafting.total).toBeGreaterThanOrEqual(4);
    expect((await queries.list({ stage: 'closed', limit: 10, offset: 0 })).total).toBe(0);
  });
});
