import { driveToDialogue } from '../support/drive';
import { meta } from '../support/fixtures';
import { createServices } from '../support/services';
import { startDevServerHarness, type DevServerHarness } from '../support/temporal';

/**
 * A signing activity whose first attempt committed and whose worker then died is attempted again
 * with the same idempotency key. Its answer must be the first attempt's: the last signature's
 * answer carries the dialogue's start, without which the workflow never leaves the agreement stage
 * (found by the worker-kill fault scenario).
 */
describe('a retried signing attempt', () => {
  let h: DevServerHarness;
  beforeAll(async () => {
    h = await startDevServerHarness('signing-retry');
  });
  afterAll(() => h?.stop());

  it('answers as the first attempt did, for the first and for the last signature', async () => {
    const { caseId, workflowId } = await driveToDialogue(h.client, h.taskQueue, { now: new Date() });
    const services = createServices(h.db.db);
    const [version] = await h.db.db.read((repos) => repos.agreements.versions(caseId));
    const [first, last] = await h.db.db.read((repos) => repos.agreements.validSignatures(version!.id));
    const retry = (s: typeof first) =>
      services.agreements.sign(caseId, s!.sha256, s!.partyId, new Date(), { meta: meta(), workflowId, idempotencyKey: s!.idempotencyKey! });

    await expect(retry(first)).resolves.toMatchObject({ version: 1, signed: 1, of: 2 });
    expect(await retry(first)).not.toHaveProperty('dialogue');
    await expect(retry(last)).resolves.toEqual({
      version: 1,
      partyId: last!.partyId,
      signed: 2,
      of: 2,
      stage: 'structured_dialogue',
      dialogue: { startedAt: last!.signedAt.toISOString(), termYears: 4, cadenceMonths: 6 },
    });
  });
});
