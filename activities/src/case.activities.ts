import type {
  AdvicePosition,
  ApprovalDecision,
  AssessmentContent,
  CaseView,
  ConclusionOutcome,
  AgreementContent,
  DecisionProposal,
  DialogueAction,
  DialogueOutcome,
  DialogueReport,
  MilestonePlan,
  NewCaseDetails,
  TrajectoryOutcome,
  RoadmapContent,
} from '@cluster/domain';
import type {
  AdviceRoundOpened,
  AgreementDrafted,
  AgreementSigned,
  CaseClosed,
  ReleaseDecided,
  ReleaseRequested,
  AdviceSubmitted,
  ApprovalDecided,
  AssessmentConcluded,
  AssessmentSubmitted,
  AssessorsAssigned,
  CommandMeta,
  ConflictDeclared,
  DecisionProposed,
  MilestoneRef,
  RoadmapDraftSaved,
  TrajectoryEvaluated,
  RoadmapSubmitted,
  TerminationDecided,
  TerminationProposed,
} from '@cluster/contracts';
import type { AdviceService, AgreementService, AssessmentService, CaseCommandsService, DecisionService, DialogueService, SelectionOutcomeApplied, SelectionOutcomeInput, SelectionOutcomeService, TerminationService, TrajectoryService } from '@cluster/cases';
import type { TerminationProposal } from '@cluster/cases';
import type { BudgetService } from '@cluster/budget';
import type { RemindersService, TermEventKind } from '@cluster/reminders';
import type { Recipients } from '@cluster/notifications';
import { asActivity, asCommand } from './activity-errors';
import { withAuditHead, type HeadSource } from './audit-head';

/** Identifies one accepted update: the idempotency key of what it writes. */
export interface UpdateRef {
  workflowId: string;
  updateId: string;
}

export interface CaseActivityDeps {
  commands: CaseCommandsService;
  assessment: AssessmentService;
  advice: AdviceService;
  decisions: DecisionService;
  trajectory: TrajectoryService;
  agreements: AgreementService;
  dialogue: DialogueService;
  budget: BudgetService;
  reminders: RemindersService;
  terminations: TerminationService;
  selectionOutcomes: SelectionOutcomeService;
  /** The database, for each command to answer with its case's new audit head. */
  heads: HeadSource;
}

