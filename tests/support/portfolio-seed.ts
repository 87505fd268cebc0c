import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Pool } from 'pg';
import { CASE_STAGES, DIALOGUE_OUTCOMES, type CaseStage, type DialogueOutcome } from '@cluster/domain';
import type { Database } from '@cluster/persistence';
import type { createServices } from './services';
import { actor, caseDetails, demoUser, meta } from './fixtures';

/**
 * Many cases in every stage, with money, for the portfolio overview's tests and its benchmark.
 * Cases are registered, earmarked, released and approved through the services (each with its audit
 * event, as the worker would); what only a long process produces (the stage reached, the signed
 * agreement's partner commitments, councils' advice, dialogue outcomes, overdue tasks) is written
 * straight into the read tables by the schema owner. Plans come from fast-check with a fixed seed,
 * so a failing run repeats.
 */

export const SEED_INSTRUMENTS = ['IWT', 'PMV', 'TINA', 'STS'] as const;
const COUNCILS = ['RI', 'VRWI', 'SERV'] as const;
const DAY = 86_400_000;

export interface SeededCall {
  id: string;
  title: string;
  envelopes: { instrumentCode: string; amountCents: number }[];
}

export interface CasePlan {
  stage: CaseStage;
  /** Index into the calls, or null outside any call. */
  call: number | null;
  year: number;
  earmarks: { instrumentCode: string; amountCents: number }[];
  /** Given back after the earmark (a share in per cent of the first earmark). */
  givenBackPercent: number;
  releases: { earmark: number; percent: number; decision: 'approve' | 'pending' | 'send_back' }[];
  /** Financial commitments of the non-government parties of the signed agreement (cents). */
  partnerCommitments: number[];
  outcomes: DialogueOutcome[];
  advice: { council: (typeof COUNCILS)[number]; status: 'open' | 'advised' | 'lapsed'; hours: number }[];
  /** Open tasks due this many days ago (and one due in the future, which is not overdue). */
  overdueDays: number[];
}

export interface SeededCase {
  id: string;
  plan: CasePlan;
}

const AFTER_AGREEMENT: readonly CaseStage[] = ['structured_dialogue', 'closed'];
const FROM_ADVICE = CASE_STAGES.slice(CASE_STAGES.indexOf('advice'));

const planArbitrary = (calls: number): fc.Arbitrary<CasePlan> =>
  fc
    .record({
      stage: fc.constantFrom(...CASE_STAGES),
      call: fc.option(fc.nat({ max: calls - 1 }), { freq: 3, nil: null }),
      year: fc.constantFrom(2025, 2026),
      earmarks: fc.uniqueArray(fc.record({ instrumentCode: fc.constantFrom(...SEED_INSTRUMENTS), amountCents: fc.integer({ min: 10_000, max: 50_000_000_000 }) }), { selector: (e) => e.instrumentCode, maxLength: 3 }),
      givenBackPercent: fc.constantFrom(0, 0, 0, 10, 35),
      releases: fc.array(fc.record({ earmark: fc.nat({ max: 2 }), percent: fc.integer({ min: 1, max: 25 }), decision: fc.constantFrom('approve' as const, 'pending' as const, 'send_back' as const) }), { maxLength: 3 }),
      partnerCommitments: fc.array(fc.integer({ min: 1, max: 90_000_000_000 }), { maxLength: 3 }),
      outcomes: fc.array(fc.constantFrom(...DIALOGUE_OUTCOMES), { maxLength: 6 }),
      advice: fc.uniqueArray(fc.record({ council: fc.constantFrom(...COUNCILS), status: fc.constantFrom('open' as const, 'advised' as const, 'advised' as const, 'lapsed' as const), hours: fc.integer({ min: 1, max: 30 * 24 }) }), { selector: (a) => a.council, maxLength: 3 }),
      overdueDays: fc.array(fc.integer({ min: 1, max: 400 }), { maxLength: 2 }),
    })
    // Only what the case's stage can have: money and dialogue after the agreement, advice from the advice stage.
    .map((p) => {
      const signed = AFTER_AGREEMENT.includes(p.stage);
      return {
        ...p,
        earmarks: signed ? p.earmarks : [],
        releases: signed ? p.releases.filter((r) => r.earmark < p.earmarks.length) : [],
        givenBackPercent: p.stage === 'closed' ? p.givenBackPercent : 0,
        partnerCommitments: signed ? p.partnerCommitments : [],
        outcomes: signed ? p.outcomes : [],
        advice: FROM_ADVICE.includes(p.stage) ? p.advice : [],
        overdueDays: p.overdueDays,
      };
    });

