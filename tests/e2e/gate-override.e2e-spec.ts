import { caseAt, userId, type StagedCase } from '../support/case-stages';
import { proposal } from '../support/first-half';
import { eventually, httpCalls } from '../support/http-calls';
import { startHttpStack, type HttpStack } from '../support/http-stack';

/**
 * Gate questions bind (issue 13): a proposal to approve while an assessor answered a gate
 * question "no" needs a justified override; the approver sees it in the approval, and the
 * approver's four-eyes approval of the decision is the override's approval.
 */
describe('a "no" gate answer binds the decision over HTTP', () => {
  let s: HttpStack;
  let c: StagedCase;
  const { post, get } = httpCalls(() => s);
  const justification = 'De economische meerwaarde blijkt uit de engagementen van de partners in de overeenkomst.';

  beforeAll(async () => {
    s = await startHttpStack();
    // An account manager who is also an approver: the four-eyes refusal is then the only one left.
    const created = await post('admin', 'users', { subject: 'am-approver', displayName: 'Nele Aerts', email: 'nele.aerts@example.be', organisation: 'EWI', roles: ['case_handler', 'approver'], reason: 'Accountmanager die ook goedkeurt' });
    expect(created.status).toBe(201);
    c = await caseAt(s, 'advised', { label: 'poort', accountManager: 'am-approver', assessors: ['assessor-a', 'assessor-b'], gateAnsweredNo: 'G2' });
  }, 120_000);
  afterAll(() => s?.stop());

  it('refuses to approve without an override, and a justification that says nothing, naming the field', async () => {
    const without = await post('am-approver', `cases/${c.id}/decision/proposals`, proposal());
    expect(without.status).toBe(400);
    expect(without.body.fieldErrors).toEqual([{ field: 'gateOverride', messages: [expect.stringMatching(/^Poortvraag G2 werd door een beoordelaar met "nee" beantwoord.* \/ Gate question G2 was answered "no"/)] }]);
    const short = await post('am-approver', `cases/${c.id}/decision/proposals`, { ...proposal(), gateOverride: { justification: 'Zie dossier.' } });
    expect(short.status).toBe(400);
    expect(short.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['gateOverride.justification']);
    // Nothing was proposed: no proposal in the case's trail.
    expect((await get('auditor', `cases/${c.id}/audit?action=decision.proposed`)).body.total).toBe(0);
  });

  it('with an override, the approver reads it; the proposer cannot approve (403), another approver can', async () => {
    const proposed = await post('am-approver', `cases/${c.id}/decision/proposals`, { ...proposal(), gateOverride: { justification } });
    expect(proposed.status).toBe(201);
    const approvalId = proposed.body.approvalId as string;

    const waiting = await eventually(() => get('approver', 'approvals'), (r) => (r.body.items as { id: string }[]).some((a) => a.id === approvalId));
    const shown = (waiting.body.items as { id: string; summary: string }[]).find((a) => a.id === approvalId)!;
    expect(shown.summary).toContain('Wijkt af van poortvraag G2');
    expect(shown.summary).toContain(justification);

    const own = await post('am-approver', `approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Akkoord.' });
    expect(own.status).toBe(403);
    expect(own.body.error).toBe('FORBIDDEN');
    const approved = await post('approver', `approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Afwijking aanvaard: de engagementen volstaan.' });
    expect(approved.status).toBe(200);
    expect(approved.body.stage).toBe('test_trajectory');

    // In the trail: the override with the answers it goes against, proposed by one and approved by another.
    const trail = (await get('auditor', `cases/${c.id}/audit?limit=200`)).body.items as { action: string; actorId: string; payload: Record<string, unknown> }[];
    const assessorA = await userId(s, 'assessor-a');
    const override = { justification, overrides: [{ code: 'G2', assessorId: assessorA, justification: 'Nee: de meerwaarde is niet aangetoond.' }] };
    expect(trail.find((e) => e.action === 'decision.proposed')).toMatchObject({ actorId: await userId(s, 'am-approver'), payload: expect.objectContaining({ gateOverride: override }) });
    expect(trail.find((e) => e.action === 'approval.requested')!.payload.summary).toContain('Wijkt af van poortvraag G2');
    expect(trail.find((e) => e.action === 'decision.approved')).toMatchObject({ actorId: await userId(s, 'approver'), payload: expect.objectContaining({ gateOverride: override }) });
  });
});
