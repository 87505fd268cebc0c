import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createServices } from '../support/services';
import { actor, caseDetails, meta } from '../support/fixtures';

const EURO = 100; // cents

/** Money: released ≤ earmarked per instrument, always; every approved release booked exactly once. */
describe('budget ledger on PostgreSQL', () => {
  let t: TestDatabase;
  let services: ReturnType<typeof createServices>;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    services = createServices(t.db);
    caseId = randomUUID();
    await services.commands.registerCase(caseId, caseDetails(), { meta: meta(), workflowId: `case-${caseId}`, idempotencyKey: `reg-${caseId}` });
  });
  afterAll(() => t.drop());

  const ctx = (subject: string, key: string = randomUUID()) => ({ actor: actor(subject), requestId: randomUUID(), workflowId: `case-${caseId}`, idempotencyKey: key });

  it('books an earmark once, however often it is retried', async () => {
    await services.budget.earmark(caseId, 'IWT', 1_000_000 * EURO, 'earmark', 'Partnerschapsovereenkomst v1', ctx('handler', 'earmark-iwt'));
    await services.budget.earmark(caseId, 'IWT', 1_000_000 * EURO, 'earmark', 'Partnerschapsovereenkomst v1', ctx('handler', 'earmark-iwt'));
    expect(await services.budget.overview(caseId)).toEqual([
      { instrumentCode: 'IWT', earmarkedCents: 100_000_000, requestedCents: 0, approvedCents: 0, releasedCents: 0, remainingCents: 100_000_000 },
    ]);
  });

  it('never releases more than earmarked under many parallel requests and approvals, and books each approval once', async () => {
    const requests = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        services.budget.requestRelease(caseId, { instrumentCode: 'IWT', amountCents: 100_000 * EURO, justification: `Tranche ${i + 1}`, basis: `Dialoogcyclus ${i + 1}: op koers` }, ctx('handler')),
      ),
    );
    const outcomes = await Promise.allSettled(
      requests.map((r, i) => services.budget.decideRelease(caseId, r.approvalId, 'approve', 'Akkoord', ctx('approver', `approve-${i}`))),
    );
    const approved = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(approved).toHaveLength(10);
    expect(refused).toHaveLength(10);
    // The tenth approval refused every request still waiting (none fits what is left): the later
    // approvers are told it was closed without a decision, not that it would exceed the earmark.
    refused.forEach((o) => expect(o.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already decided: closed without a decision/) }));

    // A retried approval (same idempotency key) books nothing more.
    const firstApproved = outcomes.findIndex((o) => o.status === 'fulfilled');
    await services.budget.decideRelease(caseId, requests[firstApproved]!.approvalId, 'approve', 'Akkoord', ctx('approver', `approve-${firstApproved}`));

    const [line] = await services.budget.overview(caseId);
    expect(line).toMatchObject({ earmarkedCents: 100_000_000, releasedCents: 100_000_000, approvedCents: 100_000_000, remainingCents: 0, requestedCents: 0 });
    expect((await t.db.repos.budget.releases(caseId)).filter((r) => r.status === 'refused')).toHaveLength(10);
    const movements = await t.db.repos.budget.movements(caseId);
    const releases = movements.filter((m) => m.kind === 'release');
    expect(releases).toHaveLength(10);
    expect(new Set(releases.map((m) => m.releaseId)).size).toBe(10);
    expect(releases.reduce((a, m) => a + m.amountCents, 0)).toBe(100_000_000);
    expect(await services.audit.verifyCase(caseId)).toMatchObject({ ok: true });
  });

  it('keeps four eyes on releases', async () => {
    await services.budget.earmark(caseId, 'PMV', 50_000 * EURO, 'earmark', 'Overeenkomst v1', ctx('handler', 'earmark-pmv'));
    const r = await services.budget.requestRelease(caseId, { instrumentCode: 'PMV', amountCents: 1_234_567, justification: 'Eerste tranche', basis: 'Mijlpaal 1' }, ctx('handler'));
    const self = { ...ctx('handler'), actor: { ...actor('handler'), role: 'approver' as const } };
    await expect(services.budget.decideRelease(caseId, r.approvalId, 'approve', 'eigen', self)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await services.budget.decideRelease(caseId, r.approvalId, 'approve', 'Akkoord', ctx('approver'));
    expect((await services.budget.overview(caseId)).find((l) => l.instrumentCode === 'PMV')).toMatchObject({ releasedCents: 1_234_567, remainingCents: 5_000_000 - 1_234_567 });
  });

  it('is guarded by the database itself, whoever writes', async () => {
    const release = (await t.db.repos.budget.releases(caseId)).find((r) => r.status === 'approved')!;
    // Booking the same release twice:
    await expect(t.sql(t.appUrl, `INSERT INTO budget_movements (id, case_id, instrument_code, kind, amount_cents, release_id, reference, created_by, created_at, idempotency_key)
      VALUES ($1, $2, 'IWT', 'release', 1, $3, 'x', 'x', now(), $4)`, [randomUUID(), caseId, release.id, randomUUID()])).rejects.toThrow(/unique|duplicate/);
    // Releasing past the earmark:
    const other = await t.sql<{ id: string }>(t.ownerUrl, `SELECT id FROM budget_releases WHERE case_id = $1 AND status = 'refused' LIMIT 1`, [caseId]);
    await expect(t.sql(t.appUrl, `INSERT INTO budget_movements (id, case_id, instrument_code, kind, amount_cents, release_id, reference, created_by, created_at, idempotency_key)
      VALUES ($1, $2, 'IWT', 'release', 1, $3, 'x', 'x', now(), $4)`, [randomUUID(), caseId, other[0]!.id, randomUUID()])).rejects.toThrow(/budget_released_within_earmark/);
    // Lines and movements cannot be edited:
    await expect(t.sql(t.appUrl, `UPDATE budget_lines SET earmarked_cents = earmarked_cents * 2`)).rejects.toThrow(/permission denied/);
    await expect(t.sql(t.appUrl, `DELETE FROM budget_movements`)).rejects.toThrow(/permission denied|append-only/);
  });
});
