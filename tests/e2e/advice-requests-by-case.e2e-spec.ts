import { startHttpStack, type HttpStack } from '../support/http-stack';
import { caseToAdvice, eventually, httpCalls } from '../support/http-calls';

/**
 * GET /api/advice-requests?caseId=…: the advice round of one case, as the decision form of the web
 * app shows it beside each council's consideration. A council member still sees only their own.
 */
describe('GET /api/advice-requests filtered by case', () => {
  let s: HttpStack;

  beforeAll(async () => {
    s = await startHttpStack();
  });
  afterAll(() => s?.stop());

  const { get } = httpCalls(() => s);


  it('lists only the requests of that case, and for a council member only their own council’s', async () => {
    const first = await caseToAdvice(s, 'Slimme logistiek');
    const second = await caseToAdvice(s, 'Blauwe economie');
    await eventually(() => get('handler', 'advice-requests'), (r) => r.body.total === 6);

    const ofFirst = await get('handler', `advice-requests?caseId=${first}`);
    expect(ofFirst.status).toBe(200);
    expect(ofFirst.body.total).toBe(3);
    expect(ofFirst.body.items.map((r: { caseId: string }) => r.caseId)).toEqual([first, first, first]);
    expect(ofFirst.body.items.map((r: { councilCode: string }) => r.councilCode).sort()).toEqual(['RI', 'SERV', 'VRWI']);

    const member = await get('council-ri', `advice-requests?caseId=${second}`);
    expect(member.status).toBe(200);
    expect(member.body.items).toEqual([expect.objectContaining({ caseId: second, councilCode: 'RI', clusterName: 'Blauwe economie' })]);
  });

  it('answers 400 naming the field when the case id is not a UUID', async () => {
    const res = await get('handler', 'advice-requests?caseId=not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.fieldErrors).toEqual([expect.objectContaining({ field: 'caseId' })]);
  });
});
