import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import {
  caseWorkflowId,
  decideReleaseUpdate,
  decideTerminationUpdate,
  proposeTerminationUpdate,
  recordDialogueOutcomeUpdate,
  registerCaseUpdate,
  requestReleaseUpdate,
  submitDialogueReportUpdate,
} from '@cluster/contracts';
import type { Database } from '@cluster/persistence';
import { adviseAndDecide, assessToAdvice, trajectoryToSignedAgreement, type Earmark } from './case-steps';
import { caseDetails } from './fixtures';
import { CaseCommandChannel, type AcceptedCommand, type DriverStats } from './retrying-commands';

const POLL_MS = 300;
const CYCLE_OPEN_WAIT_MS = 240_000;

/** What every case's driver shares. */
export interface Driver {
  client: Client;
  taskQueue: string;
  /** Read as the people would see it in the app (their tasks), never written. */
  db: Database;
  stats: DriverStats;
  /** Aborted when the test ends: every case's driver stops. */
  signal: AbortSignal;
}

/** What one case is to go through: its earmarks and the tranche released in its first dialogue cycle. */
export interface CasePlan {
  no: number;
  earmarks: Earmark[];
  release: { instrumentCode: string; amountCents: number };
}

/** What the driver saw of one case: the commands the workflow accepted, and the money results. */
export interface CaseJourney {
  plan: CasePlan;
  caseId: string;
  workflowId: string;
  accepted: AcceptedCommand[];
  releaseId: string;
  releaseStatus: string;
  /** The closure: what it gave back to the instruments (from its audit event). */
  closed: { stage: string; returnedCents: number };
}

/**
 * Drives one new case by the shortest legal route from creation to closure: roadmap, assessment
 * by two assessors, the three councils' advice, a decision with four eyes, a one-milestone test
 * trajectory, an agreement earmarking the plan's budgets, one dialogue cycle with a tranche
 * requested and approved (four eyes), then an early end in the next cycle, proposed by the
 * account manager and approved by an approver (four eyes). Each step by the person whose step it is.
 */
export async function driveCaseToClosure(d: Driver, plan: CasePlan): Promise<CaseJourney> {
  const caseId = randomUUID();
  const workflowId = caseWorkflowId(caseId);
  const c = new CaseCommandChannel(d.client, workflowId, d.stats, d.signal);

  await c.register(d.taskQueue, { caseId, details: caseDetails({ clusterName: `Cluster ${plan.no}` }) }, registerCaseUpdate, 'handler', (meta) => ({ meta }));
  await assessToAdvice(c);
  await adviseAndDecide(c);
  await trajectoryToSignedAgreement(c, { earmarks: plan.earmarks, termYears: 4, now: new Date() });

  const requested = await c.send(requestReleaseUpdate, 'handler', (meta) => ({ meta, ...plan.release, justification: 'Eerste tranche', basis: 'Cyclus 1' }));
  const decided = await c.send(decideReleaseUpdate, 'approver', (meta) => ({ meta, approvalId: requested.approvalId, decision: 'approve', comment: 'Akkoord' }));

  // The cluster reports once it sees the cycle open (its task), as in the app.
  await waitForCycle(d, caseId, 1);
  await c.send(submitDialogueReportUpdate, 'handler', (meta) => ({ meta, cycle: 1, report: { milestoneProgress: 'Op schema.', portfolioProgress: 'Tien projecten lopen.' } }));
  await c.send(recordDialogueOutcomeUpdate, 'handler', (meta) => ({ meta, cycle: 1, outcome: 'on_track' as const, actions: [] }));
  await c.followContinueAsNew();
  const early = await c.send(proposeTerminationUpdate, 'handler', (meta) => ({ meta, kind: 'agreement_early_end' as const, reason: 'Vroegtijdig beëindigd in de fouttest.', finalReport: 'Eindrapport.' }));
  const ended = await c.send(decideTerminationUpdate, 'approver', (meta) => ({ meta, approvalId: early.approvalId, decision: 'approve' as const, comment: 'Akkoord met de beëindiging.' }));
  const closure = (await d.db.repos.audit.search({ caseId, action: 'case.closed' }, 1, { offset: 0 })).items[0];
  const closed = { stage: ended.stage, returnedCents: Number(closure?.payload.returnedCents ?? -1) };

  return { plan, caseId, workflowId, accepted: c.accepted, releaseId: requested.releaseId, releaseStatus: decided.status, closed };
}

async function waitForCycle(d: Driver, caseId: string, cycle: number): Promise<void> {
  const started = Date.now();
  while (!(await d.db.repos.dialogue.cycle(caseId, cycle))) {
    if (d.signal.aborted) throw new Error(`case ${caseId}: the driver was stopped`);
    if (Date.now() - started > CYCLE_OPEN_WAIT_MS) throw new Error(`case ${caseId}: dialogue cycle ${cycle} never opened`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
