import { getExternalWorkflowHandle, startChild, type ChildWorkflowHandle, type ParentClosePolicy } from '@temporalio/workflow';
import { satisfyTermSignal, TERM_WORKFLOW_TYPE, type TermOutcome, type TermWorkflowInput } from '@cluster/contracts';
import type { CaseState } from './case-state';

export type TermChild = ChildWorkflowHandle<(i: TermWorkflowInput) => Promise<TermOutcome>>;

/** A term as its owner describes it; the case and the start time are added here. */
export interface TermSpec {
  subject: string;
  dueAt: string;
  reminderDaysBefore: number[];
  recipients: NonNullable<TermWorkflowInput['recipients']>;
}

/**
 * Starting and ending the case's legal terms (advice, milestones, signing, dialogue reports),
 * each a term child workflow. Every started term is known here, so an approved termination can
 * stop all of them, including one whose start was still on its way.
 */
export class CaseTerms {
  private readonly running = new Set<string>();

  constructor(
    private readonly caseId: string,
    private readonly state: CaseState,
  ) {}

  /** Starts the term child `workflowId`; resolves once it runs (and is stopped at once if the case ended meanwhile). */
  async start(workflowId: string, term: TermSpec, parentClosePolicy?: ParentClosePolicy): Promise<TermChild> {
    const child = await startChild<(i: TermWorkflowInput) => Promise<TermOutcome>>(TERM_WORKFLOW_TYPE, {
      workflowId,
      ...(parentClosePolicy === undefined ? {} : { parentClosePolicy }),
      args: [{ caseId: this.caseId, subject: term.subject, startedAt: new Date(Date.now()).toISOString(), dueAt: term.dueAt, reminderDaysBefore: term.reminderDaysBefore, recipients: term.recipients }],
    });
    this.running.add(workflowId);
    if (this.state.endedByTermination) await this.end(workflowId);
    return child;
  }

  /** Satisfies the term: its reminders and its lapse stop. Fails when the term is gone. */
  satisfy(workflowId: string): Promise<void> {
    return getExternalWorkflowHandle(workflowId).signal(satisfyTermSignal);
  }

  /** Ends the term if it still runs (one that ended already is no error). */
  end(workflowId: string): Promise<void> {
    return this.satisfy(workflowId).catch(() => undefined);
  }

  /** Ends every term this run started (reminders and escalations would speak of a closed case). */
  async endAll(): Promise<void> {
    await Promise.all([...this.running].map((id) => this.end(id)));
  }
}