export interface SeedOptions {
  db: Database;
  services: ReturnType<typeof createServices>;
  /** The schema owner's connection URL (writes what only a long process would produce). */
  ownerUrl: string;
  count: number;
  seed: number;
  /** Cases seeded at once. */
  concurrency?: number;
  now?: Date;
  onProgress?: (done: number) => void;
}

export async function seedPortfolio(o: SeedOptions): Promise<{ calls: SeededCall[]; cases: SeededCase[] }> {
  const now = o.now ?? new Date();
  // A pool: the cases are seeded a few at a time.
  const owner = new Pool({ connectionString: o.ownerUrl, max: o.concurrency ?? 4 });
  try {
    const calls = await seedCalls(owner, o.seed, now);
    const plans = fc.sample(planArbitrary(calls.length), { seed: o.seed, numRuns: o.count });
    const cases: SeededCase[] = plans.map((plan) => ({ id: randomUUID(), plan }));
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < cases.length) {
        const c = cases[next++]!;
        await seedCase(o, owner, calls, c, now);
        o.onProgress?.(++done);
      }
    };
    await Promise.all(Array.from({ length: o.concurrency ?? 4 }, worker));
    return { calls, cases };
  } finally {
    await owner.end();
  }
}

async function seedCalls(owner: Pool, seed: number, now: Date): Promise<SeededCall[]> {
  const calls: SeededCall[] = [
    { id: randomUUID(), title: `Oproep speerpuntclusters 2025 (${seed})`, envelopes: [{ instrumentCode: 'IWT', amountCents: 400_000_000_000 }, { instrumentCode: 'PMV', amountCents: 150_000_000_000 }] },
    { id: randomUUID(), title: `Oproep speerpuntclusters 2026 (${seed})`, envelopes: [{ instrumentCode: 'IWT', amountCents: 300_000_000_000 }, { instrumentCode: 'TINA', amountCents: 99_999_999_999 }] },
  ];
  for (const [i, c] of calls.entries()) {
    await owner.query(
      `INSERT INTO calls (id, title, description, period_start, period_end, submission_deadline, registration_closes_at, max_selected, envelopes, status, policy_version, opened_by, opened_at, idempotency_key)
       VALUES ($1, $2, 'Oproep voor de portefeuilletest.', '2025-01-01', '2027-12-31', '2025-06-30', '2025-06-30T21:59:00Z', 3, $3, 'registration_closed', 1, $4, $5, $6)`,
      [c.id, c.title, JSON.stringify(c.envelopes), demoUser('policy-owner').id, new Date(now.getTime() - (10 - i) * DAY), `seed-call-${c.id}`],
    );
  }
  return calls;
}

