import { startHttpStack, type HttpStack } from '../support/http-stack';
import { httpCalls } from '../support/http-calls';
import { caseAt, type StagedCase } from '../support/case-stages';

/**
 * The inbox tells the truth (issue 13, item 4), over HTTP with the real API, worker and Temporal
 * dev server: an approval whose request can no longer succeed leaves every approver's list and
 * inbox with its reason in words ("vervallen"), and nobody can still decide it.
 * - Two releases over one earmark that cannot hold both: approving one refuses the other.
 * - A case that closes (an early end) or is withdrawn: whatever of it waited for approval lapses,
 *   and its budget shows no money awaiting approval.
 */
describe('a stale approval leaves the inbox', () => {
  let s: HttpStack;
  let dialogue: StagedCase;
  let decision: StagedCase;
  const { post, get } = httpCalls(() => s);

  type Approval = { id: string; status: string; comment: string | null; mayDecide: boolean };
  const pendingIds = async (subject: string) => ((await get(subject, 'approvals?limit=200')).body.items as Approval[]).map((a) => a.id);
  const lapsed = async (id: string) => ((await get('approver', 'approvals?status=superseded&limit=200')).body.items as Approval[]).find((a) => a.id === id);
  const inboxSubjects = async (subject: string) => ((await get(subject, 'tasks?limit=200')).body.items as { subjectId: string | null }[]).map((t) => t.subjectId);
  const release = (caseId: string, amountCents: number, justification: string) =>
    post(dialogue.accountManager, `cases/${caseId}/budget/releases`, { instrumentCode: 'IWT', amountCents, justification, basis: 'Dialoogcyclus 1: op koers' });

  beforeAll(async () => {
    s = await startHttpStack();
    const options = (label: string) => ({ label, accountManager: 'handler2', assessors: ['assessor-a', 'assessor-b'] as [string, string] });
    [dialogue, decision] = await Promise.all([caseAt(s, 'structured_dialogue', options('vervallen-budget')), caseAt(s, 'decision', options('vervallen-besluit'))]);
    const { id } = dialogue;
    expect((await post(dialogue.representative, `cases/${id}/dialogue/cycles/1/report`, { milestoneProgress: 'Op schema.', portfolioProgress: 'Vijf projecten.' })).status).toBe(200);
    expect((await post(dialogue.accountManager, `cases/${id}/dialogue/cycles/1/outcome`, { outcome: 'on_track', actions: [] })).status).toBe(200);
  }, 240_000);
  afterAll(() => s?.stop());

  it('approving one release refuses the one that no longer fits: out of every list and inbox, the sums in words, not decidable', async () => {
    const { id } = dialogue;
    // The earmark holds € 1.000.000,00: two tranches of € 600.000,00 cannot both be released.
    const first = await release(id, 60_000_000, 'Eerste tranche.');
    const second = await release(id, 60_000_000, 'Tweede tranche, tegelijk gevraagd.');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await pendingIds('approver')).toEqual(expect.arrayContaining([first.body.approvalId, second.body.approvalId]));
    expect(await inboxSubjects('approver')).toEqual(expect.arrayContaining([first.body.approvalId, second.body.approvalId]));

    expect((await post('approver', `approvals/${first.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met de eerste tranche.' })).status).toBe(200);

    expect(await pendingIds('approver')).not.toContain(second.body.approvalId);
    expect(await inboxSubjects('approver')).not.toContain(second.body.approvalId);
    expect(await lapsed(second.body.approvalId)).toMatchObject({
      status: 'superseded',
      mayDecide: false,
      comment: expect.stringMatching(/^Vervallen: er blijft van de reservering voor IWT nog €\s400\.000,00 over, te weinig voor deze vrijgave van €\s600\.000,00\. \/ Closed without a decision/),
    });
    const late = await post('approver', `approvals/${second.body.approvalId}/decision`, { decision: 'approve', comment: 'Toch akkoord.' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/^Hierover is al beslist: vervallen op \d\d\/\d\d\/\d{4} om \d\d:\d\d\. .* \/ This was already decided: closed without a decision/);
    expect((await get('auditor', `cases/${id}/budget`)).body).toEqual([
      expect.objectContaining({ instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 0, releasedCents: 60_000_000, remainingCents: 40_000_000 }),
    ]);
    const trail = (await get('auditor', `cases/${id}/audit?limit=200`)).body.items as { action: string; payload: Record<string, unknown> }[];
    expect(trail.filter((e) => e.action === 'approval.superseded')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ approvalId: second.body.approvalId, cause: 'no_room' }) })]);
  });

  it('a case that ends early leaves no money awaiting approval: its pending release lapses with the case', async () => {
    const { id } = dialogue;
    const third = await release(id, 10_000_000, 'Derde tranche, voor het einde.');
    expect(third.status).toBe(201);
    const closure = await post(dialogue.accountManager, `cases/${id}/closure`, { explanation: 'Opgegaan in een Europees partnerschap.', finalReport: 'Eindrapport van de cluster.' });
    expect(closure.status).toBe(202);
    expect((await post('approver', `approvals/${closure.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met de beëindiging.' })).body).toMatchObject({ stage: 'closed' });

    expect(await pendingIds('approver')).not.toContain(third.body.approvalId);
    expect(await inboxSubjects('approver')).not.toContain(third.body.approvalId);
    expect(await lapsed(third.body.approvalId)).toMatchObject({ comment: 'Vervallen: het dossier is afgesloten (Opgegaan in een Europees partnerschap.). / Closed without a decision: the case was closed (Opgegaan in een Europees partnerschap.).' });
    for (const line of (await get('auditor', `cases/${id}/budget`)).body as { requestedCents: number }[]) expect(line.requestedCents).toBe(0);
  });

  it('a withdrawn case takes its pending decision out of every inbox, with the withdrawal as reason', async () => {
    const { id, approvalId } = decision;
    expect(await pendingIds('approver')).toContain(approvalId);
    const withdrawal = await post(decision.accountManager, `cases/${id}/withdrawal`, { reason: 'De cluster trekt zijn kandidatuur in.' });
    expect(withdrawal.status).toBe(202);
    expect((await post('approver', `approvals/${withdrawal.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met de intrekking.' })).body).toMatchObject({ stage: 'closed' });

    expect(await pendingIds('approver')).not.toContain(approvalId);
    expect(await inboxSubjects('approver')).not.toContain(approvalId);
    expect(await lapsed(approvalId!)).toMatchObject({ comment: expect.stringMatching(/^Vervallen: het dossier is ingetrokken \(De cluster trekt zijn kandidatuur in\.\)\./) });
    const late = await post('approver', `approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Toch akkoord.' });
    expect(late.status).toBe(409);
    expect((await get('auditor', `cases/${id}`)).body).toMatchObject({ stage: 'closed', pendingTasks: [] });
  });
});
