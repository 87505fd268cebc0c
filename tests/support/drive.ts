import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import {
  assignAssessorsUpdate,
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseWorkflowId,
  concludeAssessmentUpdate,
  concludeTrajectoryUpdate,
  decideApprovalUpdate,
  declareConflictUpdate,
  draftAgreementUpdate,
  planTrajectoryUpdate,
  proposeDecisionUpdate,
  recordMilestoneEvidenceUpdate,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  signAgreementUpdate,
  submitAdviceUpdate,
  submitAssessmentUpdate,
  submitRoadmapUpdate,
} from '@cluster/contracts';
import { addDays, brusselsDate } from '@cluster/domain';
import { caseDetails, demoUser, meta, roadmap } from './fixtures';
import { assessment, proposal } from './first-half';

export async function poll(ok: () => Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Drives a new case through registration, roadmap and assessment until its three advice requests are open. */
export async function driveToAdvice(client: Client, taskQueue: string): Promise<{ caseId: string; workflowId: string }> {
  const caseId = randomUUID();
  const workflowId = caseWorkflowId(caseId);
  await client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId, taskQueue, args: [{ caseId, details: caseDetails() }] });
  const wf = () => client.workflow.getHandle(workflowId);
  // Updates by name: many kinds, each checked by the workflow itself.
  const u = <R = unknown>(def: { name: string }, arg: unknown): Promise<R> => wf().executeUpdate(def.name, { args: [arg] }) as Promise<R>;

  await u(registerCaseUpdate, { meta: meta() });
  await u(saveRoadmapDraftUpdate, { meta: meta(), content: roadmap() });
  await u(submitRoadmapUpdate, { meta: meta() });
  await u(assignAssessorsUpdate, { meta: meta(), assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] });
  for (const s of ['assessor-a', 'assessor-b']) {
    await u(declareConflictUpdate, { meta: meta(s), hasConflict: false });
    await u(submitAssessmentUpdate, { meta: meta(s), content: assessment() });
  }
  await u(concludeAssessmentUpdate, { meta: meta(), outcome: 'proceed', remarks: 'Goed' });
  await poll(async () => Object.keys((await wf().query(caseStateQuery)).advice).length === 3);
  return { caseId, workflowId };
}

/** Drives a new case through the first half (all councils advise at once) to its test trajectory. */
export async function driveToTrajectory(client: Client, taskQueue: string): Promise<{ caseId: string; workflowId: string }> {
  const { caseId, workflowId } = await driveToAdvice(client, taskQueue);
  const wf = () => client.workflow.getHandle(workflowId);
  const u = <R = unknown>(def: { name: string }, arg: unknown): Promise<R> => wf().executeUpdate(def.name, { args: [arg] }) as Promise<R>;
  for (const code of ['RI', 'VRWI', 'SERV']) {
    await u(submitAdviceUpdate, { meta: meta(`council-${code.toLowerCase()}`), councilCode: code, position: 'positive', text: 'Gunstig advies.' });
  }
  await poll(async () => (await wf().query(caseStateQuery)).stage === 'decision');
  const proposed = await u<{ approvalId: string }>(proposeDecisionUpdate, { meta: meta(), proposal: proposal() });
  await u(decideApprovalUpdate, { meta: meta('approver'), approvalId: proposed.approvalId, decision: 'approve', comment: 'Akkoord' });
  return { caseId, workflowId };
}

/**
 * Drives a new case through every step up to the structured dialogue (one milestone met), with an
 * agreement of `termYears` earmarking `earmarks` (cents).
 */
export async function driveToDialogue(
  client: Client,
  taskQueue: string,
  opts: { termYears?: number; earmarks?: { instrumentCode: string; amountCents: number }[]; now: Date },
): Promise<{ caseId: string; workflowId: string }> {
  const { caseId, workflowId } = await driveToTrajectory(client, taskQueue);
  const wf = () => client.workflow.getHandle(workflowId);
  const u = <R = unknown>(def: { name: string }, arg: unknown): Promise<R> => wf().executeUpdate(def.name, { args: [arg] }) as Promise<R>;
  const [m] = await u<{ milestoneId: string }[]>(planTrajectoryUpdate, {
    meta: meta(),
    pilot: false,
    milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate: brusselsDate(addDays(opts.now, 30)) }],
  });
  await u(recordMilestoneEvidenceUpdate, { meta: meta(), milestoneId: m!.milestoneId, evidence: 'Gehaald volgens plan.' });
  await u(concludeTrajectoryUpdate, { meta: meta(), outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.', newDueDates: [] });
  const v1 = await u<{ sha256: string }>(draftAgreementUpdate, {
    meta: meta(),
    content: {
      parties: [
        { partyId: 'vlaamse-overheid', kind: 'government', name: 'Vlaamse Regering', representativeUserId: demoUser('approver').id, commitments: [] },
        { partyId: 'catalisti', kind: 'cluster_organisation', name: 'Catalisti vzw', representativeUserId: demoUser('handler2').id, commitments: [] },
      ],
      earmarks: opts.earmarks ?? [{ instrumentCode: 'IWT', amountCents: 1_000_000_00 }],
      termYears: opts.termYears ?? 4,
      dialogueCadenceMonths: 6,
      text: 'Overeenkomst.',
    },
  });
  await u(signAgreementUpdate, { meta: meta('approver'), sha256: v1.sha256, partyId: 'vlaamse-overheid' });
  await u(signAgreementUpdate, { meta: meta('handler2'), sha256: v1.sha256, partyId: 'catalisti' });
  await poll(async () => (await wf().query(caseStateQuery)).dialogueCycle === 1);
  return { caseId, workflowId };
}

/** An amendment of the agreement `driveToDialogue` signs: new earmarks, and optionally a longer term. */
export function amendmentContent(earmarks: { instrumentCode: string; amountCents: number }[], termYears = 4, text = 'Overeenkomst, eerste wijziging.') {
  return {
    parties: [
      { partyId: 'vlaamse-overheid', kind: 'government' as const, name: 'Vlaamse Regering', representativeUserId: demoUser('approver').id, commitments: [] },
      { partyId: 'catalisti', kind: 'cluster_organisation' as const, name: 'Catalisti vzw', representativeUserId: demoUser('handler2').id, commitments: [] },
    ],
    earmarks,
    termYears,
    dialogueCadenceMonths: 6,
    text,
  };
}
