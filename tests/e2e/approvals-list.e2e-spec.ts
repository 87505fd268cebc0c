import { startHttpStack, type HttpStack } from '../support/http-stack';
import { caseToAdvice, eventually, httpCalls } from '../support/http-calls';
import { demoUser } from '../support/fixtures';
import { proposal } from '../support/first-half';

/**
 * The approvals list as the web app shows it: each approval names its case and the people
 * involved (an approver may not list users, so the names come with the list).
 */
describe('GET /api/approvals names the case, the requester and the approver', () => {
  let s: HttpStack;

  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  const { post, get } = httpCalls(() => s);

  it('lists a pending decision with names, then the decided one with the approver', async () => {
    const caseId = await caseToAdvice(s, 'Slimme logistiek');
    const requests = (await eventually(() => get('handler', 'advice-requests?status=open'), (r) => r.body.total === 3)).body.items as { id: string; councilCode: string }[];
    for (const r of requests) {
      expect((await post(`council-${r.councilCode.toLowerCase()}`, `advice-requests/${r.id}/advice`, { position: 'positive', text: `Gunstig advies van de ${r.councilCode}.` })).status).toBe(200);
    }
    await eventually(() => get('handler', `cases/${caseId}`), (r) => r.body.stage === 'decision');
    const proposed = await post('handler', `cases/${caseId}/decision/proposals`, proposal());
    expect(proposed.status).toBe(201);

    const pending = await get('approver', 'approvals');
    expect(pending.status).toBe(200);
    expect(pending.body.items).toEqual([
      expect.objectContaining({
        id: proposed.body.approvalId,
        caseId,
        clusterName: 'Slimme logistiek',
        requestedBy: demoUser('handler').id,
        requestedByName: 'An Peeters',
        status: 'pending',
        decidedByName: null,
      }),
    ]);

    expect((await post('approver', `approvals/${proposed.body.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord.' })).status).toBe(200);
    expect((await get('approver', 'approvals')).body.total).toBe(0);
    const approved = await get('handler', 'approvals?status=approved');
    expect(approved.body.items).toEqual([expect.objectContaining({ id: proposed.body.approvalId, decidedBy: demoUser('approver').id, decidedByName: 'Chris Maes', comment: 'Akkoord.' })]);
  });
});