async function seedCase(o: SeedOptions, owner: Pool, calls: SeededCall[], c: SeededCase, now: Date): Promise<void> {
  const { services } = o;
  const p = c.plan;
  const workflowId = `case-${c.id}`;
  await services.commands.registerCase(c.id, caseDetails({ clusterName: `Cluster ${c.id.slice(0, 8)}` }), { meta: meta('handler'), workflowId, idempotencyKey: `reg-${c.id}` });
  const createdAt = new Date(Date.UTC(p.year, 2 + (parseInt(c.id.slice(0, 2), 16) % 9), 1 + (parseInt(c.id.slice(2, 4), 16) % 27), 10));
  await owner.query(`UPDATE cases SET stage = $2, call_id = $3, created_at = $4 WHERE id = $1`, [c.id, p.stage, p.call === null ? null : calls[p.call]!.id, createdAt]);

  const ctx = (subject: string, key: string) => ({ actor: actor(subject), requestId: randomUUID(), workflowId, idempotencyKey: `${key}-${c.id}` });
  for (const e of p.earmarks) await services.budget.earmark(c.id, e.instrumentCode, e.amountCents, 'earmark', 'Partnerschapsovereenkomst v1', ctx('handler', `earmark-${e.instrumentCode}`));
  for (const [i, r] of p.releases.entries()) {
    const e = p.earmarks[r.earmark]!;
    const amountCents = Math.max(1, Math.floor((e.amountCents * r.percent) / 100));
    const { approvalId } = await services.budget.requestRelease(c.id, { instrumentCode: e.instrumentCode, amountCents, justification: `Schijf ${i + 1}`, basis: `Dialoogcyclus ${i + 1}` }, ctx('handler', `release-${i}`));
    if (r.decision !== 'pending') await services.budget.decideRelease(c.id, approvalId, r.decision === 'approve' ? 'approve' : 'send_back', 'Beslist in de portefeuilletest', ctx('approver', `decide-${i}`));
  }
  const first = p.earmarks[0];
  if (first && p.givenBackPercent > 0) {
    const line = (await o.db.repos.budget.lines(c.id)).find((l) => l.instrumentCode === first.instrumentCode)!;
    const back = Math.floor(((line.earmarkedCents - line.releasedCents) * p.givenBackPercent) / 100);
    if (back > 0) await services.budget.earmark(c.id, first.instrumentCode, back, 'unearmark', 'Afsluiting: niet gebruikt', ctx('handler', 'unearmark'));
  }

  if (AFTER_AGREEMENT.includes(p.stage)) await insertSignedAgreement(owner, c, now);
  for (const [i, outcome] of p.outcomes.entries()) {
    const at = new Date(createdAt.getTime() + (i + 1) * 180 * DAY);
    await owner.query(
      `INSERT INTO dialogue_cycles (id, case_id, cycle, due_at, status, outcome, actions, outcome_by, outcome_at) VALUES ($1, $2, $3, $4, 'concluded', $5, '[]', $6, $4)`,
      [randomUUID(), c.id, i + 1, at, outcome, demoUser('handler').id],
    );
  }
  for (const a of p.advice) {
    const requestedAt = new Date(createdAt.getTime() + 20 * DAY);
    const advised = a.status === 'advised';
    await owner.query(
      `INSERT INTO advice_requests (id, case_id, round, council_code, roadmap_version, requested_at, due_at, status, position, advice_text, advised_by, advised_at, closed_at)
       VALUES ($1, $2, 1, $3, 1, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        randomUUID(), c.id, a.council, requestedAt, new Date(requestedAt.getTime() + 30 * DAY), a.status,
        advised ? 'positive' : null, advised ? 'Positief advies.' : null, advised ? demoUser(`council-${a.council.toLowerCase()}`).id : null,
        advised ? new Date(requestedAt.getTime() + a.hours * 3_600_000) : null, a.status === 'open' ? null : new Date(requestedAt.getTime() + 30 * DAY),
      ],
    );
  }
  const task = (dueAt: Date, kind: string) =>
    o.db.repos.tasks.open({ id: randomUUID(), caseId: c.id, kind, assigneeRole: 'case_handler', assigneeRef: demoUser('handler').id, subjectId: randomUUID(), dueAt, createdAt: now });
  // One open task per kind and assignee (the task table's unique index), so each overdue one has its own kind.
  for (const [i, days] of p.overdueDays.entries()) await task(new Date(now.getTime() - days * DAY), i === 0 ? 'dialogue_report' : 'milestone_overdue');
  await task(new Date(now.getTime() + 5 * DAY), 'agreement_signature');
  // A closed case leaves nothing waiting.
  if (p.stage === 'closed') await o.db.repos.tasks.closeAllForCase(c.id);
}

/** The partners' money lives in the signed agreement (the government's own commitment never counts as a partner's). */
async function insertSignedAgreement(owner: Pool, c: SeededCase, now: Date): Promise<void> {
  const p = c.plan;
  const party = (partyId: string, kind: string, commitments: object[]) => ({ partyId, kind, name: partyId, representativeUserId: demoUser('approver').id, commitments });
  const content = {
    parties: [
      party('vlaamse-overheid', 'government', [{ kind: 'financial', description: 'Werkingsmiddelen', amountCents: 777_000_00 }]),
      party('cluster', 'cluster_organisation', p.partnerCommitments.slice(0, 1).map((amountCents) => ({ kind: 'financial', description: 'Eigen inbreng', amountCents }))),
      party('partner', 'strategic_partner', [
        ...p.partnerCommitments.slice(1).map((amountCents) => ({ kind: 'financial', description: 'Cofinanciering', amountCents })),
        { kind: 'in_kind', description: 'Labo-infrastructuur' },
      ]),
    ],
    earmarks: p.earmarks,
    termYears: 4,
    dialogueCadenceMonths: 6,
    text: 'Partnerschapsovereenkomst (portefeuilletest).',
  };
  const sha256 = createHash('sha256').update(JSON.stringify(content)).digest('hex');
  await owner.query(
    `INSERT INTO agreement_versions (id, case_id, version, content, sha256, status, sign_by, created_by, created_at, idempotency_key) VALUES ($1, $2, 1, $3, $4, 'signed', $5, $6, $5, $7)`,
    [randomUUID(), c.id, JSON.stringify(content), sha256, now, demoUser('handler').id, `seed-agreement-${c.id}`],
  );
}
