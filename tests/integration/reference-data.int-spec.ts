import { AuditService, SYSTEM_STREAM } from '@cluster/audit';
import { DEMO_USERS, POLICY_V1, ReferenceDataService } from '@cluster/reference-data';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('reference data and users setup (run on every start)', () => {
  let t: TestDatabase;
  let seeds: ReferenceDataService;
  let audit: AuditService;

  beforeAll(async () => {
    t = await createTestDatabase(); // has already run ensurePolicy and ensureDemoUsers once
    audit = new AuditService(t.db);
    seeds = new ReferenceDataService(t.db, audit);
  });
  afterAll(() => t.drop());

  it('loads the concept note’s criteria, councils and instruments as version 1, once', async () => {
    expect(await seeds.ensurePolicy()).toBeNull();
    const policy = await t.db.repos.policies.latest();
    expect(policy).toMatchObject({ version: 1 });
    expect(policy!.content.criteria).toHaveLength(10);
    expect(policy!.content.gateQuestions).toHaveLength(3);
    expect(policy!.content.councils.map((c) => [c.code, c.adviceTermDays])).toEqual([['RI', 30], ['VRWI', 30], ['SERV', 30]]);
    expect(policy!.content.instruments.map((i) => i.code)).toEqual(['IWT', 'PMV', 'TINA', 'STS', 'ESF', 'STEM']);
    expect(policy!.content).toEqual(POLICY_V1);
  });

  it('adds demo users only once', async () => {
    expect(await seeds.ensureDemoUsers()).toBe(0);
    expect((await t.db.repos.users.list()).length).toBe(DEMO_USERS.length);
  });

  it('creates the bootstrap administrator once, with an audit event', async () => {
    const admin = { subject: 'first-admin', displayName: 'Eerste beheerder', email: 'beheer@example.be' };
    expect(await seeds.ensureAdmin(admin)).toBe(true);
    expect(await seeds.ensureAdmin(admin)).toBe(false);
    expect(await t.db.repos.users.findBySubject('first-admin')).toMatchObject({ roles: ['admin'], active: true });
    const events = await t.db.read((r) => r.audit.listStream(SYSTEM_STREAM, 100, 0));
    expect(events.items.filter((e) => e.action === 'user.created' && e.payload.subject === 'first-admin')).toHaveLength(1);
    expect(await audit.verifyStream(SYSTEM_STREAM)).toMatchObject({ ok: true });
  });
});
