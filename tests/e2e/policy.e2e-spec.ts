import type { PolicyDocument } from '@cluster/domain';
import { POLICY_V1 } from '@cluster/reference-data';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser } from '../support/fixtures';

/**
 * Reference data is versioned and its publication is four eyes: an administrator proposes a
 * version (no case uses it yet), another administrator approves it (published: new cases pin it,
 * running ones keep theirs) or sends it back. A version a case cannot run on is refused at once.
 */
describe('reference data versions over HTTP', () => {
  let s: HttpStack;
  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  const as = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
  const newCase = async () =>
    (await s.http().post('/api/cases').set(await as('handler')).send({ clusterName: 'Cluster', domain: 'Domein', leadActors: ['Trekker'], partners: [], accountManagerId: demoUser('handler').id }).expect(201)).body;
  const latest = async () => (await s.http().get('/api/policy-versions/latest').set(await as('auditor')).expect(200)).body as { version: number; content: PolicyDocument };
  // Each answers with its response (checked for `status`): supertest's request is a thenable, so an async helper cannot hand it on unsent.
  const propose = async (status: number, content: PolicyDocument, reason: string, subject = 'admin') =>
    s.http().post('/api/policy-versions').set(await as(subject)).send({ content, reason }).expect(status);
  const decide = async (status: number, proposalId: string, subject: string, decision: 'approve' | 'send_back', comment = 'Nagekeken tegen de conceptnota.') =>
    s.http().post(`/api/policy-proposals/${proposalId}/decision`).set(await as(subject)).send({ decision, comment }).expect(status);
  const systemEvents = async (action: string) =>
    (await s.http().get(`/api/audit?action=${action}&limit=200`).set(await as('auditor')).expect(200)).body.items as { caseId: string | null; actorId: string; payload: Record<string, unknown>; reason: string | null }[];
  const withServ = (days: number): PolicyDocument => ({ ...POLICY_V1, councils: POLICY_V1.councils.map((c) => (c.code === 'SERV' ? { ...c, adviceTermDays: days } : c)) });

  it('publishes a proposed version only when another administrator approves it; then new cases pin it', async () => {
    const before = await newCase();
    expect(before.policyVersion).toBe(1);
    const v2 = { ...withServ(45), councils: withServ(45).councils.map((c) => (c.code === 'SERV' ? { ...c, suspensions: [{ from: '2027-07-15', to: '2027-08-15', reason: 'Zomerreces' }] } : c)) };
    const proposed = await propose(201, v2, 'SERV: 45 dagen en zomerreces');
    expect(proposed.body).toEqual({ proposalId: expect.any(String), approvalId: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), status: 'proposed', basedOn: 1 });
    const { proposalId } = proposed.body as { proposalId: string };

    // Proposed is not published: new cases still start on version 1.
    expect((await newCase()).policyVersion).toBe(1);
    expect((await latest()).version).toBe(1);
    const waiting = (await s.http().get('/api/policy-proposals?status=proposed').set(await as('admin2')).expect(200)).body;
    expect(waiting.items).toEqual([expect.objectContaining({ id: proposalId, proposedBy: demoUser('admin').id, status: 'proposed', reason: 'SERV: 45 dagen en zomerreces' })]);

    // Four eyes: the proposer is refused, with the reason; a case's approver cannot decide it either.
    const own = await decide(403, proposalId, 'admin', 'approve');
    expect(own.body.message).toMatch(/^Vier ogen: een andere beheerder dan wie de versie voorstelde.* \/ Four eyes/);
    await s.http().post(`/api/approvals/${proposed.body.approvalId}/decision`).set(await as('approver')).send({ decision: 'approve', comment: 'Akkoord.' }).expect(403);
    // The approvers' inbox lists cases' approvals only.
    const inbox = (await s.http().get('/api/approvals').set(await as('approver')).expect(200)).body.items as { id: string }[];
    expect(inbox.map((a) => a.id)).not.toContain(proposed.body.approvalId);

    const approved = await decide(200, proposalId, 'admin2', 'approve', 'Termijn SERV nagekeken.');
    expect(approved.body).toEqual({ proposalId, decision: 'approve', status: 'published', version: 2 });
    await decide(409, proposalId, 'admin2', 'approve');

    const after = await newCase();
    expect(after.policyVersion).toBe(2);
    expect((await s.http().get(`/api/cases/${before.id}`).set(await as('handler')).expect(200)).body.policyVersion).toBe(1);
    expect((await latest()).content.councils.find((c) => c.code === 'SERV')!.adviceTermDays).toBe(45);
    const versions = (await s.http().get('/api/policy-versions').set(await as('auditor')).expect(200)).body as { version: number; createdBy: string; approvedBy: string | null }[];
    expect(versions.map((v) => [v.version, v.createdBy, v.approvedBy])).toEqual([
      [2, demoUser('admin').id, demoUser('admin2').id],
      [1, 'system', null],
    ]);

    // The proposal, its approval and the publication are in the system stream (no case).
    const [proposal] = (await systemEvents('policy.version_proposed')).filter((e) => e.payload.proposalId === proposalId);
    expect(proposal).toMatchObject({ caseId: null, actorId: demoUser('admin').id, reason: 'SERV: 45 dagen en zomerreces' });
    const [approval] = (await systemEvents('approval.approved')).filter((e) => e.payload.subjectId === proposalId);
    expect(approval).toMatchObject({ caseId: null, actorId: demoUser('admin2').id, reason: 'Termijn SERV nagekeken.', payload: expect.objectContaining({ subjectType: 'policy_version' }) });
    const [published] = (await systemEvents('policy.version_published')).filter((e) => e.payload.proposalId === proposalId);
    expect(published).toMatchObject({ caseId: null, actorId: demoUser('admin2').id, payload: expect.objectContaining({ version: 2, proposedBy: demoUser('admin').id, approvedBy: demoUser('admin2').id }) });
    const detail = (await s.http().get(`/api/policy-proposals/${proposalId}`).set(await as('auditor')).expect(200)).body;
    expect(detail).toMatchObject({ status: 'published', version: 2, decidedBy: demoUser('admin2').id, comment: 'Termijn SERV nagekeken.' });
  });

  it('refuses a version a case cannot run on with 400 naming the field, before anyone approves it', async () => {
    const withoutVrwi = { ...POLICY_V1, councils: POLICY_V1.councils.filter((c) => c.code !== 'VRWI') };
    const refused = await propose(400, withoutVrwi, 'Zonder VRWI');
    expect(refused.body.fieldErrors).toEqual([{ field: 'content.councils', messages: [expect.stringMatching(/^De adviesraad VRWI ontbreekt.* \/ The council VRWI is missing/)] }]);

    // The version an admin once published alone: one council, one criterion, no reminders.
    const thin = { ...POLICY_V1, minAssessors: 1, councils: [{ ...POLICY_V1.councils[0]!, reminderDaysBefore: [] }], criteria: POLICY_V1.criteria.slice(0, 1), selectionWeights: POLICY_V1.selectionWeights!.slice(0, 1), milestoneReminderDaysBefore: [] };
    const fields = ((await propose(400, thin, 'Mager')).body.fieldErrors as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(['content.minAssessors', 'content.criteria', 'content.councils', 'content.councils', 'content.milestoneReminderDaysBefore', 'content.councils.0.reminderDaysBefore']);
    const gates = await propose(400, { ...POLICY_V1, gateQuestions: POLICY_V1.gateQuestions.slice(0, 2), instruments: [] }, 'Twee poortvragen');
    expect(gates.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['content.gateQuestions', 'content.instruments']);

    const bad = { ...POLICY_V1, councils: POLICY_V1.councils.map((c, i) => (i === 0 ? { ...c, reminderDaysBefore: [40] } : c)), scoreScale: { min: 5, max: 1 } };
    expect((await propose(400, bad, 'fout')).body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['content.councils.0.reminderDaysBefore', 'content.scoreScale']);
    await propose(403, POLICY_V1, 'x', 'handler');
    await s.http().get('/api/policy-versions/99').set(await as('auditor')).expect(404);
    // Nothing of it reached the record: no proposal, no version.
    expect((await s.http().get('/api/policy-proposals?status=proposed').set(await as('admin')).expect(200)).body.total).toBe(0);
  });

  it('leaves a sent-back version unpublished, and refuses one whose base was superseded', async () => {
    const start = (await latest()).version;
    const back = (await propose(201, withServ(40), 'SERV 40 dagen')).body as { proposalId: string };
    expect((await decide(200, back.proposalId, 'admin2', 'send_back', 'Eerst de SERV horen.')).body).toEqual({ proposalId: back.proposalId, decision: 'send_back', status: 'sent_back', version: null });
    expect((await latest()).version).toBe(start);
    await decide(409, back.proposalId, 'admin2', 'approve');

    // Two proposals on the same version: the first approved wins, the second would undo it.
    const first = (await propose(201, withServ(35), 'SERV 35 dagen')).body as { proposalId: string };
    const second = (await propose(201, withServ(50), 'SERV 50 dagen', 'admin2')).body as { proposalId: string };
    expect((await decide(200, first.proposalId, 'admin2', 'approve')).body.version).toBe(start + 1);
    const stale = await decide(409, second.proposalId, 'admin', 'approve');
    expect(stale.body.message).toMatch(new RegExp(`versie ${start + 1} gepubliceerd`));
    expect((await latest()).version).toBe(start + 1);
    await decide(200, second.proposalId, 'admin', 'send_back', 'Opnieuw voorstellen op de nieuwe versie.');
  });
});
