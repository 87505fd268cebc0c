import { startHttpStack, type HttpStack } from '../support/http-stack';
import { httpCalls } from '../support/http-calls';
import { caseAt, type StagedCase } from '../support/case-stages';
import { Database } from '@cluster/persistence';
import { callBody, demoUser } from '../support/fixtures';

/**
 * Calls for spearhead clusters over HTTP (issue 14, item 1, first part): a policy owner opens a
 * call, nobody else may; a wrong call is a 400 naming each field and writes nothing; everyone reads
 * the calls; a case's editors register it while its roadmap is drafted, once, to one call.
 */
describe('calls for spearhead clusters', () => {
  let s: HttpStack;
  let drafting: StagedCase;
  let submitted: StagedCase;
  let late: StagedCase;
  const { post, get } = httpCalls(() => s);
  const trail = async (caseId: string) => ((await get('auditor', `cases/${caseId}/audit?limit=200`)).body.items as { action: string; actorId: string; payload: Record<string, unknown> }[]);

  beforeAll(async () => {
    s = await startHttpStack();
    [drafting, submitted, late] = await Promise.all([
      caseAt(s, 'drafting', { label: 'oproep-ontwerp', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] }),
      caseAt(s, 'assessors_assigned', { label: 'oproep-ingediend', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] }),
      caseAt(s, 'drafting', { label: 'oproep-laat', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] }),
    ]);
  }, 180_000);
  afterAll(() => s?.stop());

  let callId: string;

  it('a policy owner opens a call; a case handler or an administrator may not', async () => {
    const body = callBody('Oproep speerpuntclusters 2027', { maxSelected: 3, envelopes: [{ instrumentCode: 'IWT', amountCents: 1_000_000_000 }, { instrumentCode: 'PMV', amountCents: 250_000_000 }] });
    for (const subject of ['handler', 'admin', 'approver']) {
      const refused = await post(subject, 'calls', body);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toBe('Alleen een beleidsverantwoordelijke opent een oproep voor speerpuntclusters. / Only a policy owner opens a call for spearhead clusters.');
    }
    const opened = await post('policy-owner', 'calls', body);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      title: 'Oproep speerpuntclusters 2027',
      status: 'open',
      maxSelected: 3,
      submissionDeadline: body.submissionDeadline,
      envelopes: body.envelopes,
      openedBy: demoUser('policy-owner').id,
      candidates: 0,
    });
    // Registration ends at the end of a Brussels day (23:59:59.999 local is 21:59 or 22:59 UTC).
    expect(opened.body.registrationClosesAt).toMatch(/T2[12]:59:59\.999Z$/);
    expect(opened.body.registrationClosesAt >= `${body.submissionDeadline}T`).toBe(true);
    callId = opened.body.id;

    const system = (await get('auditor', 'audit?action=call.opened&limit=200')).body.items as { actorId: string; payload: Record<string, unknown> }[];
    expect(system).toEqual([expect.objectContaining({ actorId: demoUser('policy-owner').id, payload: expect.objectContaining({ callId, maxSelected: 3 }) })]);
  });

  it('refuses a wrong call with 400 naming each field, and writes nothing', async () => {
    const before = (await get('policy-owner', 'calls')).body.total;
    const today = new Date().toISOString().slice(0, 10);
    const wrong = await post('policy-owner', 'calls', callBody('Te krappe oproep', { submissionDeadline: today, envelopes: [{ instrumentCode: 'ONBEKEND', amountCents: 100 }] }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(['submissionDeadline', 'envelopes.0.instrumentCode']);
    expect(wrong.body.fieldErrors[0].messages[0]).toMatch(/^De indiendatum moet minstens 14 dagen na vandaag liggen.* \/ The submission deadline must be at least 14 days from today/);
    const malformed = await post('policy-owner', 'calls', { ...callBody('Kapotte oproep'), maxSelected: 0, periodStart: '2027-02-30' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.fieldErrors.map((f: { field: string }) => f.field).sort()).toEqual(['maxSelected', 'periodStart']);
    expect((await get('policy-owner', 'calls')).body.total).toBe(before);
  });

  it('everyone reads the calls, a council member and a cluster representative too', async () => {
    for (const subject of ['council-ri', drafting.representative, 'auditor', 'handler']) {
      const list = await get(subject, 'calls?status=open');
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id: callId, status: 'open' })]));
    }
    expect((await get('council-ri', `calls/${callId}`)).body).toMatchObject({ id: callId, title: 'Oproep speerpuntclusters 2027' });
    expect((await get('handler', 'calls/00000000-0000-4000-8000-0000000000ff')).status).toBe(404);
  });

  it("a case's editors register it while its roadmap is drafted, once and to one call", async () => {
    // The case page asks the API whether to offer it: the editors, while the roadmap is drafted.
    const mayRegister = async (subject: string, caseId: string) =>
      ((await get(subject, `cases/${caseId}/permissions`)).body.actions as { action: string; allowed: boolean; allowedInStage: boolean }[]).find((a) => a.action === 'registerForCall');
    expect(await mayRegister('handler', drafting.id)).toMatchObject({ allowed: true, allowedInStage: true });
    expect(await mayRegister('handler2', drafting.id)).toMatchObject({ allowed: false });
    expect(await mayRegister('handler', submitted.id)).toMatchObject({ allowed: true, allowedInStage: false });
    // Someone who does not edit the case may not (the other case's assessor, a council member).
    expect((await post('assessor-a', `cases/${drafting.id}/call`, { callId })).status).toBe(403);
    const registered = await post(drafting.representative, `cases/${drafting.id}/call`, { callId });
    expect(registered.status).toBe(200);
    expect(registered.body).toEqual({ caseId: drafting.id, callId });
    // Again (a double submit, or the account manager too): the same answer, no second event.
    expect((await post('handler', `cases/${drafting.id}/call`, { callId })).body).toEqual({ caseId: drafting.id, callId });
    expect((await trail(drafting.id)).filter((e) => e.action === 'case.registered_to_call')).toEqual([expect.objectContaining({ payload: expect.objectContaining({ callId }) })]);
    expect((await get('auditor', `calls/${callId}`)).body.candidates).toBe(1);
    expect((await get(drafting.representative, `cases/${drafting.id}`)).body.callId).toBe(callId);
    expect((await get('handler', `cases/${submitted.id}`)).body.callId).toBeNull();

    const other = await post('policy-owner', 'calls', callBody('Tweede oproep'));
    const moved = await post('handler', `cases/${drafting.id}/call`, { callId: other.body.id });
    expect(moved.status).toBe(409);
    expect(moved.body.message).toMatch(/^Het dossier is al aangemeld bij een andere oproep.* \/ The case is already registered to another call/);
    expect((await get('auditor', `calls/${other.body.id}`)).body.candidates).toBe(0);
  });

  it('once its registration moment has passed, a call is closed in every answer and refuses registrations', async () => {
    const opened = await post('policy-owner', 'calls', callBody('Oproep die al sloot'));
    expect(opened.status).toBe(201);
    // Its deadline lies ahead by rule; the clock is moved past it in the database, as time would.
    await s.app.get(Database).dataSource.query(`UPDATE calls SET registration_closes_at = now() - interval '1 minute' WHERE id = $1`, [opened.body.id]);
    expect((await get('handler', `calls/${opened.body.id}`)).body.status).toBe('registration_closed');
    const ids = async (status: string) => ((await get('handler', `calls?status=${status}&limit=200`)).body.items as { id: string }[]).map((c) => c.id);
    expect(await ids('registration_closed')).toContain(opened.body.id);
    expect(await ids('open')).not.toContain(opened.body.id);
    expect(await ids('open')).toContain(callId);
    const refused = await post('handler', `cases/${late.id}/call`, { callId: opened.body.id });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('De aanmeldingen voor de oproep "Oproep die al sloot" zijn afgesloten. / Registration for the call "Oproep die al sloot" has closed.');
    expect((await get('handler', `cases/${late.id}`)).body.callId).toBeNull();
  });

  it('a case whose roadmap was submitted can no longer register', async () => {
    const late = await post('handler', `cases/${submitted.id}/call`, { callId });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/routekaart van dit dossier is al ingediend/);
    expect((await trail(submitted.id)).some((e) => e.action === 'case.registered_to_call')).toBe(false);
    expect((await post('handler', `cases/${submitted.id}/call`, { callId: 'geen-uuid' })).status).toBe(400);
  });
});
