import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  ParentClosePolicy,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import {
  commandRefusal,
  dialogueCycleCount,
  dialogueCycleDue,
  isTerminationKind,
  lateAdviceRefusal,
  pendingTerminationRefusal,
  TERMINATION_COMMAND,
  type CaseCommand,
  type CaseStage,
  type PendingTermination,
} from '@cluster/domain';
import {
  type CommandMeta,
  assignAssessorsUpdate,
  auditHeadSignal,
  caseAttributesSignal,
  type AuditHead,
  caseStateQuery,
  concludeAssessmentUpdate,
  selectionOutcomeSignal,
  decideApprovalUpdate,
  declareConflictUpdate,
  proposeDecisionUpdate,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  satisfyTermSignal,
  submitAdviceUpdate,
  submitAssessmentUpdate,
  submitRoadmapUpdate,
  planTrajectoryUpdate,
  recordMilestoneEvidenceUpdate,
  concludeTrajectoryUpdate,
  draftAgreementUpdate,
  signAgreementUpdate,
  submitDialogueReportUpdate,
  recordDialogueOutcomeUpdate,
  requestReleaseUpdate,
  decideReleaseUpdate,
  closeCaseUpdate,
  decideTerminationUpdate,
  proposeTerminationUpdate,
  type DialogueResume,
  TERM_WORKFLOW_TYPE,
  termWorkflowId,
  type CaseWorkflowInput,
  type TermOutcome,
  type TermWorkflowInput,
} from '@cluster/contracts';
import type { CaseActivities } from '@cluster/activities';
import { DB_ACTIVITY } from './activity-options';
import { surfaced, updateRef } from './update-context';
import { forbidden, stageConflict, unwrapActivityFailure } from './failures';
import { upsertChange, upsertResumed, upsertStage } from './case/search-attributes';

const acts = proxyActivities<CaseActivities>(DB_ACTIVITY);

/** Guards the main loop's one change for approved terminations (cases run for years). */
const TERMINATION_PATCH = 'four-eyes-terminations';

/** What the single-person commands no longer do: a rejection, a stop or an early end needs four eyes. */
const FOUR_EYES_ONLY =
  'Dit beëindigt het dossier en vraagt vier ogen: het wordt voorgesteld en door een andere goedkeurder goedgekeurd. / This ends the case and needs four eyes: it is proposed, and approved by another approver.';



interface CouncilState {
  requestId: string;
  dueAt: string;
  status: 'open' | 'advising' | 'advised' | 'lapsed';
}

