import type { UpdateDefinition } from '@temporalio/common';
import {
  assignAssessorsUpdate,
  concludeAssessmentUpdate,
  concludeTrajectoryUpdate,
  decideApprovalUpdate,
  declareConflictUpdate,
  draftAgreementUpdate,
  planTrajectoryUpdate,
  proposeDecisionUpdate,
  recordMilestoneEvidenceUpdate,
  saveRoadmapDraftUpdate,
  signAgreementUpdate,
  submitAdviceUpdate,
  submitAssessmentUpdate,
  submitRoadmapUpdate,
  type CaseWorkflowState,
  type CommandMeta,
} from '@cluster/contracts';
import { addDays, brusselsDate } from '@cluster/domain';
import { demoUser, roadmap } from './fixtures';
import { assessment, proposal } from './first-half';

/**
 * How a test sends one case's commands as Temporal updates: straight (drive.ts) or retried with a
 * fixed update id across worker crashes (retrying-commands.ts). The steps below run on either.
 */
export interface CaseCommands {
  send<Ret, Arg>(update: UpdateDefinition<Ret, [Arg]>, subject: string, build: (meta: CommandMeta) => Arg): Promise<Ret>;
  waitForState(what: string, ok: (s: CaseWorkflowState) => boolean): Promise<unknown>;
}

export type Earmark = { instrumentCode: string; amountCents: number };

const COUNCILS = ['RI', 'VRWI', 'SERV'];

/** The agreement the steps sign (and the base of amendments): the government and Catalisti as parties. */
export function agreementContent(earmarks: Earmark[], termYears = 4, text = 'Overeenkomst.') {
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

/** A registered case: its roadmap, two assessors' assessments (each scoring `score`) and the conclusion to proceed. */
export async function assessAndConclude(c: CaseCommands, score = 4): Promise<void> {
  await c.send(saveRoadmapDraftUpdate, 'handler', (meta) => ({ meta, content: roadmap() }));
  await c.send(submitRoadmapUpdate, 'handler', (meta) => ({ meta }));
  await c.send(assignAssessorsUpdate, 'handler', (meta) => ({ meta, assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] }));
  for (const assessor of ['assessor-a', 'assessor-b']) {
    await c.send(declareConflictUpdate, assessor, (meta) => ({ meta, hasConflict: false }));
    await c.send(submitAssessmentUpdate, assessor, (meta) => ({ meta, content: assessment(score) }));
  }
  await c.send(concludeAssessmentUpdate, 'handler', (meta) => ({ meta, outcome: 'proceed' as const, remarks: 'Goed' }));
}

/** A registered case: its roadmap, two assessors' assessments and the conclusion, until the three advice requests are open. */
export async function assessToAdvice(c: CaseCommands): Promise<void> {
  await assessAndConclude(c);
  // The workflow asks the councils itself; they answer once their requests are open.
  // (Requested, whatever has happened to them since: a test may have a council answer at once.)
  await c.waitForState('the advice requests', (s) => COUNCILS.every((code) => s.advice[code] !== undefined));
}

/** The three councils' positive advice, then a decision proposed and approved by someone else (four eyes). */
export async function adviseAndDecide(c: CaseCommands): Promise<void> {
  for (const code of COUNCILS) {
    await c.send(submitAdviceUpdate, `council-${code.toLowerCase()}`, (meta) => ({ meta, councilCode: code, position: 'positive' as const, text: 'Gunstig advies.' }));
  }
  await c.waitForState('the decision stage', (s) => s.stage === 'decision');
  const proposed = await c.send(proposeDecisionUpdate, 'handler', (meta) => ({ meta, proposal: proposal() }));
  await c.send(decideApprovalUpdate, 'approver', (meta) => ({ meta, approvalId: proposed.approvalId, decision: 'approve' as const, comment: 'Akkoord' }));
}

/** A one-milestone test trajectory met and concluded, then an agreement earmarking `earmarks`, signed by both parties. */
export async function trajectoryToSignedAgreement(c: CaseCommands, opts: { earmarks: Earmark[]; termYears: number; now: Date }): Promise<{ sha256: string }> {
  const [milestone] = await c.send(planTrajectoryUpdate, 'handler', (meta) => ({
    meta,
    pilot: false,
    milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate: brusselsDate(addDays(opts.now, 30)) }],
  }));
  await c.send(recordMilestoneEvidenceUpdate, 'handler', (meta) => ({ meta, milestoneId: milestone!.milestoneId, evidence: 'Gehaald volgens plan.' }));
  await c.send(concludeTrajectoryUpdate, 'handler', (meta) => ({ meta, outcome: 'proceed' as const, evaluation: 'Klaar voor de overeenkomst.', newDueDates: [] }));
  const drafted = await c.send(draftAgreementUpdate, 'handler', (meta) => ({ meta, content: agreementContent(opts.earmarks, opts.termYears) }));
  await c.send(signAgreementUpdate, 'approver', (meta) => ({ meta, sha256: drafted.sha256, partyId: 'vlaamse-overheid' }));
  await c.send(signAgreementUpdate, 'handler2', (meta) => ({ meta, sha256: drafted.sha256, partyId: 'catalisti' }));
  return drafted;
}
