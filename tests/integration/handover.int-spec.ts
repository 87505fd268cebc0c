import { randomUUID } from 'node:crypto';
import { HandoverService } from '@cluster/cases';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createServices } from '../support/services';
import { actor, caseDetails, demoUser, meta } from '../support/fixtures';

describe('handing cases over to a colleague', () => {
  let t: TestDatabase;
  let services: ReturnType<typeof createServices>;
  let handover: HandoverService;

  beforeAll(async () => {
    t = await createTestDatabase();
    services = createServices(t.db);
    handover = new HandoverService(t.db, services.audit);
  });
  afterAll(() => t.drop());

  it("moves the account manager's cases and open tasks in one action, recorded per case", async () => {
    const ids = [randomUUID(), randomUUID()];
    const closed = randomUUID();
    for (const id of [...ids, closed]) {
      await services.commands.registerCase(id, caseDetails({ accountManagerId: demoUser('handler2').id }), { meta: meta(), workflowId: `case-${id}`, idempotencyKey: `reg-${id}` });
    }
    await t.sql(t.ownerUrl, `UPDATE cases SET stage = 'closed' WHERE id = $1`, [closed]);
    const result = await handover.handOver(actor('admin'), demoUser('handler2').id, demoUser('assessor-a').id, 'Ouderschapsverlof', randomUUID());
    expect(result.caseIds.sort()).toEqual([...ids].sort()); // a closed case is read-only, also here
    expect((await t.db.repos.cases.findById(closed))!.accountManagerId).toBe(demoUser('handler2').id);
    expect(result.tasksMoved).toBe(2);
    for (const id of ids) {
      const row = await t.db.repos.cases.findById(id);
      expect(row!.accountManagerId).toBe(demoUser('assessor-a').id);
      const tasks = await t.db.repos.tasks.listOpenForCase(id);
      expect(tasks.filter((x) => x.assigneeRef === demoUser('assessor-a').id).map((x) => x.kind)).toEqual(['roadmap_drafting']);
      const trail = await services.audit.listCase(id, 50, 0);
      expect(trail.items.at(-1)).toMatchObject({ action: 'case.account_manager_changed', reason: 'Ouderschapsverlof', actorRole: 'admin' });
    }
  });

  it('refuses a colleague who is not a case handler, and changes nothing', async () => {
    await expect(handover.handOver(actor('admin'), demoUser('assessor-a').id, demoUser('auditor').id, 'x', randomUUID())).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await t.db.repos.cases.list({ accountManagerId: demoUser('assessor-a').id, limit: 10, offset: 0 })).total).toBe(2);
  });
});
