import { Client, Connection } from '@temporalio/client';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { eventually, httpCalls } from '../support/http-calls';
import { caseAt, userId, type StagedCase } from '../support/case-stages';

/**
 * Four eyes for what ends a case early, over HTTP with the real API, worker and Temporal dev
 * server: a rejection at the assessment, a stopped test trajectory, an agreement ended early and
 * a withdrawal are each proposed by the account manager (who also holds the approver role here,
 * so that only four eyes can refuse them), refused for that same person (403), approved by a
 * second approver, and only then closed: the stage, the audit trail with its actors and, for the
 * withdrawal, no term child of the case left running.
 */
describe('four eyes for rejection, stop, early end and withdrawal', () => {
  let s: HttpStack;
  let temporal: Client;
  let connection: Connection;
  const cases: Record<'assessed' | 'trajectory' | 'dialogue' | 'advice', StagedCase> = {} as never;
  let dualId: string;

  const { post, get } = httpCalls(() => s);
  const trail = async (id: string) =>
    ((await get('auditor', `cases/${id}/audit?limit=200`)).body.items as { action: string; actorId: string; actorRole: string }[]).map((e) => ({ action: e.action, actorId: e.actorId, actorRole: e.actorRole }));
  const runningChildren = async (caseId: string) => {
    const running: string[] = [];
    for await (const w of temporal.workflow.list({ query: `ExecutionStatus = 'Running'` })) if (w.workflowId.startsWith(`case-${caseId}`)) running.push(w.workflowId);
    return running;
  };

  beforeAll(async () => {
    s = await startHttpStack();
    connection = await Connection.connect({ address: s.config.TEMPORAL_ADDRESS });
    temporal = new Client({ connection, namespace: s.config.TEMPORAL_NAMESPACE });
    const created = await post('admin', 'users', { subject: 'dual', displayName: 'Dirk Dubbel', email: 'dual@example.be', organisation: 'EWI', roles: ['case_handler', 'approver'], reason: 'Accountmanager die ook goedkeurt' });
    expect(created.status).toBe(201);
    dualId = created.body.id;
    const options = (label: string) => ({ label, accountManager: 'handler2', assessors: ['assessor-a', 'assessor-b'] as [string, string] });
    [cases.assessed, cases.trajectory, cases.dialogue, cases.advice] = await Promise.all([
      caseAt(s, 'assessed', options('afwijzing')),
      caseAt(s, 'test_trajectory', options('stopzetting')),
      caseAt(s, 'structured_dialogue', options('beeindiging')),
      caseAt(s, 'advice', options('intrekking')),
    ]);
    // The account manager who proposes holds the approver role too: only four eyes can stop them.
    const handover = await post('admin', 'handovers', { fromUserId: await userId(s, 'handler2'), toUserId: dualId, reason: 'Herverdeling van dossiers' });
    expect(handover.body.caseIds).toHaveLength(4);
  }, 180_000);
  afterAll(async () => {
    await connection?.close();
    await s?.stop();
  });

  /** The proposer cannot approve (403, in words); another approver can, and the case closes. */
  async function approvedBySecondPerson(caseId: string, approvalId: string, kind: string) {
    const own = await post('dual', `approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Mijn eigen voorstel.' });
    expect(own.status).toBe(403);
    expect(own.body.message).toMatch(/Four eyes/);
    expect((await get('auditor', `cases/${caseId}`)).body.stage).not.toBe('closed');
    const pending = (await get('approver', 'approvals')).body.items.find((a: { id: string }) => a.id === approvalId);
    expect(pending).toMatchObject({ subjectType: kind, status: 'pending', requestedBy: dualId, requestedByName: 'Dirk Dubbel' });
    const approved = await post('approver', `approvals/${approvalId}/decision`, { decision: 'approve', comment: 'Akkoord, vier ogen.' });
    expect(approved.status).toBe(200);
    expect(approved.body).toEqual({ approvalId, kind, decision: 'approve', stage: 'closed' });
    expect((await get('auditor', `cases/${caseId}`)).body).toMatchObject({ stage: 'closed', pendingTasks: [] });
    const terminations = (await get('auditor', `cases/${caseId}/terminations`)).body;
    expect(terminations.at(-1)).toEqual(expect.objectContaining({ kind, status: 'approved', proposedBy: dualId, proposedByName: 'Dirk Dubbel', decidedByName: 'Chris Maes', comment: 'Akkoord, vier ogen.', approvalId }));
  }

  it('a rejection at the assessment: proposed (202, nothing changes), refused for the proposer, approved by another', async () => {
    const { id } = cases.assessed;
    const proposed = await post('dual', `cases/${id}/assessment/conclusion`, { outcome: 'reject', remarks: 'Onvoldoende hefboom en internationale positie.' });
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ kind: 'assessment_rejection', stage: 'quality_assessment', proposedBy: dualId });
    // While it waits, the case does not move on, and says why.
    const proceed = await post('dual', `cases/${id}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Toch door.' });
    expect(proceed.status).toBe(409);
    expect(proceed.body.message).toMatch(/afwijzing na de beoordeling.* \/ A proposed rejection at the assessment awaits approval/);
    await approvedBySecondPerson(id, proposed.body.approvalId, 'assessment_rejection');
    const events = await trail(id);
    expect(events.slice(-4)).toEqual([
      { action: 'assessment.rejection_proposed', actorId: dualId, actorRole: 'case_handler' },
      { action: 'approval.requested', actorId: dualId, actorRole: 'case_handler' },
      { action: 'approval.approved', actorId: await userId(s, 'approver'), actorRole: 'approver' },
      { action: 'assessment.concluded_reject', actorId: await userId(s, 'approver'), actorRole: 'approver' },
    ]);
  });

  it('a stopped test trajectory: proposed through the evaluation, approved by another; the milestone term ends', async () => {
    const { id } = cases.trajectory;
    const proposed = await post('dual', `cases/${id}/trajectory/evaluation`, { outcome: 'stop', evaluation: 'De instrumenten sluiten niet aan op de roadmap.' });
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ kind: 'trajectory_stop', stage: 'test_trajectory' });
    expect((await post('dual', `cases/${id}/withdrawal`, { reason: 'Een tweede voorstel ernaast.' })).status).toBe(409);
    await approvedBySecondPerson(id, proposed.body.approvalId, 'trajectory_stop');
    expect((await trail(id)).at(-1)).toEqual({ action: 'trajectory.evaluated_stop', actorId: await userId(s, 'approver'), actorRole: 'approver' });
    await eventually(() => runningChildren(id), (r) => r.length === 0);
  });

  it('an agreement ended early: the closure before the term is a proposal; approved, the earmark goes back', async () => {
    const { id } = cases.dialogue;
    const proposed = await post('dual', `cases/${id}/closure`, { explanation: 'De cluster gaat op in een Europees partnerschap.', finalReport: 'Eindrapport: pilootlijn gerealiseerd.' });
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ kind: 'agreement_early_end', stage: 'structured_dialogue' });
    await approvedBySecondPerson(id, proposed.body.approvalId, 'agreement_early_end');
    expect((await get('auditor', `cases/${id}/dialogue`)).body.closure).toMatchObject({ reason: 'ended_early', closedBy: dualId, finalReport: 'Eindrapport: pilootlijn gerealiseerd.' });
    expect((await get('auditor', `cases/${id}/budget`)).body).toEqual([expect.objectContaining({ instrumentCode: 'IWT', earmarkedCents: 0, remainingCents: 0 })]);
    expect((await trail(id)).at(-1)).toEqual({ action: 'case.closed', actorId: await userId(s, 'approver'), actorRole: 'approver' });
    await eventually(() => runningChildren(id), (r) => r.length === 0);
  });

  it('a withdrawal during the advice: its councils are told, their terms end, no child workflow is left running', async () => {
    const { id, representative } = cases.advice;
    expect(await eventually(() => runningChildren(id), (r) => r.length === 4)).toHaveLength(4); // the case and three advice terms
    const short = await post('dual', `cases/${id}/withdrawal`, { reason: 'kort' });
    expect(short.status).toBe(400);
    expect(short.body.fieldErrors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await post('handler', `cases/${id}/withdrawal`, { reason: 'Niet mijn dossier, toch intrekken.' })).status).toBe(403);

    // First the cluster's representative proposes, and the approver sends it back: nothing changes.
    const byCluster = await post(representative, `cases/${id}/withdrawal`, { reason: 'De cluster overweegt zijn kandidatuur in te trekken.' });
    expect(byCluster.status).toBe(202);
    const sentBack = await post('approver', `approvals/${byCluster.body.approvalId}/decision`, { decision: 'send_back', comment: 'Eerst het bestuur laten beslissen.' });
    expect(sentBack.body).toEqual({ approvalId: byCluster.body.approvalId, kind: 'case_withdrawal', decision: 'send_back', stage: 'advice' });
    expect((await get('auditor', `cases/${id}`)).body.stage).toBe('advice');

    const proposed = await post('dual', `cases/${id}/withdrawal`, { reason: 'Het bestuur van de cluster trekt de kandidatuur in.' });
    expect(proposed.status).toBe(202);
    expect(proposed.body).toMatchObject({ kind: 'case_withdrawal', stage: 'advice', proposedBy: dualId });
    await approvedBySecondPerson(id, proposed.body.approvalId, 'case_withdrawal');
    const terminations = (await get('auditor', `cases/${id}/terminations`)).body;
    expect(terminations.map((t: { status: string }) => t.status)).toEqual(['sent_back', 'approved']);
    expect((await get('auditor', `cases/${id}`)).body).toMatchObject({ stage: 'closed', pendingTasks: [] });
    expect((await get('auditor', `advice-requests?caseId=${id}`)).body.items.map((r: { status: string }) => r.status)).toEqual(['withdrawn', 'withdrawn', 'withdrawn']);
    expect((await get('council-ri', 'tasks')).body.items.filter((t: { caseId: string }) => t.caseId === id)).toEqual([]);
    expect((await get('auditor', `cases/${id}/dialogue`)).body.closure).toMatchObject({ reason: 'withdrawn', explanation: 'Het bestuur van de cluster trekt de kandidatuur in.' });
    const approverId = await userId(s, 'approver');
    expect((await trail(id)).slice(-3)).toEqual([
      { action: 'approval.requested', actorId: dualId, actorRole: 'case_handler' },
      { action: 'approval.approved', actorId: approverId, actorRole: 'approver' },
      { action: 'case.closed', actorId: approverId, actorRole: 'approver' },
    ]);
    expect((await trail(id)).filter((e) => e.action === 'advice.round_closed')).toEqual([]);
    await eventually(() => runningChildren(id), (r) => r.length === 0);
  });
});
