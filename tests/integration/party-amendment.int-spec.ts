import { randomUUID } from 'node:crypto';
import { PartyAmendmentService } from '@cluster/cases';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createServices } from '../support/services';
import { actor, caseDetails, demoUser, meta } from '../support/fixtures';

/**
 * Amending a case's lead actors and partners against a real PostgreSQL: the case row, the
 * amendment record and the audit event commit together or not at all; the database itself keeps
 * the record append-only and refuses an amendment that changes nothing or leaves no lead actor.
 */
describe('amending who a case is about', () => {
  let t: TestDatabase;
  let services: ReturnType<typeof createServices>;
  let amendments: PartyAmendmentService;
  const manager = actor('handler');

  beforeAll(async () => {
    t = await createTestDatabase();
    services = createServices(t.db);
    amendments = new PartyAmendmentService(t.db, services.audit);
  });
  afterAll(() => t.drop());

  const newCase = async () => {
    const id = randomUUID();
    await services.commands.registerCase(id, caseDetails({ leadActors: ['Catalisti vzw'], partners: ['UGent', 'VITO'] }), { meta: meta(), workflowId: `case-${id}`, idempotencyKey: `reg-${id}` });
    return id;
  };
  const change = { leadActors: ['Catalisti vzw', 'BASF Antwerpen'], partners: ['UGent'], reason: 'BASF trekt mee; VITO stapt uit.' };

  it('changes the case, keeps before and after, and writes one audit event; a retried request changes nothing more', async () => {
    const id = await newCase();
    const requestId = randomUUID();
    const first = await amendments.amend(id, change, manager, requestId);
    expect(first).toMatchObject({ seq: 1, before: { leadActors: ['Catalisti vzw'], partners: ['UGent', 'VITO'] }, after: { leadActors: change.leadActors, partners: change.partners }, reason: change.reason, amendedBy: manager.userId });
    expect(await amendments.amend(id, change, manager, requestId)).toEqual(first);

    const row = await t.db.repos.cases.findById(id);
    expect({ leadActors: row!.leadActors, partners: row!.partners }).toEqual({ leadActors: change.leadActors, partners: change.partners });
    expect(await amendments.list(id)).toEqual([first]);
    const trail = await services.audit.listCase(id, 50, 0);
    const events = trail.items.filter((e) => e.action === 'case.parties_amended');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: manager.userId, reason: change.reason, payload: { amendmentId: first.id, from: first.before, to: first.after, stage: 'roadmap_drafting' } });
    expect((await services.audit.verifyCase(id)).ok).toBe(true);

    const second = await amendments.amend(id, { ...change, partners: ['UGent', 'imec'], reason: 'imec sluit aan.' }, manager, randomUUID());
    expect(second).toMatchObject({ seq: 2, before: first.after });
  });

  it('refuses someone who is not the account manager, an amendment that changes nothing, and a closed case, leaving everything as it was', async () => {
    const id = await newCase();
    const before = await services.audit.listCase(id, 50, 0);
    await expect(amendments.amend(id, change, actor('handler2'), randomUUID())).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/^Alleen de accountmanager/) });
    await expect(amendments.amend(id, { leadActors: ['Catalisti vzw'], partners: ['UGent', 'VITO'], reason: 'Niets' }, manager, randomUUID())).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ field: 'leadActors' }), expect.objectContaining({ field: 'partners' })],
    });
    await t.sql(t.ownerUrl, `UPDATE cases SET stage = 'closed' WHERE id = $1`, [id]);
    await expect(amendments.amend(id, change, manager, randomUUID())).rejects.toMatchObject({ code: 'STAGE_CONFLICT', message: expect.stringMatching(/^Het dossier is afgesloten/) });
    expect((await t.db.repos.cases.findById(id))!.leadActors).toEqual(['Catalisti vzw']);
    expect(await amendments.list(id)).toEqual([]);
    expect((await services.audit.listCase(id, 50, 0)).total).toBe(before.total);
  });

  it('is guarded by the database too: append only, no empty lead actors, no change that changes nothing', async () => {
    const id = await newCase();
    const amended = await amendments.amend(id, change, manager, randomUUID());
    const insert = (leadActors: string[], before: string[]) =>
      t.sql(
        t.appUrl,
        `INSERT INTO case_party_amendments (id, case_id, seq, lead_actors_before, partners_before, lead_actors, partners, reason, amended_by, amended_at, idempotency_key)
         VALUES ($1, $2, 9, $3, '[]', $4, '[]', 'Rechtstreeks', $5, now(), $6)`,
        [randomUUID(), id, JSON.stringify(before), JSON.stringify(leadActors), demoUser('handler').id, randomUUID()],
      );
    await expect(insert([], ['A'])).rejects.toThrow(/check constraint/);
    await expect(insert(['A'], ['A'])).rejects.toThrow(/case_party_amendments_changes_something/);
    await expect(t.sql(t.appUrl, `UPDATE case_party_amendments SET reason = 'Anders' WHERE id = $1`, [amended.id])).rejects.toThrow();
    await expect(t.sql(t.appUrl, `DELETE FROM case_party_amendments WHERE id = $1`, [amended.id])).rejects.toThrow();
    expect(await amendments.list(id)).toEqual([amended]);
  });
});
