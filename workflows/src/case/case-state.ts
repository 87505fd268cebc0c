import { dialogueCycleCount, type CaseStage, type PendingTermination } from '@cluster/domain';
import type { AuditHead, CaseWorkflowInput, CaseWorkflowState, DialogueResume } from '@cluster/contracts';
import { upsertStage } from './search-attributes';

export interface CouncilState {
  requestId: string;
  dueAt: string;
  status: 'open' | 'advising' | 'advised' | 'lapsed';
}

export interface MilestoneState {
  dueAt: string;
  met: boolean;
  /** Raised by each extension: a term child per round, so the old one's lapse is ignored. */
  round: number;
  reminderDaysBefore: number[];
}

/**
 * What one case workflow run knows of its case: what the stage handlers read and change, what
 * the `caseState` query shows (`view`) and what a dialogue cycle's continue-as-new carries into
 * the next run (`resumeAfter`). The database holds the record; this is the process's own memory.
 */
export class CaseState {
  stage: CaseStage;
  registered: boolean;
  /** The registration's activity failed: the start leaves no case behind. */
  registrationFailed = false;
  submittedVersion: number | null = null;
  /** Assessor id → assigned, conflict_declared, cleared or submitted (the version under assessment). */
  readonly assessors = new Map<string, string>();
  /** Council code → its request in the current advice round. */
  readonly councils = new Map<string, CouncilState>();
  adviceRounds = 0;
  pendingApproval: { approvalId: string; proposedBy: string } | null = null;
  readonly milestones = new Map<string, MilestoneState>();
  agreement: DialogueResume['agreement'];
  dialogue: DialogueResume | null;
  /** Release approvals still pending: approval id → requester (four eyes). */
  readonly pendingReleases: Map<string, string>;
  /** The current dialogue cycle (one per run). */
  readonly cycle = { reported: false, concluded: false };
  /** A rejection, stop, early end or withdrawal awaiting a second person's approval (four eyes). */
  pendingTermination: PendingTermination | null;
  /**
   * Set only when an approved termination closed the case: every term child still running (or
   * still starting) is stopped, and the main loop takes no further step of its own.
   */
  endedByTermination = false;
  /** The audit chain's head, kept here apart from the database: a deleted tail cannot hide. */
  auditHead: AuditHead | null;

  constructor(input: CaseWorkflowInput) {
    this.stage = input.resume ? 'structured_dialogue' : 'roadmap_drafting';
    this.registered = Boolean(input.resume);
    this.agreement = input.resume?.agreement ?? null;
    this.dialogue = input.resume ?? null;
    this.pendingReleases = new Map<string, string>(input.resume?.pendingReleases ?? []);
    this.pendingTermination = input.resume?.pendingTermination ?? null;
    this.auditHead = input.resume?.auditHead ?? null;
  }

  /**
   * The stage now. A method, not the field: TypeScript narrows a field it has compared and cannot
   * see that a handler changes it between two awaits of the main loop.
   */
  current(): CaseStage {
    return this.stage;
  }

  /** Every stage change goes through here, so the `CaseStage` search attribute follows it. */
  moveTo(next: CaseStage): void {
    if (next !== this.stage) upsertStage(next);
    this.stage = next;
  }

  /** A newer audit head (signals may arrive out of order; the head only moves forward). */
  anchor(head: AuditHead | undefined): void {
    if (head && (!this.auditHead || head.seq > this.auditHead.seq)) this.auditHead = { seq: head.seq, hash: head.hash };
  }

  /** Every cycle of the agreement's term is behind us: the case closes with its final report. */
  termCompleted(): boolean {
    return this.dialogue !== null && this.dialogue.cycle > dialogueCycleCount(this.dialogue.termYears, this.dialogue.cadenceMonths);
  }

  /** The `caseState` query's answer. */
  view(): CaseWorkflowState {
    const dialogue = this.dialogue;
    return {
      stage: this.stage,
      registered: this.registered,
      submittedVersion: this.submittedVersion,
      assessors: Object.fromEntries(this.assessors),
      advice: Object.fromEntries(this.councils),
      pendingApprovalId: this.pendingApproval?.approvalId ?? null,
      pendingTermination: this.pendingTermination,
      dialogueCycle: dialogue?.cycle ?? null,
      dialogueTerm: dialogue
        ? { termYears: dialogue.termYears, cadenceMonths: dialogue.cadenceMonths, cycles: dialogueCycleCount(dialogue.termYears, dialogue.cadenceMonths) }
        : null,
      auditHead: this.auditHead,
    };
  }

  /**
   * What the run after cycle `d` starts from: what this run learnt (an amendment's term, releases
   * awaiting approval, the agreement, the audit head). A pending termination only when there is
   * one: runs without one continue exactly as before it existed.
   */
  resumeAfter(d: DialogueResume): DialogueResume {
    return {
      ...(this.dialogue ?? d),
      cycle: d.cycle + 1,
      pendingReleases: [...this.pendingReleases],
      agreement: this.agreement,
      auditHead: this.auditHead,
      pendingTermination: this.pendingTermination ?? undefined,
    };
  }
}
