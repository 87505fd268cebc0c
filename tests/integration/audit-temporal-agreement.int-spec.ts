import type { temporal } from '@temporalio/proto';
import { AuditService } from '@cluster/audit';
import { caseStateQuery, decideReleaseUpdate, recordDialogueOutcomeUpdate, requestReleaseUpdate, submitDialogueReportUpdate } from '@cluster/contracts';
import { startDevServerHarness, type DevServerHarness } from '../support/temporal';
import { driveToDialogue, poll } from '../support/drive';
import { meta } from '../support/fixtures';

/**
 * The audit trail and the workflow's own event history tell the same story: every update the
 * case workflow accepted and completed appears exactly once in the trail, and the trail holds no
 * command that the workflow did not accept (refused and failed updates leave no event).
 */
describe('the audit trail agrees with the case workflow history', () => {
  let h: DevServerHarness;

  beforeAll(async () => {
    h = await startDevServerHarness('agree');
  });
  afterAll(() => h?.stop());

  /** Every run of the workflow, newest last, following continue-as-new back to the first. */
  async function allRuns(workflowId: string): Promise<temporal.api.history.v1.IHistoryEvent[][]> {
    const runs: temporal.api.history.v1.IHistoryEvent[][] = [];
    let runId: string | undefined;
    for (;;) {
      const history = await h.client.workflow.getHandle(workflowId, runId).fetchHistory();
      runs.unshift(history.events ?? []);
      runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
      if (!runId) return runs;
    }
  }

  it('holds every completed update once, and nothing the workflow refused', async () => {
    const { caseId, workflowId } = await driveToDialogue(h.client, h.taskQueue, { now: new Date() });
    const wf = h.client.workflow.getHandle(workflowId);

    // Refused by the workflow's validator: not in its history, and not in the trail.
    await expect(wf.executeUpdate(recordDialogueOutcomeUpdate, { args: [{ meta: meta(), cycle: 7, outcome: 'on_track', actions: [] }] })).rejects.toThrow();
    // Accepted by the validator, refused by the service (more than earmarked): failed, no event.
    await expect(
      wf.executeUpdate(requestReleaseUpdate, { args: [{ meta: meta(), instrumentCode: 'IWT', amountCents: 999_999_999_00, justification: 'Te veel', basis: 'Geen' }] }),
    ).rejects.toThrow();
    // Four eyes in the workflow: refused, no event.
    const requested = await wf.executeUpdate(requestReleaseUpdate, { args: [{ meta: meta(), instrumentCode: 'IWT', amountCents: 100_000_00, justification: 'Eerste tranche', basis: 'Cyclus 1' }] });
    await expect(wf.executeUpdate(decideReleaseUpdate, { args: [{ meta: meta(), approvalId: requested.approvalId, decision: 'approve', comment: 'eigen' }] })).rejects.toThrow();
    await wf.executeUpdate(decideReleaseUpdate, { args: [{ meta: meta('approver'), approvalId: requested.approvalId, decision: 'approve', comment: 'Akkoord' }] });
    // One continue-as-new: the comparison spans runs.
    await wf.executeUpdate(submitDialogueReportUpdate, { args: [{ meta: meta(), cycle: 1, report: { milestoneProgress: 'Op schema.', portfolioProgress: 'Tien projecten.' } }] });
    await wf.executeUpdate(recordDialogueOutcomeUpdate, { args: [{ meta: meta(), cycle: 1, outcome: 'on_track', actions: [] }] });
    await poll(async () => (await wf.query(caseStateQuery)).dialogueCycle === 2);

    const runs = await allRuns(workflowId);
    expect(runs.length).toBe(2);
    const events = runs.flat();
    const accepted = events.flatMap((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.meta?.updateId ?? []);
    const completed = events.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes);
    const succeeded = completed.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes!.outcome?.success).map((e) => e.workflowExecutionUpdateCompletedEventAttributes!.meta!.updateId!);
    const failed = completed.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes!.outcome?.failure).map((e) => e.workflowExecutionUpdateCompletedEventAttributes!.meta!.updateId!);
    expect(failed).toHaveLength(1);
    expect(new Set([...succeeded, ...failed])).toEqual(new Set(accepted));

    // The trail's command events carry the update's id in their idempotency key (some services
    // prefix it with 'audit:' where their own record holds the bare key).
    const trail = (await new AuditService(h.db.db).listCase(caseId, 5000, 0)).items;
    const commandKey = new RegExp(`^(?:audit:)?${workflowId}:([^:]+)$`);
    const byUpdate = trail.flatMap((e) => e.idempotencyKey?.match(commandKey)?.[1] ?? []);
    expect(byUpdate.sort()).toEqual([...succeeded].sort());
    expect(new Set(byUpdate).size).toBe(byUpdate.length);
    for (const id of failed) expect(trail.some((e) => e.idempotencyKey?.includes(id))).toBe(false);

    // Every event a person caused was written by this workflow's activities; those that are not
    // the command's own event (an approval opened, an earmark booked) share its transaction.
    const byPeople = trail.filter((e) => e.actorRole !== 'system');
    expect(byPeople.filter((e) => e.workflowId !== workflowId)).toEqual([]);
    expect(byPeople.length).toBeGreaterThanOrEqual(succeeded.length);
  }, 120_000);
});
