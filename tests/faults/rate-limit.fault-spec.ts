import { startHttpStack, type HttpStack } from '../support/http-stack';

/** A client over its limit gets 429 with Retry-After and a message; others and health are not affected. */
describe('rate limiting', () => {
  let s: HttpStack;
  const LIMIT = 5;

  beforeAll(async () => {
    s = await startHttpStack({ RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => s?.stop());

  it('answers 429 with Retry-After once a signed-in user exceeds the limit, per user', async () => {
    const handler = { authorization: `Bearer ${await s.tokenFor('handler')}` };
    const auditor = { authorization: `Bearer ${await s.tokenFor('auditor')}` };
    for (let i = 0; i < LIMIT; i++) await s.http().get('/api/cases').set(handler).expect(200);
    const over = await s.http().get('/api/cases').set(handler).expect(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.body).toMatchObject({ statusCode: 429, message: expect.stringContaining('Too many requests') });
    expect(over.body.stack).toBeUndefined();
    // Another user is a client of their own.
    await s.http().get('/api/cases').set(auditor).expect(200);
  });

  it('never limits the health check', async () => {
    for (let i = 0; i < LIMIT * 2; i++) await s.http().get('/api/health').expect(200);
  });
});
