import { randomUUID } from 'node:crypto';
import type { AuditService } from '@cluster/audit';
import { createServices } from '../support/services';
import type { AdviceService, AssessmentService, CaseCommandsService, CommandContext, DecisionService } from '@cluster/cases';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { caseDetails, demoUser, meta, roadmap } from '../support/fixtures';
import { assessment, proposal } from '../support/first-half';

/** The first half's services on a real PostgreSQL, driven directly (as activities would). */
describe('first-half services on PostgreSQL', () => {
  let t: TestDatabase;
  let audit: AuditService;
  let commands: CaseCommandsService;
  let assessments: AssessmentService;
  let advice: AdviceService;
  let decisions: DecisionService;

  beforeAll(async () => {
    t = await createTestDatabase();
    ({ audit, commands, assessment: assessments, advice, decisions } = createServices(t.db));
  });
  afterAll(() => t.drop());

  const ctx = (subject: string, key: string = randomUUID()): CommandContext => ({ meta: meta(subject), workflowId: 'wf', idempotencyKey: key });

  /** A case whose advice round is open. */
  async function caseInAdvice(): Promise<{ caseId: string; requests: { requestId: string; councilCode: string; dueAt: string }[] }> {
    const caseId = randomUUID();
    await commands.registerCase(caseId, caseDetails(), { ...ctx('handler'), workflowId: `case-${caseId}` });
    await commands.saveRoadmapDraft(caseId, roadmap(), ctx('handler'));
    await commands.submitRoadmap(caseId, ctx('handler'));
    await assessments.assignAssessors(caseId, [demoUser('assessor-a').id, demoUser('assessor-b').id], ctx('handler'));
    for (const s of ['assessor-a', 'assessor-b']) {
      await assessments.declareConflict(caseId, false, undefined, ctx(s));
      await assessments.submitAssessment(caseId, assessment(), ctx(s));
    }
    await assessments.conclude(caseId, 'proceed', 'Goed', ctx('handler'));
    const opened = await advice.openRound(caseId, new Date(), { workflowId: 'wf', idempotencyKey: `round-${caseId}` });
    return { caseId, requests: opened.requests };
  }

  it('records advice once when the activity is retried, and refuses it after the term', async () => {
    const { caseId, requests } = await caseInAdvice();
    const serv = requests.find((r) => r.councilCode === 'SERV')!;
    const c = ctx('council-serv', 'advice-serv-1');
    const given = { position: 'positive' as const, text: 'Gunstig advies', acceptedAt: new Date() };
    const first = await advice.submitAdvice(caseId, serv.requestId, given, c);
    const retried = await advice.submitAdvice(caseId, serv.requestId, given, c);
    expect(retried).toEqual(first);
    const events = (await audit.listCase(caseId, 200, 0)).items.filter((e) => e.action === 'advice.given');
    expect(events).toHaveLength(1);

    const ri = requests.find((r) => r.councilCode === 'RI')!;
    const late = { position: 'positive' as const, text: 'Te laat', acceptedAt: new Date(new Date(ri.dueAt).getTime() + 1000) };
    await expect(advice.submitAdvice(caseId, ri.requestId, late, ctx('council-ri'))).rejects.toMatchObject({ code: 'STAGE_CONFLICT' });
    // The database refuses it too, whoever writes.
    await expect(t.sql(t.appUrl, `UPDATE advice_requests SET status = 'advised', position = 'positive', advice_text = 'x', advised_by = $2, advised_at = due_at + interval '1 second' WHERE id = $1`, [ri.requestId, demoUser('council-ri').id]))
      .rejects.toThrow(/check constraint/);
    // A retried opening returns the same round instead of a second one.
    const again = await advice.openRound(caseId, new Date(), { workflowId: 'wf', idempotencyKey: `round-${caseId}` });
    expect(again.requests.map((r) => r.requestId).sort()).toEqual(requests.map((r) => r.requestId).sort());
  });

  it('keeps four eyes in the service and in the database', async () => {
    const { caseId, requests } = await caseInAdvice();
    for (const r of requests) await advice.lapse(caseId, r.requestId, new Date(), { workflowId: 'wf', idempotencyKey: `lapse-${r.requestId}` });
    await advice.closeRound(caseId, 1, { workflowId: 'wf', idempotencyKey: `close-${caseId}` });

    const dual = { ...ctx('handler'), meta: { ...meta('handler'), actor: { ...meta('handler').actor, role: 'approver' as const } } };
    const proposed = await decisions.propose(caseId, proposal(), ctx('handler'));
    await expect(decisions.decideApproval(caseId, proposed.approvalId, 'approve', 'eigen', dual)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.sql(t.appUrl, `UPDATE approvals SET status = 'approved', decided_by = requested_by, decided_at = now() WHERE id = $1`, [proposed.approvalId]))
      .rejects.toThrow(/approvals_four_eyes/);

    const approved = await decisions.decideApproval(caseId, proposed.approvalId, 'approve', 'Akkoord', ctx('approver', 'approve-1'));
    expect(approved.stage).toBe('test_trajectory');
    const again = await decisions.decideApproval(caseId, proposed.approvalId, 'approve', 'Akkoord', ctx('approver', 'approve-1'));
    expect(again).toEqual(approved);
    expect((await audit.listCase(caseId, 200, 0)).items.filter((e) => e.action === 'approval.approved')).toHaveLength(1);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
  });

  it('refuses a proposal that does not address every council', async () => {
    const { caseId, requests } = await caseInAdvice();
    for (const r of requests) await advice.lapse(caseId, r.requestId, new Date(), { workflowId: 'wf', idempotencyKey: `lapse-${r.requestId}` });
    await advice.closeRound(caseId, 1, { workflowId: 'wf', idempotencyKey: `close-${caseId}` });
    await expect(decisions.propose(caseId, proposal(['RI', 'SERV']), ctx('handler'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [{ field: 'considerations', messages: [expect.stringMatching(/VRWI/)] }],
    });
  });
});
