import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { caseWorkflowId, planTrajectoryUpdate, recordDialogueOutcomeUpdate } from '@cluster/contracts';
import { addDays, brusselsDate, type MilestonePlan } from '@cluster/domain';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { caseAt, type StagedCase } from '../support/case-stages';
import { eventually, httpCalls } from '../support/http-calls';
import { meta, roadmap } from '../support/fixtures';

const IMPOSSIBLE = '2027-02-30';
/** A command the worker cannot complete must be answered well within this; before the fix it never was. */
const ANSWER_WITHIN_MS = 20_000;
/** Attempts a command's activity may take on an error retrying cannot cure: the first one only. */
const DETERMINISTIC_FAILURE_ATTEMPTS = 1;

/**
 * 30 February, and other input no check should let through, never reach the worker through the API
 * (400 naming the field, the record unchanged); sent straight to the workflow, the command's
 * activity fails once and is not retried, the update fails with its reason, and nothing is stored.
 * Before: the trajectory's activity was retried every 2 s without end (the API answered 503 after
 * 30 s) and the dialogue outcome was stored as final with its impossible date.
 */
describe('impossible dates never reach the worker', () => {
  let s: HttpStack;
  let connection: Connection;
  let client: Client;
  let planning: StagedCase;
  let dialogue: StagedCase;
  const { post, get } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startHttpStack();
    connection = await Connection.connect({ address: process.env.TEST_TEMPORAL_ADDRESS! });
    client = new Client({ connection });
    const opts = { accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] as [string, string] };
    [planning, dialogue] = await Promise.all([caseAt(s, 'decision', { label: 'datum-traject', ...opts }), caseAt(s, 'structured_dialogue', { label: 'datum-dialoog', ...opts })]);
    // The planning case into its test trajectory, unplanned; the dialogue case with its first report in.
    expect((await post('approver', `approvals/${planning.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met het voorstel.' })).status).toBe(200);
    await eventually(() => get('auditor', `cases/${planning.id}`), (r) => r.body.stage === 'test_trajectory');
    const report = { milestoneProgress: 'De pilootlijn draait volgens plan.', portfolioProgress: 'Twaalf projecten lopen, twee nieuwe.' };
    expect((await post(dialogue.representative, `cases/${dialogue.id}/dialogue/cycles/1/report`, report)).status).toBe(200);
  });
  afterAll(async () => {
    await connection?.close();
    await s?.stop();
  });

  /** What the record of a case holds: its whole audit trail, its milestones and its dialogue cycles. */
  async function recordOf(c: StagedCase) {
    const [audit, trajectory, cycles] = await Promise.all([
      get('auditor', `cases/${c.id}/audit?limit=200`),
      get('auditor', `cases/${c.id}/trajectory`),
      get('auditor', `cases/${c.id}/dialogue`),
    ]);
    expect([audit.status, trajectory.status, cycles.status]).toEqual([200, 200, 200]);
    return { audit: audit.body, milestones: trajectory.body.milestones, evaluations: trajectory.body.evaluations, cycles: cycles.body.cycles };
  }

  const milestone = (dueDate: unknown) => ({ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate });
  const action = (dueDate: unknown) => ({ description: 'Internationale partner aantrekken', owner: 'Catalisti vzw', dueDate });
  const dateError = (field: string) => ({
    statusCode: 400,
    error: 'VALIDATION_FAILED',
    fieldErrors: [{ field, messages: ['Dit veld moet een bestaande kalenderdag (JJJJ-MM-DD), bv. 2027-06-30 zijn.'] }],
  });

  it('answers every impossible date of a request with 400 naming the field, in Dutch (no Accept-Language), and changes nothing', async () => {
    const before = await Promise.all([recordOf(planning), recordOf(dialogue)]);
    const planned = await post('handler', `cases/${planning.id}/trajectory`, { pilot: false, milestones: [milestone('2027-06-30'), milestone(IMPOSSIBLE)] });
    expect(planned.status).toBe(400);
    expect(planned.body).toMatchObject(dateError('milestones.1.dueDate'));
    expect(planned.body.fieldErrors).toHaveLength(1);

    const extended = await post('handler', `cases/${planning.id}/trajectory/evaluation`, {
      outcome: 'extend',
      evaluation: 'Meer tijd nodig voor de vergunning.',
      newDueDates: [{ milestoneId: randomUUID(), dueDate: '2027-04-31' }],
    });
    expect(extended.body).toMatchObject(dateError('newDueDates.0.dueDate'));

    const outcome = await post('handler', `cases/${dialogue.id}/dialogue/cycles/1/outcome`, { outcome: 'attention', actions: [action(IMPOSSIBLE)] });
    expect(outcome.status).toBe(400);
    expect(outcome.body).toMatchObject(dateError('actions.0.dueDate'));

    const draft = await post(planning.representative, `cases/${planning.id}/roadmap/drafts`, { ...roadmap(), milestones: [{ title: 'Pilootinstallatie', dueDate: IMPOSSIBLE }] });
    expect(draft.body).toMatchObject(dateError('milestones.0.dueDate'));

    const asOf = await get('auditor', `cases/${planning.id}?asOf=${encodeURIComponent('2026-02-30T10:00:00Z')}`);
    expect(asOf.status).toBe(400);
    expect(asOf.body.fieldErrors).toEqual([{ field: 'asOf', messages: [expect.stringMatching(/^Dit veld moet een bestaand tijdstip in ISO 8601 met een tijdzone/)] }]);
    const from = await get('auditor', `cases/${planning.id}/audit?from=${IMPOSSIBLE}`);
    expect(from.status).toBe(400);
    expect(from.body.fieldErrors).toEqual([{ field: 'from', messages: [expect.stringContaining('moet een bestaande kalenderdag (JJJJ-MM-DD) of een tijdstip in ISO 8601')] }]);

    for (const r of [planned, extended, outcome, draft, asOf, from]) expect(JSON.stringify(r.body)).not.toMatch(/RangeError|at .*\.ts:\d+/);
    expect(await Promise.all([recordOf(planning), recordOf(dialogue)])).toEqual(before);
  });

  /** The update's answer, bounded in time: a command retried without end fails this test instead of hanging it. */
  async function updateFailure(handle: WorkflowHandle, run: () => Promise<unknown>): Promise<ApplicationFailure> {
    const deadline = new AbortController();
    const outcome = await Promise.race([
      run().then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      sleep(ANSWER_WITHIN_MS, undefined, { signal: deadline.signal }).then(
        () => ({ timedOut: true }),
        () => ({ timedOut: true }),
      ),
    ]).finally(() => deadline.abort()); // the race is decided: the timer must not keep Jest waiting
    if ('timedOut' in outcome) {
      const pending = (await handle.describe()).raw.pendingActivities ?? [];
      throw new Error(`no answer in ${ANSWER_WITHIN_MS} ms; still retrying: ${pending.map((a) => `${a.activityType?.name} attempt ${a.attempt}: ${a.lastFailure?.message}`).join('; ')}`);
    }
    if (!('error' in outcome)) throw new Error(`the update succeeded: ${JSON.stringify(outcome.value)}`);
    expect(outcome.error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (outcome.error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }

  /** Every attempt the workflow's history records of one activity type, and whether any still retries. */
  async function attemptsOf(handle: WorkflowHandle, activityType: string) {
    const events = (await handle.fetchHistory()).events ?? [];
    const scheduled = new Set(events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === activityType).map((e) => String(e.eventId)));
    const started = events.filter((e) => scheduled.has(String(e.activityTaskStartedEventAttributes?.scheduledEventId)));
    const failed = events.filter((e) => scheduled.has(String(e.activityTaskFailedEventAttributes?.scheduledEventId)));
    const pending = ((await handle.describe()).raw.pendingActivities ?? []).filter((a) => a.activityType?.name === activityType);
    return {
      scheduled: scheduled.size,
      // The server writes one started event per scheduled activity, carrying the attempt that ended it.
      attempts: started.map((e) => e.activityTaskStartedEventAttributes!.attempt),
      failures: failed.map((e) => e.activityTaskFailedEventAttributes!.failure?.applicationFailureInfo),
      pending: pending.length,
    };
  }

  it('sent straight to the workflow, an impossible due date fails its activity once as the caller’s mistake, and nothing is stored', async () => {
    const before = await Promise.all([recordOf(planning), recordOf(dialogue)]);
    const planHandle = client.workflow.getHandle(caseWorkflowId(planning.id));
    const plan = [milestone(IMPOSSIBLE)] as MilestonePlan[];
    const refused = await updateFailure(planHandle, () => planHandle.executeUpdate(planTrajectoryUpdate, { args: [{ meta: meta('handler'), pilot: false, milestones: plan }], updateId: randomUUID() }));
    expect(refused).toMatchObject({ type: 'VALIDATION_FAILED', details: [[{ field: 'milestones.0.dueDate', messages: [expect.stringContaining('must be a real calendar date')] }]] });
    expect(await attemptsOf(planHandle, 'planTrajectory')).toEqual({ scheduled: 1, attempts: [DETERMINISTIC_FAILURE_ATTEMPTS], failures: [expect.objectContaining({ type: 'VALIDATION_FAILED', nonRetryable: true })], pending: 0 });

    const dialogueHandle = client.workflow.getHandle(caseWorkflowId(dialogue.id));
    const outcome = await updateFailure(dialogueHandle, () =>
      dialogueHandle.executeUpdate(recordDialogueOutcomeUpdate, { args: [{ meta: meta('handler'), cycle: 1, outcome: 'attention', actions: [action(IMPOSSIBLE) as { description: string; owner: string; dueDate: string }] }], updateId: randomUUID() }),
    );
    expect(outcome).toMatchObject({ type: 'VALIDATION_FAILED', details: [[{ field: 'actions.0.dueDate', messages: [expect.stringContaining('must be a real calendar date')] }]] });
    expect(await attemptsOf(dialogueHandle, 'recordDialogueOutcome')).toEqual({ scheduled: 1, attempts: [DETERMINISTIC_FAILURE_ATTEMPTS], failures: [expect.objectContaining({ type: 'VALIDATION_FAILED', nonRetryable: true })], pending: 0 });

    expect(await Promise.all([recordOf(planning), recordOf(dialogue)])).toEqual(before);
  });

  it('a command that fails on a programming error (a TypeError) is not retried: a 500-class failure with a readable message, nothing stored, the case goes on', async () => {
    const before = await recordOf(planning);
    const handle = client.workflow.getHandle(caseWorkflowId(planning.id));
    const attemptsBefore = await attemptsOf(handle, 'planTrajectory');
    // No API would send this (milestones is required and an array): only a bug could. The service then fails on `null.forEach`.
    const broken = await updateFailure(handle, () => handle.executeUpdate(planTrajectoryUpdate, { args: [{ meta: meta('handler'), pilot: false, milestones: null as unknown as MilestonePlan[] }], updateId: randomUUID() }));
    expect(broken.type).toBe('INTERNAL_ERROR');
    expect(broken.message).toMatch(/^De opdracht kon niet worden uitgevoerd .*er is niets opgeslagen.* \/ The command could not be carried out/);
    expect(broken.message).not.toMatch(/TypeError|forEach/);
    const attempts = await attemptsOf(handle, 'planTrajectory');
    expect(attempts.scheduled).toBe(attemptsBefore.scheduled + 1);
    expect(attempts.attempts.slice(attemptsBefore.attempts.length)).toEqual([DETERMINISTIC_FAILURE_ATTEMPTS]);
    expect(attempts.failures.at(-1)).toMatchObject({ type: 'INTERNAL_ERROR', nonRetryable: true });
    expect(attempts.pending).toBe(0);
    expect(await recordOf(planning)).toEqual(before);

    // The case is not stuck: a plan with real dates goes through, once.
    const planned = await post('handler', `cases/${planning.id}/trajectory`, { pilot: false, milestones: [milestone(brusselsDate(addDays(new Date(), 60)))] });
    expect(planned.status).toBe(200);
    expect((await recordOf(planning)).milestones).toHaveLength(1);
  });

  it('the dialogue outcome with real dates is stored once, after the refusals', async () => {
    const recorded = await post('handler', `cases/${dialogue.id}/dialogue/cycles/1/outcome`, { outcome: 'attention', actions: [action('2028-02-29')] });
    expect(recorded.status).toBe(200);
    const cycles = (await recordOf(dialogue)).cycles as { cycle: number; status: string; actions: { dueDate: string }[] }[];
    expect(cycles.find((c) => c.cycle === 1)).toMatchObject({ status: 'concluded', actions: [expect.objectContaining({ dueDate: '2028-02-29' })] });
  });
});