/** Thin adapters from the worker to the services in libs/ (dependencies injected by the worker). */
export function createCaseActivities({ commands, assessment, advice, decisions, trajectory, agreements, dialogue, budget, reminders, terminations, selectionOutcomes, heads }: CaseActivityDeps) {
  const ctx = (ref: UpdateRef, meta: CommandMeta) => ({ meta, workflowId: ref.workflowId, idempotencyKey: key(ref) });
  /** A command someone waits for: its answer carries the case's new audit head (see withAuditHead). */
  const command = <T>(ref: UpdateRef, caseId: string, work: () => Promise<T>): Promise<T> =>
    asCommand(ref, caseId, () => withAuditHead(heads, caseId, work));
  return {
    registerCase(ref: UpdateRef, caseId: string, details: NewCaseDetails, meta: CommandMeta): Promise<CaseView> {
      return command(ref, caseId, () => commands.registerCase(caseId, details, ctx(ref, meta)));
    },

    saveRoadmapDraft(ref: UpdateRef, caseId: string, content: RoadmapContent, meta: CommandMeta): Promise<RoadmapDraftSaved> {
      return command(ref, caseId, () => commands.saveRoadmapDraft(caseId, content, ctx(ref, meta)));
    },

    submitRoadmap(ref: UpdateRef, caseId: string, meta: CommandMeta): Promise<RoadmapSubmitted> {
      return command(ref, caseId, () => commands.submitRoadmap(caseId, ctx(ref, meta)));
    },

    assignAssessors(ref: UpdateRef, caseId: string, assessorIds: string[], meta: CommandMeta): Promise<AssessorsAssigned> {
      return command(ref, caseId, () => assessment.assignAssessors(caseId, assessorIds, ctx(ref, meta)));
    },

    declareConflict(ref: UpdateRef, caseId: string, hasConflict: boolean, note: string | undefined, meta: CommandMeta): Promise<ConflictDeclared> {
      return command(ref, caseId, () => assessment.declareConflict(caseId, hasConflict, note, ctx(ref, meta)));
    },

    submitAssessment(ref: UpdateRef, caseId: string, content: AssessmentContent, meta: CommandMeta): Promise<AssessmentSubmitted> {
      return command(ref, caseId, () => assessment.submitAssessment(caseId, content, ctx(ref, meta)));
    },

    concludeAssessment(ref: UpdateRef, caseId: string, outcome: ConclusionOutcome, remarks: string, meta: CommandMeta): Promise<AssessmentConcluded> {
      return command(ref, caseId, () => assessment.conclude(caseId, outcome, remarks, ctx(ref, meta)));
    },

    /** `requestedAt` is the workflow's clock: terms are computed from it, so timers and due dates agree. */
    openAdviceRound(workflowId: string, caseId: string, attempt: number, requestedAt: string): Promise<AdviceRoundOpened> {
      return asActivity(() =>
        advice.openRound(caseId, new Date(requestedAt), { workflowId, idempotencyKey: `${workflowId}:advice-round:${attempt}` }),
      );
    },

    submitAdvice(
      ref: UpdateRef,
      caseId: string,
      requestId: string,
      given: { position: AdvicePosition; text: string; acceptedAt: string },
      meta: CommandMeta,
    ): Promise<AdviceSubmitted> {
      return command(ref, caseId, () =>
        advice.submitAdvice(caseId, requestId, { ...given, acceptedAt: new Date(given.acceptedAt) }, ctx(ref, meta)),
      );
    },

    lapseAdvice(workflowId: string, caseId: string, requestId: string, at: string): Promise<void> {
      return asActivity(() => advice.lapse(caseId, requestId, new Date(at), { workflowId, idempotencyKey: `${workflowId}:lapse:${requestId}` }));
    },

    closeAdviceRound(workflowId: string, caseId: string, round: number): Promise<void> {
      return asActivity(() => advice.closeRound(caseId, round, { workflowId, idempotencyKey: `${workflowId}:advice-round-closed:${round}` }));
    },

    proposeDecision(ref: UpdateRef, caseId: string, proposal: DecisionProposal, meta: CommandMeta): Promise<DecisionProposed> {
      return command(ref, caseId, () => decisions.propose(caseId, proposal, ctx(ref, meta)));
    },

    decideApproval(
      ref: UpdateRef,
      caseId: string,
      approvalId: string,
      decision: ApprovalDecision,
      comment: string,
      meta: CommandMeta,
    ): Promise<ApprovalDecided> {
      return command(ref, caseId, () => decisions.decideApproval(caseId, approvalId, decision, comment, ctx(ref, meta)));
    },

    planTrajectory(ref: UpdateRef, caseId: string, milestones: MilestonePlan[], pilot: boolean, acceptedAt: string, meta: CommandMeta): Promise<MilestoneRef[]> {
      return command(ref, caseId, () => trajectory.plan(caseId, milestones, pilot, new Date(acceptedAt), ctx(ref, meta)));
    },

    recordMilestoneEvidence(ref: UpdateRef, caseId: string, milestoneId: string, evidence: string, acceptedAt: string, meta: CommandMeta): Promise<MilestoneRef> {
      return command(ref, caseId, () => trajectory.recordEvidence(caseId, milestoneId, evidence, new Date(acceptedAt), ctx(ref, meta)));
    },

    milestoneOverdue(workflowId: string, caseId: string, milestoneId: string, dueAt: string, at: string): Promise<void> {
      return asActivity(() => trajectory.milestoneOverdue(caseId, milestoneId, new Date(at), { workflowId, idempotencyKey: `${workflowId}:overdue:${milestoneId}:${dueAt}` }));
    },

    concludeTrajectory(
      ref: UpdateRef,
      caseId: string,
      outcome: TrajectoryOutcome,
      evaluation: string,
      newDueDates: { milestoneId: string; dueDate: string }[],
      acceptedAt: string,
      meta: CommandMeta,
    ): Promise<TrajectoryEvaluated> {
      return command(ref, caseId, () => trajectory.evaluate(caseId, outcome, evaluation, newDueDates, new Date(acceptedAt), ctx(ref, meta)) as Promise<TrajectoryEvaluated>);
    },

    draftAgreement(ref: UpdateRef, caseId: string, content: AgreementContent, acceptedAt: string, meta: CommandMeta): Promise<AgreementDrafted> {
      return command(ref, caseId, () => agreements.draft(caseId, content, new Date(acceptedAt), ctx(ref, meta)));
    },

    signAgreement(ref: UpdateRef, caseId: string, sha256: string, partyId: string, acceptedAt: string, meta: CommandMeta): Promise<AgreementSigned> {
      return command(ref, caseId, () => agreements.sign(caseId, sha256, partyId, new Date(acceptedAt), ctx(ref, meta)));
    },

    signingOverdue(workflowId: string, caseId: string, agreementVersionId: string, at: string): Promise<void> {
      return asActivity(() => agreements.signingOverdue(caseId, agreementVersionId, new Date(at), { workflowId, idempotencyKey: `${workflowId}:signing-overdue:${agreementVersionId}` }));
    },

    openDialogueCycle(workflowId: string, caseId: string, cycle: number, dueAt: string, at: string): Promise<void> {
      return asActivity(() => dialogue.openCycle(caseId, cycle, new Date(dueAt), new Date(at), { workflowId, idempotencyKey: `${caseId}:cycle-open:${cycle}` }));
    },

    submitDialogueReport(ref: UpdateRef, caseId: string, cycle: number, report: DialogueReport, acceptedAt: string, meta: CommandMeta) {
      return command(ref, caseId, () => dialogue.submitReport(caseId, cycle, report, new Date(acceptedAt), ctx(ref, meta)));
    },

    dialogueReportMissing(workflowId: string, caseId: string, cycle: number, at: string): Promise<void> {
      return asActivity(() => dialogue.reportMissing(caseId, cycle, new Date(at), { workflowId, idempotencyKey: `${caseId}:report-missing:${cycle}` }));
    },

    recordDialogueOutcome(ref: UpdateRef, caseId: string, cycle: number, outcome: DialogueOutcome, actions: DialogueAction[], acceptedAt: string, meta: CommandMeta) {
      return command(ref, caseId, () => dialogue.recordOutcome(caseId, cycle, outcome, actions, new Date(acceptedAt), ctx(ref, meta)));
    },

    finalReportDue(workflowId: string, caseId: string, at: string): Promise<void> {
      return asActivity(() => dialogue.finalReportDue(caseId, new Date(at), { workflowId, idempotencyKey: `${caseId}:final-report-due` }));
    },

    closeCase(ref: UpdateRef, caseId: string, reason: 'term_completed' | 'ended_early', explanation: string, finalReport: string, acceptedAt: string, meta: CommandMeta): Promise<CaseClosed> {
      return command(ref, caseId, () => dialogue.close(caseId, reason, explanation, finalReport, new Date(acceptedAt), ctx(ref, meta)));
    },

    /** A rejection, a stop, an early end or a withdrawal, proposed for four eyes: nothing changes yet. */
    proposeTermination(ref: UpdateRef, caseId: string, proposal: TerminationProposal, acceptedAt: string, meta: CommandMeta): Promise<TerminationProposed> {
      return command(ref, caseId, () => terminations.propose(caseId, proposal, new Date(acceptedAt), ctx(ref, meta)));
    },

    decideTermination(ref: UpdateRef, caseId: string, approvalId: string, decision: ApprovalDecision, comment: string, acceptedAt: string, meta: CommandMeta): Promise<TerminationDecided> {
      return command(ref, caseId, () => terminations.decide(caseId, approvalId, decision, comment, new Date(acceptedAt), ctx(ref, meta)));
    },

    requestRelease(
      ref: UpdateRef,
      caseId: string,
      r: { instrumentCode: string; amountCents: number; justification: string; basis: string },
      meta: CommandMeta,
    ): Promise<ReleaseRequested> {
      return command(ref, caseId, () => budget.requestRelease(caseId, r, { actor: meta.actor, requestId: meta.requestId, workflowId: ref.workflowId, idempotencyKey: key(ref) }));
    },

    decideRelease(ref: UpdateRef, caseId: string, approvalId: string, decision: ApprovalDecision, comment: string, meta: CommandMeta): Promise<ReleaseDecided> {
      return command(ref, caseId, () =>
        budget.decideRelease(caseId, approvalId, decision, comment, { actor: meta.actor, requestId: meta.requestId, workflowId: ref.workflowId, idempotencyKey: key(ref) }),
      );
    },

    /** Signalled by the call's workflow; the ref names the selection, so a retry applies once. */
    applySelectionOutcome(ref: UpdateRef, caseId: string, s: SelectionOutcomeInput, meta: CommandMeta): Promise<SelectionOutcomeApplied> {
      return asActivity(() => selectionOutcomes.apply(caseId, { callId: s.callId, selectionId: s.selectionId, outcome: s.outcome, reason: s.reason }, ctx(ref, meta)));
    },

    recordTermEvent(
      workflowId: string,
      caseId: string,
      subject: string,
      kind: TermEventKind,
      dueAt: string,
      n: number,
      firedAt: string,
      recipients: Recipients = {},
    ): Promise<void> {
      return asActivity(() =>
        reminders.recordTermEvent({ caseId, subject, kind, dueAt, firedAt: new Date(firedAt), recipients, workflowId, idempotencyKey: `${workflowId}:${kind}:${n}` }),
      );
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;

function key(ref: UpdateRef): string {
  return `${ref.workflowId}:${ref.updateId}`;
}
