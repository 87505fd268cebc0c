import { startHttpStack, type HttpStack } from '../support/http-stack';
import { demoUser, roadmap } from '../support/fixtures';

/**
 * The API words what its request validation refuses in the language the request asks for
 * (Accept-Language: Dutch by default, English when preferred), field by field and at the top;
 * before, Dutch screens showed class-validator's "vision must be longer than or equal to 10 characters".
 */
describe('validation messages in the language of the request', () => {
  let s: HttpStack;
  let caseId: string;
  let handler: Record<string, string>;

  beforeAll(async () => {
    s = await startHttpStack();
    handler = { authorization: `Bearer ${await s.tokenFor('handler')}` };
    const created = await s.http().post('/api/cases').set(handler).send({
      clusterName: 'Taal van de meldingen',
      domain: 'Circulaire chemie',
      leadActors: ['Catalisti vzw'],
      partners: ['UGent'],
      accountManagerId: demoUser('handler').id,
    });
    expect(created.status).toBe(201);
    caseId = created.body.id;
  });
  afterAll(() => s?.stop());

  const shortVision = (language?: string) => {
    const req = s.http().post(`/api/cases/${caseId}/roadmap/drafts`).set(handler);
    return (language ? req.set('accept-language', language) : req).send({ ...roadmap(), vision: 'Te kort', horizonYear: 1999, extra: true });
  };

  const byField = (body: { fieldErrors: { field: string; messages: string[] }[] }) => Object.fromEntries(body.fieldErrors.map((f) => [f.field, f.messages]));

  it('answers a Dutch request in Dutch, field by field, the unknown field and the top-level message included', async () => {
    for (const language of ['nl-BE,nl;q=0.9,en;q=0.8', 'nl', undefined]) {
      const res = await shortVision(language);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'VALIDATION_FAILED', message: 'Het verzoek is niet geldig; zie de meldingen per veld.' });
      expect(byField(res.body)).toEqual({
        vision: ['Dit veld moet tussen 10 en 20.000 tekens lang zijn.'],
        horizonYear: ['Dit veld moet minstens 2020 zijn.'],
        extra: ['Het veld ‘extra’ bestaat hier niet; laat het weg.'],
      });
      expect(res.headers.vary).toMatch(/Accept-Language/i);
    }
  });

  it('answers an English request in English', async () => {
    const res = await shortVision('en-GB,en;q=0.9,nl;q=0.5');
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('The request is not valid; see the messages per field.');
    expect(byField(res.body)).toEqual({
      vision: ['This field must be between 10 and 20,000 characters long.'],
      horizonYear: ['This field must be at least 2020.'],
      extra: ['The field ‘extra’ does not exist here; leave it out.'],
    });
  });

  it('words a refused query and a nested field the same way, and keeps the record as it was', async () => {
    const query = await s.http().get('/api/cases?limit=0').set(handler).set('accept-language', 'en');
    expect(query.status).toBe(400);
    expect(byField(query.body)).toEqual({ limit: ['This field must be at least 1.'] });
    const nested = await s.http().post(`/api/cases/${caseId}/roadmap/drafts`).set(handler).send({ ...roadmap(), milestones: [{ title: 'x', dueDate: '2027-02-30' }] });
    expect(byField(nested.body)).toEqual({
      'milestones.0.title': ['Dit veld moet tussen 2 en 500 tekens lang zijn.'],
      'milestones.0.dueDate': ['Dit veld moet een bestaande kalenderdag (JJJJ-MM-DD), bv. 2027-06-30 zijn.'],
    });
    const versions = await s.http().get(`/api/cases/${caseId}/roadmap/versions`).set(handler);
    expect(versions.body).toEqual([]);
  });
});
