import { ParentClosePolicy, patched } from '@temporalio/workflow';
import { termWorkflowId, type DialogueResume } from '@cluster/contracts';
import { acts, now, type CaseRun } from './case-run';

type Agreement = NonNullable<DialogueResume['agreement']>;

/**
 * The signing deadline: reminders to the signers, an escalation when it passes unsigned. Its
 * term child belongs to one run: a dialogue cycle's continue-as-new ends it, and the next run
 * starts another for what remains of the same deadline (reminders already due are not repeated).
 */
export class SigningTerm {
  private child: { workflowId: string; endsWithRun: boolean; ended?: Promise<unknown> } | null = null;

  constructor(private readonly run: CaseRun) {}

  /** Watches `a`'s deadline until it is signed by all, superseded, or lapses (then escalates). */
  async watch(a: Agreement): Promise<void> {
    const { run } = this;
    const resume = run.input.resume;
    // Before this patch the child was abandoned and its escalation lost after a continue-as-new.
    const perRun = patched('signing-term-per-run');
    this.child = { workflowId: termWorkflowId(run.caseId, resume && perRun ? `signing-v${a.version}-cycle${resume.cycle}` : `signing-v${a.version}`), endsWithRun: perRun };
    const child = this.child;
    const term = await run.terms.start(
      child.workflowId,
      { subject: `signing-v${a.version}`, dueAt: a.signBy, reminderDaysBefore: a.reminderDaysBefore, recipients: { userIds: a.signers.map((s) => s.userId) } },
      perRun ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
    );
    const outcome = term.result();
    child.ended = outcome.catch(() => undefined);
    if ((await outcome) === 'lapsed' && this.awaitingSignatures(a.versionId)) {
      run.state.agreement = { ...run.state.agreement!, settled: true };
      await acts.signingOverdue(run.workflowId, run.caseId, a.versionId, now());
    }
  }

  /** Ends the current deadline's term (a new version voids it, or all have signed). */
  async stop(): Promise<void> {
    if (this.child) await this.run.terms.end(this.child.workflowId);
  }

  /**
   * Before a continue-as-new: an unsigned amendment's term ends with this run (no child outlives
   * its run); the next run takes over the rest of the deadline.
   */
  async endWithRun(): Promise<void> {
    const { agreement } = this.run.state;
    if (agreement && !agreement.settled && this.child?.endsWithRun) {
      await this.stop();
      await this.child.ended;
    }
  }

  private awaitingSignatures(versionId: string): boolean {
    const { state } = this.run;
    return state.agreement?.versionId === versionId && !state.agreement.settled && state.current() !== 'closed';
  }
}