/**
 * One case of one spearhead cluster, for its whole life (years). Commands arrive as updates whose
 * validators refuse what the current stage does not allow; handlers write through activities,
 * which move the case's stage in the same transaction as their record and audit event. Terms are
 * durable timers in child term workflows.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<void> {
  const { caseId } = input;
  let stage = (input.resume ? 'structured_dialogue' : 'roadmap_drafting') as CaseStage;
  // Read through a function: TypeScript cannot see that handlers change `stage` between awaits.
  const current = (): CaseStage => stage;
  /** Every stage change goes through here, so the `CaseStage` search attribute follows it. */
  const moveTo = (next: CaseStage) => {
    if (next !== stage) upsertStage(next);
    stage = next;
  };
  const now = () => new Date(Date.now()).toISOString();
  let registered = Boolean(input.resume);
  let registrationFailed = false;
  let submittedVersion: number | null = null;
  const assessors = new Map<string, string>();
  const councils = new Map<string, CouncilState>();
  let pendingApproval: { approvalId: string; proposedBy: string } | null = null;
  const milestones = new Map<string, { dueAt: string; met: boolean; round: number; reminderDaysBefore: number[] }>();
  let agreement: DialogueResume['agreement'] = input.resume?.agreement ?? null;
  let dialogue: DialogueResume | null = input.resume ?? null;
  const pendingReleases = new Map<string, string>(input.resume?.pendingReleases ?? []);
  const cycleState = { reported: false, concluded: false };
  // A rejection, stop, early end or withdrawal awaiting a second person's approval (four eyes).
  let pendingTermination: PendingTermination | null = input.resume?.pendingTermination ?? null;
  // Set only when an approved termination closed the case: every term child still running (or
  // still starting) is stopped, and the main loop takes no further step of its own.
  let endedByTermination = false;
  const runningTerms = new Set<string>();
  const stopTerm = (workflowId: string) => getExternalWorkflowHandle(workflowId).signal(satisfyTermSignal).catch(() => undefined);
  /** Called once a term child has started: known, so that a termination can stop it. */
  const termStarted = async (workflowId: string) => {
    runningTerms.add(workflowId);
    if (endedByTermination) await stopTerm(workflowId);
  };
  // The audit chain's head, kept here apart from the database: a deleted tail cannot hide.
  let auditHead: AuditHead | null = input.resume?.auditHead ?? null;
  // The main loop's own steps (opening and closing an advice round) commit to the database before
  // this workflow takes in their result. In that moment the API already shows the new state, so a
  // command sent on it must wait for the workflow to catch up rather than be refused (409).
  let settling = 0;
  const settle = async <T>(step: () => Promise<T>): Promise<T> => {
    settling++;
    try {
      return await step();
    } finally {
      settling--;
    }
  };
  /** For validators whose answer a settling step may change: their check runs again in the handler. */
  const settled = () => condition(() => settling === 0);
  const anchor = (head: AuditHead | undefined) => {
    // Signals may arrive out of order; the head only moves forward.
    if (head && (!auditHead || head.seq > auditHead.seq)) auditHead = { seq: head.seq, hash: head.hash };
  };
  // Still sent for commits outside the handlers' commands (terms, rounds, API-side appends) and by
  // workers that ran before commands answered with their head: replays of those histories need it.
  setHandler(auditHeadSignal, anchor);
  setHandler(caseAttributesSignal, upsertChange);
  /**
   * A handler's command: its answer brings the case's new audit head (activities/src/audit-head.ts),
   * kept here instead of waiting for a signal and a workflow task of its own. The head is taken out
   * of the answer the caller gets, which stays as the contract describes it.
   */
  const committed = async <T>(work: () => Promise<T>): Promise<T> => {
    const result = await surfaced(work);
    if (typeof result !== 'object' || result === null || Array.isArray(result) || !('auditHead' in result)) return result;
    const { auditHead: head, ...answer } = result as T & { auditHead?: AuditHead };
    anchor(head);
    return answer as T;
  };
  let adviceRounds = 0;
  const termId = (councilCode: string) => termWorkflowId(caseId, `advice-${adviceRounds}-${councilCode}`);

  setHandler(caseStateQuery, () => ({
    stage,
    registered,
    submittedVersion,
    assessors: Object.fromEntries(assessors),
    advice: Object.fromEntries(councils),
    pendingApprovalId: pendingApproval?.approvalId ?? null,
    pendingTermination,
    dialogueCycle: dialogue?.cycle ?? null,
    dialogueTerm: dialogue
      ? { termYears: dialogue.termYears, cadenceMonths: dialogue.cadenceMonths, cycles: dialogueCycleCount(dialogue.termYears, dialogue.cadenceMonths) }
      : null,
    auditHead,
  }));

  /** The validator's common part: registered, and the command allowed in the current stage. */
  const allowed = (command: CaseCommand) => {
    if (!registered) throw stageConflict('Het dossier is nog niet geregistreerd; probeer het over enkele ogenblikken opnieuw. / The case is not registered yet.');
    const refusal = commandRefusal(stage, command) ?? pendingTerminationRefusal(pendingTermination, command);
    if (refusal) throw stageConflict(refusal);
  };
  const termCompleted = () => dialogue !== null && dialogue.cycle > dialogueCycleCount(dialogue.termYears, dialogue.cadenceMonths);

  setHandler(
    registerCaseUpdate,
    async ({ meta }) => {
      try {
        const view = await committed(() => acts.registerCase(updateRef(), caseId, input.details, meta));
        registered = true;
        return view;
      } catch (error) {
        registrationFailed = true;
        throw unwrapActivityFailure(error);
      }
    },
    {
      validator: (_args) => {
        if (registered || registrationFailed) throw stageConflict('Het dossier is al geregistreerd. / The case is already registered.');
      },
    },
  );

  setHandler(saveRoadmapDraftUpdate, ({ meta, content }) => committed(() => acts.saveRoadmapDraft(updateRef(), caseId, content, meta)), {
    validator: (_args) => allowed('saveRoadmapDraft'),
  });

  setHandler(
    submitRoadmapUpdate,
    async ({ meta }) => {
      const result = await committed(() => acts.submitRoadmap(updateRef(), caseId, meta));
      submittedVersion = result.version;
      assessors.clear();
      moveTo('quality_assessment');
      return result;
    },
    { validator: (_args) => allowed('submitRoadmap') },
  );

  setHandler(
    assignAssessorsUpdate,
    async ({ meta, assessorIds }) => {
      const result = await committed(() => acts.assignAssessors(updateRef(), caseId, assessorIds, meta));
      result.assessorIds.forEach((id) => assessors.set(id, 'assigned'));
      return result;
    },
    { validator: (_args) => allowed('assignAssessors') },
  );

  const assessorOnly = (userId: string) => {
    if (!assessors.has(userId)) throw forbidden('U bent geen beoordelaar van deze versie van de routekaart. / You are not an assessor of this roadmap version.');
  };

  setHandler(
    declareConflictUpdate,
    async ({ meta, hasConflict, note }) => {
      const result = await committed(() => acts.declareConflict(updateRef(), caseId, hasConflict, note, meta));
      assessors.set(meta.actor.userId, hasConflict ? 'conflict_declared' : 'cleared');
      return result;
    },
    {
      validator: ({ meta }) => {
        allowed('declareConflict');
        assessorOnly(meta.actor.userId);
      },
    },
  );

  setHandler(
    submitAssessmentUpdate,
    async ({ meta, content }) => {
      const result = await committed(() => acts.submitAssessment(updateRef(), caseId, content, meta));
      assessors.set(meta.actor.userId, 'submitted');
      return result;
    },
    {
      validator: ({ meta }) => {
        allowed('submitAssessment');
        assessorOnly(meta.actor.userId);
        if (assessors.get(meta.actor.userId) === 'conflict_declared') throw forbidden('U hebt een belangenconflict voor deze cluster verklaard; een andere beoordelaar beoordeelt. / You declared a conflict of interest for this cluster.');
      },
    },
  );

  // A call's approved selection (call.workflow.ts): a candidate waiting in `selection` goes on to
  // the advice or is closed with the reason; one still drafting is closed (not in time).
  setHandler(selectionOutcomeSignal, async (s) => {
    const meta: CommandMeta = { actor: s.approvedBy, requestId: s.requestId };
    const result = await acts.applySelectionOutcome({ workflowId: workflowInfo().workflowId, updateId: `selection-${s.selectionId}` }, caseId, s, meta);
    if (result.applied) moveTo(result.stage as CaseStage);
  });

  setHandler(
    concludeAssessmentUpdate,
    async ({ meta, outcome, remarks }) => {
      const result = await committed(() => acts.concludeAssessment(updateRef(), caseId, outcome, remarks, meta));
      moveTo(result.stage);
      return result;
    },
    {
      validator: ({ outcome }) => {
        allowed('concludeAssessment');
        if (outcome === 'reject') throw stageConflict(FOUR_EYES_ONLY);
      },
    },
  );

  const adviceAllowed = ({ meta, councilCode }: { meta: CommandMeta; councilCode: string }) => {
    if (meta.actor.role !== 'council_member') throw forbidden('Alleen een lid van de raad geeft advies. / Only a council member gives advice.');
    const council = councils.get(councilCode);
    // A lapsed term is the precise reason, also once the case has moved on to the decision.
    if (council?.status === 'lapsed') throw stageConflict(lateAdviceRefusal(new Date(council.dueAt), new Date(Date.now())) ?? 'De termijn is verstreken. / The term has passed.');
    allowed('submitAdvice');
    if (!council) throw stageConflict(`Aan ${councilCode} is geen advies gevraagd. / No advice was requested from ${councilCode}.`);
    if (council.status !== 'open') throw stageConflict(`${councilCode} heeft zijn advies gegeven; het is definitief. / ${councilCode} has given its advice; it is final.`);
    const late = lateAdviceRefusal(new Date(council.dueAt), new Date(Date.now()));
    if (late) throw stageConflict(late);
  };

  setHandler(
    submitAdviceUpdate,
    async (args) => {
      const { meta, councilCode, position, text } = args;
      if (settling) {
        await settled();
        adviceAllowed(args);
      }
      const council = councils.get(councilCode)!;
      // Accepted now, by the workflow's clock: that decides "in time", even if the write is retried later.
      council.status = 'advising';
      const acceptedAt = new Date(Date.now()).toISOString();
      try {
        const result = await committed(() => acts.submitAdvice(updateRef(), caseId, council.requestId, { position, text, acceptedAt }, meta));
        council.status = 'advised';
        await getExternalWorkflowHandle(termId(councilCode)).signal(satisfyTermSignal); // stops its reminders
        return result;
      } catch (error) {
        council.status = 'open'; // the term runs on and lapses if no valid advice follows
        throw error;
      }
    },
    {
      validator: (args) => {
        if (!settling) adviceAllowed(args);
      },
    },
  );

  const decisionProposalAllowed = () => {
    allowed('proposeDecision');
    if (pendingApproval) throw stageConflict('Er wacht al een voorstel van beslissing op goedkeuring. / A proposed decision already awaits approval.');
  };

  setHandler(
    proposeDecisionUpdate,
    async ({ meta, proposal }) => {
      if (settling) {
        await settled();
        decisionProposalAllowed();
      }
      const result = await committed(() => acts.proposeDecision(updateRef(), caseId, proposal, meta));
      pendingApproval = { approvalId: result.approvalId, proposedBy: result.proposedBy };
      return result;
    },
    {
      validator: (_args) => {
        if (!settling) decisionProposalAllowed();
      },
    },
  );

  setHandler(
    decideApprovalUpdate,
    async ({ meta, approvalId, decision, comment }) => {
      const result = await committed(() => acts.decideApproval(updateRef(), caseId, approvalId, decision, comment, meta));
      pendingApproval = null;
      moveTo(result.stage);
      return result;
    },
    {
      validator: ({ meta, approvalId }) => {
        allowed('decideApproval');
        if (!pendingApproval || pendingApproval.approvalId !== approvalId) throw stageConflict('Deze goedkeuring wacht niet (meer) op een beslissing. / This approval is not pending.');
        // Four eyes, in the workflow too.
        if (pendingApproval.proposedBy === meta.actor.userId) throw forbidden('Vier ogen: niemand keurt zijn eigen voorstel goed; een andere goedkeurder moet beslissen. / Four eyes: nobody approves their own proposal.');
      },
    },
  );

  /** Reminders before a milestone's due date and an escalation when it passes unmet. */
  const milestoneTermId = (id: string) => termWorkflowId(caseId, `milestone-${id}-${milestones.get(id)!.round}`);
  const watchMilestone = async (id: string) => {
    const m = milestones.get(id)!;
    const round = m.round;
    const term = await startChild<(i: TermWorkflowInput) => Promise<TermOutcome>>(TERM_WORKFLOW_TYPE, {
      workflowId: milestoneTermId(id),
      args: [{ caseId, subject: `milestone-${id}`, startedAt: new Date(Date.now()).toISOString(), dueAt: m.dueAt, reminderDaysBefore: m.reminderDaysBefore, recipients: {} }],
    });
    await termStarted(milestoneTermId(id));
    if ((await term.result()) === 'lapsed' && !m.met && m.round === round && current() === 'test_trajectory') {
      await acts.milestoneOverdue(workflowInfo().workflowId, caseId, id, m.dueAt, new Date(Date.now()).toISOString());
    }
  };
  const stopMilestoneTerm = (id: string) => getExternalWorkflowHandle(milestoneTermId(id)).signal(satisfyTermSignal).catch(() => undefined);

  setHandler(
    planTrajectoryUpdate,
    async ({ meta, milestones: plan, pilot }) => {
      const refs = await committed(() => acts.planTrajectory(updateRef(), caseId, plan, pilot, new Date(Date.now()).toISOString(), meta));
      for (const r of refs) {
        milestones.set(r.milestoneId, { dueAt: r.dueAt, met: r.met, round: 1, reminderDaysBefore: r.reminderDaysBefore ?? [] });
        void watchMilestone(r.milestoneId);
      }
      return refs;
    },
    {
      validator: (_args) => {
        allowed('planTrajectory');
        if (milestones.size) throw stageConflict('Het testtraject is al gepland; verleng het via de evaluatie. / The trajectory is planned already; extend it through the evaluation.');
      },
    },
  );

  setHandler(
    recordMilestoneEvidenceUpdate,
    async ({ meta, milestoneId, evidence }) => {
      const result = await committed(() => acts.recordMilestoneEvidence(updateRef(), caseId, milestoneId, evidence, new Date(Date.now()).toISOString(), meta));
      milestones.get(milestoneId)!.met = true;
      await stopMilestoneTerm(milestoneId);
      return result;
    },
    {
      validator: ({ milestoneId }) => {
        allowed('recordMilestoneEvidence');
        if (!milestones.has(milestoneId)) throw stageConflict('Dat is geen mijlpaal van dit dossier. / Not a milestone of this case.');
      },
    },
  );

  setHandler(
    concludeTrajectoryUpdate,
    async ({ meta, outcome, evaluation, newDueDates }) => {
      const result = await committed(() =>
        acts.concludeTrajectory(updateRef(), caseId, outcome, evaluation, newDueDates, new Date(Date.now()).toISOString(), meta),
      );
      if (outcome === 'extend') {
        for (const d of newDueDates) {
          await stopMilestoneTerm(d.milestoneId);
          const m = milestones.get(d.milestoneId)!;
          m.dueAt = result.milestones.find((r) => r.milestoneId === d.milestoneId)!.dueAt;
          m.round++;
          void watchMilestone(d.milestoneId);
        }
      } else {
        for (const [id, m] of milestones) if (!m.met) await stopMilestoneTerm(id);
      }
      moveTo(result.stage);
      return result;
    },
    {
      validator: ({ outcome }) => {
        allowed('concludeTrajectory');
        if (outcome === 'stop') throw stageConflict(FOUR_EYES_ONLY);
      },
    },
  );

  /**
   * The signing deadline: reminders to the signers, an escalation when it passes unsigned. Its
   * term child belongs to one run: a dialogue cycle's continue-as-new ends it, and the next run
   * starts another for what remains of the same deadline (reminders already due are not repeated).
   */
  let signingTermChild: { workflowId: string; endsWithRun: boolean; ended?: Promise<unknown> } | null = null;
  const awaitingSignatures = (versionId: string) => agreement?.versionId === versionId && !agreement.settled && current() !== 'closed';
  const stopSigningTerm = async () => {
    if (signingTermChild) await getExternalWorkflowHandle(signingTermChild.workflowId).signal(satisfyTermSignal).catch(() => undefined);
  };
  const watchSigning = async (a: NonNullable<DialogueResume['agreement']>) => {
    // Before this patch the child was abandoned and its escalation lost after a continue-as-new.
    const perRun = patched('signing-term-per-run');
    signingTermChild = { workflowId: termWorkflowId(caseId, input.resume && perRun ? `signing-v${a.version}-cycle${input.resume.cycle}` : `signing-v${a.version}`), endsWithRun: perRun };
    const child = signingTermChild;
    const term = await startChild<(i: TermWorkflowInput) => Promise<TermOutcome>>(TERM_WORKFLOW_TYPE, {
      workflowId: child.workflowId,
      parentClosePolicy: perRun ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
      args: [{ caseId, subject: `signing-v${a.version}`, startedAt: now(), dueAt: a.signBy, reminderDaysBefore: a.reminderDaysBefore, recipients: { userIds: a.signers.map((s) => s.userId) } }],
    });
    await termStarted(child.workflowId);
    const outcome = term.result();
    child.ended = outcome.catch(() => undefined);
    if ((await outcome) === 'lapsed' && awaitingSignatures(a.versionId)) {
      agreement = { ...agreement!, settled: true };
      await acts.signingOverdue(workflowInfo().workflowId, caseId, a.versionId, now());
    }
  };

  setHandler(
    draftAgreementUpdate,
    async ({ meta, content }) => {
      const result = await committed(() => acts.draftAgreement(updateRef(), caseId, content, new Date(Date.now()).toISOString(), meta));
      // A new version voids the signatures of the one before, and its signing term with them.
      await stopSigningTerm();
      agreement = { versionId: result.agreementVersionId, version: result.version, sha256: result.sha256, signBy: result.signBy, signers: result.signers, reminderDaysBefore: result.reminderDaysBefore, settled: false };
      void watchSigning(agreement);
      return result;
    },
    { validator: (_args) => allowed('draftAgreement') },
  );

  setHandler(
    signAgreementUpdate,
    async ({ meta, sha256, partyId }) => {
      const result = await committed(() => acts.signAgreement(updateRef(), caseId, sha256, partyId, new Date(Date.now()).toISOString(), meta));
      if (result.stage === 'structured_dialogue' && result.dialogue) {
        if (agreement) agreement = { ...agreement, settled: true };
        await stopSigningTerm();
        // The first agreement starts the dialogue; an amendment may change its term and cadence.
        dialogue = dialogue
          ? { ...dialogue, termYears: result.dialogue.termYears, cadenceMonths: result.dialogue.cadenceMonths }
          : { cycle: 1, ...result.dialogue, pendingReleases: [] };
        moveTo('structured_dialogue');
      }
      return result;
    },
    {
      validator: ({ sha256 }) => {
        allowed('signAgreement');
        if (!agreement) throw stageConflict('Er is geen versie van de overeenkomst om te ondertekenen. / There is no agreement version to sign.');
        if (agreement.sha256 !== sha256) throw stageConflict(`De tekst is gewijzigd: versie ${agreement.version} (SHA-256 ${agreement.sha256}) is de te ondertekenen versie. / The text changed: version ${agreement.version} (SHA-256 ${agreement.sha256}) is the one to sign.`);
      },
    },
  );

  const reportTermId = (cycle: number) => termWorkflowId(caseId, `dialogue-report-${cycle}`);
  const inCycle = (cycle: number) => {
    if (!dialogue || dialogue.cycle !== cycle) throw stageConflict(`Dialoogcyclus ${dialogue?.cycle ?? '-'} is de huidige, niet ${cycle}. / Dialogue cycle ${dialogue?.cycle ?? '-'} is the current one, not ${cycle}.`);
  };

  setHandler(
    submitDialogueReportUpdate,
    async ({ meta, cycle, report }) => {
      const result = await committed(() => acts.submitDialogueReport(updateRef(), caseId, cycle, report, now(), meta));
      cycleState.reported = true;
      await getExternalWorkflowHandle(reportTermId(cycle)).signal(satisfyTermSignal).catch(() => undefined);
      return result;
    },
    {
      validator: ({ cycle }) => {
        allowed('submitDialogueReport');
        inCycle(cycle);
        if (cycleState.reported) throw stageConflict(`Het verslag van cyclus ${cycle} is al ingediend; het is definitief. / The report of cycle ${cycle} is in already; it is final.`);
      },
    },
  );

  setHandler(
    recordDialogueOutcomeUpdate,
    async ({ meta, cycle, outcome, actions }) => {
      const result = await committed(() => acts.recordDialogueOutcome(updateRef(), caseId, cycle, outcome, actions, now(), meta));
      cycleState.concluded = true;
      return result;
    },
    {
      validator: ({ cycle }) => {
        allowed('recordDialogueOutcome');
        inCycle(cycle);
        if (cycleState.concluded) throw stageConflict(`Cyclus ${cycle} heeft al een uitkomst. / Cycle ${cycle} has its outcome already.`);
      },
    },
  );

  setHandler(
    requestReleaseUpdate,
    async ({ meta, ...release }) => {
      const result = await committed(() => acts.requestRelease(updateRef(), caseId, release, meta));
      pendingReleases.set(result.approvalId, meta.actor.userId);
      return result;
    },
    { validator: (_args) => allowed('requestRelease') },
  );

  setHandler(
    decideReleaseUpdate,
    async ({ meta, approvalId, decision, comment }) => {
      const result = await committed(() => acts.decideRelease(updateRef(), caseId, approvalId, decision, comment, meta));
      pendingReleases.delete(approvalId);
      return result;
    },
    {
      validator: ({ meta, approvalId }) => {
        allowed('decideRelease');
        const requester = pendingReleases.get(approvalId);
        if (!requester) throw stageConflict('Deze vrijgave wacht niet (meer) op goedkeuring. / This release is not awaiting approval.');
        // Four eyes, in the workflow too.
        if (requester === meta.actor.userId) throw forbidden('Vier ogen: niemand keurt zijn eigen vraag tot vrijgave goed; een andere goedkeurder moet beslissen. / Four eyes: nobody approves their own release request.');
      },
    },
  );

  setHandler(
    closeCaseUpdate,
    async ({ meta, explanation, finalReport }) => {
      const completed = dialogue !== null && dialogue.cycle > dialogueCycleCount(dialogue.termYears, dialogue.cadenceMonths);
      const result = await surfaced(() =>
        acts.closeCase(updateRef(), caseId, completed ? 'term_completed' : 'ended_early', explanation, finalReport, now(), meta),
      );
      anchor(result.auditHead);
      moveTo('closed');
      return result;
    },
    {
      validator: (_args) => {
        allowed('closeCase');
        if (!termCompleted()) throw stageConflict(FOUR_EYES_ONLY);
      },
    },
  );

  setHandler(
    proposeTerminationUpdate,
    async ({ meta, kind, reason, finalReport }) => {
      const result = await committed(() => acts.proposeTermination(updateRef(), caseId, { kind, reason, finalReport }, now(), meta));
      pendingTermination = { approvalId: result.approvalId, kind: result.kind, proposedBy: result.proposedBy };
      return result;
    },
    {
      validator: ({ kind }) => {
        if (!isTerminationKind(kind)) throw stageConflict(`Onbekende soort beëindiging: ${String(kind)}. / Unknown termination: ${String(kind)}.`);
        allowed(TERMINATION_COMMAND[kind]);
        if (kind === 'agreement_early_end' && termCompleted()) throw stageConflict('De looptijd is voltooid: sluit het dossier af met het eindrapport. / The term is complete: close the case with the final report.');
      },
    },
  );

  setHandler(
    decideTerminationUpdate,
    async ({ meta, approvalId, decision, comment }) => {
      // An advice round being opened or closed first comes to rest: the effect lands on a settled case.
      if (settling) await settled();
      const result = await surfaced(() => acts.decideTermination(updateRef(), caseId, approvalId, decision, comment, now(), meta));
      pendingTermination = null;
      anchor(result.auditHead);
      if (result.decision === 'approve') {
        moveTo('closed');
        endedByTermination = true;
        // Every term of this run ends now (reminders and escalations would speak of a closed case).
        await Promise.all([...runningTerms].map(stopTerm));
      }
      return result;
    },
    {
      validator: ({ meta, approvalId }) => {
        allowed('decideTermination');
        if (!pendingTermination || pendingTermination.approvalId !== approvalId) throw stageConflict('Deze goedkeuring wacht niet (meer) op een beslissing. / This approval is not pending.');
        // Four eyes, in the workflow too.
        if (pendingTermination.proposedBy === meta.actor.userId) throw forbidden('Vier ogen: niemand keurt zijn eigen voorstel goed; een andere goedkeurder moet beslissen. / Four eyes: nobody approves their own proposal.');
      },
    },
  );

  /**
   * One dialogue cycle per workflow run: open it, remind and escalate through the report's term,
   * wait for the outcome, then continue as new so the history stays bounded over the years.
   */
  const runDialogueCycle = async (d: DialogueResume): Promise<void> => {
    if (d.cycle > dialogueCycleCount(d.termYears, d.cadenceMonths)) {
      await acts.finalReportDue(workflowInfo().workflowId, caseId, now());
      await condition(() => current() === 'closed');
      return;
    }
    const dueAt = dialogueCycleDue(new Date(d.startedAt), d.cadenceMonths, d.cycle).toISOString();
    await acts.openDialogueCycle(workflowInfo().workflowId, caseId, d.cycle, dueAt, now());
    const term = await startChild<(i: TermWorkflowInput) => Promise<TermOutcome>>(TERM_WORKFLOW_TYPE, {
      workflowId: reportTermId(d.cycle),
      args: [{ caseId, subject: `dialogue-report-${d.cycle}`, startedAt: now(), dueAt, reminderDaysBefore: [14, 3], recipients: {} }],
    });
    await termStarted(reportTermId(d.cycle));
    void term.result().then(async (outcome) => {
      if (outcome === 'lapsed' && !cycleState.reported && current() === 'structured_dialogue') {
        await acts.dialogueReportMissing(workflowInfo().workflowId, caseId, d.cycle, now());
      }
    });
    await condition(() => cycleState.concluded || current() === 'closed');
    if (current() === 'closed') return;
    await condition(allHandlersFinished);
    // An unsigned amendment's term ends with this run, before it continues as new (no child
    // outlives its run); the next run takes over the rest of the deadline.
    if (agreement && !agreement.settled && signingTermChild?.endsWithRun) {
      await stopSigningTerm();
      await signingTermChild.ended;
    }
    // Carry what this run learnt (an amendment's term, releases awaiting approval, the agreement).
    // (A pending termination only when there is one: runs without one continue exactly as before.)
    await continueAsNew<typeof caseWorkflow>({
      ...input,
      resume: { ...(dialogue ?? d), cycle: d.cycle + 1, pendingReleases: [...pendingReleases], agreement, auditHead, pendingTermination: pendingTermination ?? undefined },
    });
  };

  if (input.resume) {
    upsertResumed(stage, input.details.clusterName);
    // An amendment still being signed: this run watches the rest of its deadline.
    if (agreement && !agreement.settled && patched('signing-term-per-run')) void watchSigning(agreement);
    await runDialogueCycle(input.resume);
    await condition(allHandlersFinished);
    return;
  }

  // A start whose registration never arrived (the API gave up) leaves no case behind: end it.
  const arrived = await condition(() => registered || registrationFailed, '1 day');
  if (!arrived || registrationFailed) {
    await condition(allHandlersFinished);
    return;
  }

  // Stages that need the workflow's own action; everything else moves by updates.
  for (;;) {
    await condition(() => ['advice', 'closed', 'test_trajectory'].includes(current()));
    if (current() !== 'advice') break;
    adviceRounds++;
    const opened = await settle(async () => {
      const round = await acts.openAdviceRound(workflowInfo().workflowId, caseId, adviceRounds, new Date(Date.now()).toISOString());
      councils.clear();
      round.requests.forEach((r) => councils.set(r.councilCode, { requestId: r.requestId, dueAt: r.dueAt, status: 'open' }));
      return round;
    });
    await Promise.all(
      opened.requests.map(async (r) => {
        const council = councils.get(r.councilCode)!;
        const term = await startChild<(i: TermWorkflowInput) => Promise<TermOutcome>>(TERM_WORKFLOW_TYPE, {
          workflowId: termId(r.councilCode),
          args: [
            {
              caseId,
              subject: `advice-${r.councilCode}`,
              startedAt: new Date(Date.now()).toISOString(),
              dueAt: r.dueAt,
              reminderDaysBefore: r.reminderDaysBefore,
              recipients: { councilCode: r.councilCode },
            },
          ],
        });
        await termStarted(termId(r.councilCode));
        if ((await term.result()) === 'lapsed') {
          // Advice accepted just before the due instant finishes first; otherwise the council lapses.
          await condition(() => council.status !== 'advising');
          if (council.status === 'open') {
            await acts.lapseAdvice(workflowInfo().workflowId, caseId, r.requestId, new Date(Date.now()).toISOString());
            council.status = 'lapsed';
          }
        }
      }),
    );
    // A withdrawal approved during the advice stopped its terms: the round closes with the case.
    if (endedByTermination && patched(TERMINATION_PATCH)) break;
    await settle(async () => {
      await acts.closeAdviceRound(workflowInfo().workflowId, caseId, opened.round);
      moveTo('decision');
    });
  }

  // Test trajectory and agreement move by updates; the dialogue runs one cycle per workflow run.
  await condition(() => current() === 'structured_dialogue' || current() === 'closed');
  if (current() === 'structured_dialogue' && dialogue) await runDialogueCycle(dialogue);
  await condition(allHandlersFinished);
}
