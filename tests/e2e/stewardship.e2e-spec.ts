import { proposal } from '../support/first-half';
import { caseAt, userId, type StagedCase } from '../support/case-stages';
import { httpCalls } from '../support/http-calls';
import { startHttpStack, type HttpStack } from '../support/http-stack';

/**
 * Four eyes on the assessment's outcome, over HTTP with the real API, worker and Temporal dev
 * server: concluding the assessment and proposing the decision are for the case's account manager
 * or the stand-in they name (audited), never for someone who assessed that roadmap version. Each
 * rule is refused for the assessor (403, saying who may) and accepted for a second, named person.
 */
describe('the steward of a case: account manager or named stand-in, never an assessor', () => {
  let s: HttpStack;
  let assessed: StagedCase;
  let advised: StagedCase;
  const { post, get } = httpCalls(() => s);
  const STEWARD_REFUSAL = /Alleen de accountmanager van dit dossier of de aangewezen vervanger doet dit, en nooit iemand die deze versie van de routekaart beoordeelde\. \/ Only the case's account manager/;

  beforeAll(async () => {
    s = await startHttpStack();
    // Two colleagues of the account manager, both case handlers: one assesses, the other stands in.
    for (const [subject, displayName] of [['hanne', 'Hanne Beoordelaar'], ['piet', 'Piet Vervanger']]) {
      const created = await post('admin', 'users', { subject, displayName, email: `${subject}@example.be`, organisation: 'EWI', roles: ['case_handler'], reason: 'Collega van de accountmanager' });
      expect(created.status).toBe(201);
    }
    const options = (label: string) => ({ label, accountManager: 'handler', assessors: ['hanne', 'assessor-b'] as [string, string] });
    [assessed, advised] = await Promise.all([caseAt(s, 'assessed', options('rentmeester-beoordeling')), caseAt(s, 'advised', options('rentmeester-besluit'))]);
  }, 240_000);
  afterAll(async () => {
    await s?.stop();
  });

  it('refuses an assessor of the version as stand-in, naming the field, and records nothing', async () => {
    const before = (await get('auditor', `cases/${assessed.id}/audit?limit=200`)).body.total;
    const named = await post('handler', `cases/${assessed.id}/stand-in`, { standInId: await userId(s, 'hanne'), reason: 'Verlof van de accountmanager' });
    expect(named.status).toBe(400);
    expect(named.body.fieldErrors).toEqual([{ field: 'standInId', messages: [expect.stringMatching(/^Een beoordelaar van deze versie van de routekaart kan geen vervanger zijn\. \/ An assessor/)] }]);
    expect((await get('auditor', `cases/${assessed.id}`)).body.standInId ?? null).toBeNull();
    expect((await get('auditor', `cases/${assessed.id}/audit?limit=200`)).body.total).toBe(before);
  });

  it('concluding the assessment: refused for the assessor and for a colleague not named (403); the named stand-in concludes', async () => {
    const conclusion = { outcome: 'proceed', remarks: 'Sterke routekaart.' };
    for (const subject of ['hanne', 'piet']) {
      const refused = await post(subject, `cases/${assessed.id}/assessment/conclusion`, conclusion);
      expect({ subject, status: refused.status }).toEqual({ subject, status: 403 });
      expect(refused.body.message).toMatch(STEWARD_REFUSAL);
    }
    expect((await get('auditor', `cases/${assessed.id}`)).body.stage).toBe('quality_assessment');

    const named = await post('handler', `cases/${assessed.id}/stand-in`, { standInId: await userId(s, 'piet'), reason: 'Verlof van de accountmanager' });
    expect(named.status).toBe(200);
    const concluded = await post('piet', `cases/${assessed.id}/assessment/conclusion`, conclusion);
    expect(concluded.status).toBe(200);

    const trail = (await get('auditor', `cases/${assessed.id}/audit?limit=200`)).body.items as { action: string; actorName: string; reason: string | null }[];
    expect(trail.find((e) => e.action === 'case.stand_in_named')).toMatchObject({ actorName: expect.any(String), reason: 'Verlof van de accountmanager' });
    expect(trail.find((e) => e.action === 'assessment.concluded_proceed')).toMatchObject({ actorName: 'Piet Vervanger' });
  });

  it('proposing the decision: refused for the assessor (403); a named stand-in who did not assess proposes', async () => {
    const refused = await post('hanne', `cases/${advised.id}/decision/proposals`, proposal());
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(STEWARD_REFUSAL);
    expect((await post('piet', `cases/${advised.id}/decision/proposals`, proposal())).status).toBe(403);

    expect((await post('handler', `cases/${advised.id}/stand-in`, { standInId: await userId(s, 'piet'), reason: 'Ziekte van de accountmanager' })).status).toBe(200);
    const proposed = await post('piet', `cases/${advised.id}/decision/proposals`, proposal());
    expect(proposed.status).toBe(201);
    const pending = (await get('approver', 'approvals')).body.items.find((a: { id: string }) => a.id === proposed.body.approvalId);
    expect(pending).toMatchObject({ status: 'pending', requestedByName: 'Piet Vervanger' });
  });
});
