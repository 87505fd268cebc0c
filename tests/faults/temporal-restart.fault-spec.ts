import '../support/quiet-temporal-runtime';
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseWorkflowId,
  decideApprovalUpdate,
  planTrajectoryUpdate,
  proposeDecisionUpdate,
  recordDialogueOutcomeUpdate,
  recordMilestoneEvidenceUpdate,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  satisfyTermSignal,
  submitAdviceUpdate,
  submitDialogueReportUpdate,
  TERM_WORKFLOW_TYPE,
  termWorkflowId,
  type CaseWorkflowState,
  type TermOutcome,
  type TermWorkflowInput,
} from '@cluster/contracts';
import { AuditService, verifyCaseChain, WorkflowHeadKeeper } from '@cluster/audit';
import { loadConfig } from '@cluster/config';
import { addDays, brusselsDate } from '@cluster/domain';
import { createCaseWorker, type RunningWorker } from '@cluster/worker';
import { driveToAdvice, driveToDialogue, driveToTrajectory, poll } from '../support/drive';
import { caseDetails, demoUser, meta, roadmap } from '../support/fixtures';
import { proposal } from '../support/first-half';
import { startRestartableTemporal, type RestartableTemporal } from '../support/restartable-temporal';
import { uniqueTaskQueue, workflowBundle } from '../support/temporal';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The Temporal server goes away (SIGTERM, then SIGKILL) with cases in the middle of their process
 * and comes back on the same database file: the worker and the client reconnect by themselves,
 * every case answers as before and takes its next command without anything being redone, and a
 * legal-term timer that fell due while the server was down fires after the restart.
 */
describe('Temporal dev server restart', () => {
  const DOWN_AFTER_DUE_MS = 2_000;
  const TIMER_DUE_AFTER_STOP_MS = 8_000;
  const timings: Record<string, number | string>[] = [];

  let temporal: RestartableTemporal;
  let db: TestDatabase;
  let worker: RunningWorker;
  let workerRun: Promise<void>;
  let connection: Connection;
  let client: Client;
  let audit: AuditService;
  const taskQueue = uniqueTaskQueue('restart');
  const cases = {} as Record<'drafting' | 'advice' | 'trajectory' | 'dialogue', { caseId: string; workflowId: string }>;
  /**
   * The case whose term workflows fall due while the server is down. It is kept out of the
   * "unchanged" snapshot: its reminder is written after the restart on purpose (and its audit head
   * then signalled to it), which a snapshot of that case would race.
   */
  let timersCase: { caseId: string; workflowId: string };
  const sent: { caseId: string; requestId: string }[] = [];
  let trajectoryMilestone = '';

  const handle = (workflowId: string) => client.workflow.getHandle(workflowId);
  /** An update as the API sends it: the request id doubles as the update id. */
  const command = async <R = unknown>(which: keyof typeof cases, def: { name: string }, arg: { meta: { requestId: string }; [field: string]: unknown }): Promise<R> => {
    sent.push({ caseId: cases[which].caseId, requestId: arg.meta.requestId });
    return (await handle(cases[which].workflowId).executeUpdate(def.name, { args: [arg], updateId: arg.meta.requestId })) as R;
  };
  const state = (which: keyof typeof cases) => handle(cases[which].workflowId).query(caseStateQuery);
  const historyLength = async (which: keyof typeof cases) => (await handle(cases[which].workflowId).fetchHistory()).events?.length ?? 0;
  const auditRows = (caseId: string) =>
    db.sql<{ action: string; request_id: string | null; idempotency_key: string | null; occurred_at: Date; workflow_id: string | null; seq: number }>(
      db.adminUrl,
      'SELECT action, request_id, idempotency_key, occurred_at, workflow_id, seq FROM audit_events WHERE case_id = $1 ORDER BY seq',
      [caseId],
    );

  interface Snapshot {
    state: CaseWorkflowState;
    history: number;
    audit: number;
  }
  /**
   * Until every case workflow keeps the head of its audit chain: the worker signals it shortly
   * after each commit, and such a signal arriving after the snapshot would look like a change.
   */
  const settled = async () => {
    for (const which of Object.keys(cases) as (keyof typeof cases)[]) {
      const rows = await auditRows(cases[which].caseId);
      const seq = rows.at(-1)?.seq ?? 0;
      await poll(async () => (await state(which)).auditHead?.seq === seq, 100);
      expect({ which, kept: (await state(which)).auditHead?.seq }).toEqual({ which, kept: seq });
    }
  };
  const snapshot = async (): Promise<Record<keyof typeof cases, Snapshot>> => {
    const out = {} as Record<keyof typeof cases, Snapshot>;
    for (const which of Object.keys(cases) as (keyof typeof cases)[]) {
      out[which] = { state: await state(which), history: await historyLength(which), audit: (await auditRows(cases[which].caseId)).length };
    }
    return out;
  };

  /** Two real term workflows of the timers case whose moments fall due while the server is down. */
  const startTerms = async (label: string, dueAt: Date) => {
    const caseId = timersCase.caseId;
    const reminder: TermWorkflowInput = {
      caseId,
      subject: `${label}-reminder`,
      startedAt: new Date().toISOString(),
      // The reminder one day before the due date is the moment that falls due.
      dueAt: addDays(dueAt, 1).toISOString(),
      reminderDaysBefore: [1],
      recipients: { userIds: [demoUser('handler').id] },
    };
    const lapse: TermWorkflowInput = { caseId, subject: `${label}-lapse`, startedAt: new Date().toISOString(), dueAt: dueAt.toISOString(), reminderDaysBefore: [] };
    const ids = { reminder: termWorkflowId(caseId, reminder.subject), lapse: termWorkflowId(caseId, lapse.subject) };
    await client.workflow.start(TERM_WORKFLOW_TYPE, { workflowId: ids.reminder, taskQueue, args: [reminder] });
    await client.workflow.start(TERM_WORKFLOW_TYPE, { workflowId: ids.lapse, taskQueue, args: [lapse] });
    return ids;
  };

  /** Stops the server with `signal` and keeps it down until the terms' moment has passed; restarts it. */
  const outage = async (signal: 'SIGTERM' | 'SIGKILL', label: string) => {
    await settled();
    const before = await snapshot();
    const dueAt = new Date(Date.now() + TIMER_DUE_AFTER_STOP_MS);
    const terms = await startTerms(label, dueAt);
    const stopping = Date.now();
    let stopMs = 0;
    let stoppedAt = 0;
    let restartedFrom = 0;
    let startMs = 0;
    try {
      stopMs = await temporal.stop(signal);
      stoppedAt = Date.now();
      await new Promise((r) => setTimeout(r, dueAt.getTime() + DOWN_AFTER_DUE_MS - Date.now()));
    } finally {
      // Up again whatever happened, so a failure here does not fail the next scenario too.
      restartedFrom = Date.now();
      startMs = await temporal.start();
    }
    const servingAt = Date.now();
    timings.push({ signal, stopMs, downMs: restartedFrom - stoppedAt, restartMs: startMs, totalMs: servingAt - stopping });
    // Precondition of the proof: the server was gone before the moment fell due.
    expect(stoppedAt).toBeLessThan(dueAt.getTime());
    return { dueAt, terms, before, restartedFrom, servingAt };
  };

  /** After a restart: state, history and audit trail exactly as before; nothing ran twice. */
  const expectUnchanged = async (before: Record<keyof typeof cases, Snapshot>) => {
    const firstAnswer = Date.now();
    const after = await snapshot();
    for (const which of Object.keys(cases) as (keyof typeof cases)[]) {
      expect({ which, ...after[which] }).toEqual({ which, ...before[which] });
    }
    return Date.now() - firstAnswer;
  };

  /** The reminder was written and the lapse decided after the restart, though due while down. */
  const expectTimersFired = async (t: Awaited<ReturnType<typeof outage>>) => {
    const lapse = await handle(t.terms.lapse).result();
    expect(lapse as TermOutcome).toBe('lapsed');
    const lapseClosed = (await handle(t.terms.lapse).describe()).closeTime!;
    expect(lapseClosed.getTime()).toBeGreaterThanOrEqual(t.restartedFrom);

    let reminders: Awaited<ReturnType<typeof auditRows>> = [];
    await poll(async () => {
      reminders = (await auditRows(timersCase.caseId)).filter((r) => r.workflow_id === t.terms.reminder);
      return reminders.length > 0;
    }, 150);
    expect(reminders.map((r) => r.action)).toEqual(['term.reminder_sent']);
    expect(reminders[0]!.occurred_at.getTime()).toBeGreaterThanOrEqual(t.restartedFrom);
    expect(t.dueAt.getTime()).toBeLessThan(t.restartedFrom);
    const notes = await db.sql<{ recipient_id: string; created_at: Date }>(
      db.adminUrl,
      `SELECT recipient_id, created_at FROM notifications WHERE kind = 'term_reminder' AND idempotency_key LIKE $1`,
      [`${t.terms.reminder}:%`],
    );
    expect(notes.map((n) => n.recipient_id)).toEqual([demoUser('handler').id]);
    // The reminder's term goes on (due tomorrow); end it so the worker stops cleanly.
    await handle(t.terms.reminder).signal(satisfyTermSignal);
    return { lapseAfterRestartMs: lapseClosed.getTime() - t.restartedFrom, reminderAfterRestartMs: reminders[0]!.occurred_at.getTime() - t.restartedFrom };
  };

  beforeAll(async () => {
    const started = Date.now();
    [temporal, db] = await Promise.all([startRestartableTemporal(), createTestDatabase()]);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.appUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      AUTH_JWT_SECRET: 'x'.repeat(40),
    });
    worker = await createCaseWorker(config, { workflowBundle: workflowBundle() });
    workerRun = worker.worker.run();
    connection = await Connection.connect({ address: temporal.address });
    client = new Client({ connection });
    audit = new AuditService(db.db);

    const registered = async (clusterName: string) => {
      const caseId = randomUUID();
      const workflowId = caseWorkflowId(caseId);
      await client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId, taskQueue, args: [{ caseId, details: caseDetails({ clusterName }) }] });
      const arg = { meta: meta() };
      sent.push({ caseId, requestId: arg.meta.requestId });
      await handle(workflowId).executeUpdate(registerCaseUpdate.name, { args: [arg], updateId: arg.meta.requestId });
      return { caseId, workflowId };
    };
    cases.drafting = await registered('Drafting');
    timersCase = await registered('Timers');
    cases.advice = await driveToAdvice(client, taskQueue);
    cases.trajectory = await driveToTrajectory(client, taskQueue);
    cases.dialogue = await driveToDialogue(client, taskQueue, { now: new Date() });
    timings.push({ step: 'setup (server, worker, 4 cases)', ms: Date.now() - started });
  }, 80_000);

  afterAll(async () => {
    worker?.worker.shutdown();
    await workerRun?.catch(() => undefined);
    await worker?.close().catch(() => undefined);
    await connection?.close().catch(() => undefined);
    await temporal?.dispose();
    await db?.drop();
    console.log(`[temporal restart] timings (ms):\n${timings.map((t) => JSON.stringify(t)).join('\n')}`);
  }, 20_000);

  it('after SIGTERM and a restart on the same file: cases resume where they were and a due timer fires', async () => {
    const started = Date.now();
    // The command just before the outage, resent after it with the same id: answered, not redone.
    const lastBefore = { meta: meta('council-ri'), councilCode: 'RI', position: 'positive', text: 'Gunstig advies.' };
    const firstResult = await command('advice', submitAdviceUpdate, lastBefore);

    const t = await outage('SIGTERM', 'sigterm');
    // The terms first: nothing this test started is still settling when the snapshot is taken.
    const fired = await expectTimersFired(t);
    const unchangedMs = await expectUnchanged(t.before);
    expect(worker.worker.getState()).toBe('RUNNING');
    expect(await command('advice', submitAdviceUpdate, lastBefore)).toEqual(firstResult);

    for (const code of ['VRWI', 'SERV']) {
      await command('advice', submitAdviceUpdate, { meta: meta(`council-${code.toLowerCase()}`), councilCode: code, position: 'positive', text: 'Gunstig advies.' });
    }
    await poll(async () => (await state('advice')).stage === 'decision', 150);
    expect((await state('advice')).stage).toBe('decision');
    await command('drafting', saveRoadmapDraftUpdate, { meta: meta(), content: roadmap({ vision: 'Na de herstart' }) });
    const [milestone] = await command<{ milestoneId: string }[]>('trajectory', planTrajectoryUpdate, {
      meta: meta(),
      pilot: false,
      milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate: brusselsDate(addDays(new Date(), 30)) }],
    });
    trajectoryMilestone = milestone!.milestoneId;
    await command('dialogue', submitDialogueReportUpdate, { meta: meta(), cycle: 1, report: { milestoneProgress: 'Op schema', portfolioProgress: '12 projecten lopen' } });
    timings.push({ step: 'SIGTERM scenario', unchangedCheckMs: unchangedMs, ...fired, ms: Date.now() - started });
  }, 60_000);

  it('after SIGKILL and a restart on the same file: the same, and the next steps of every case succeed', async () => {
    const started = Date.now();
    const t = await outage('SIGKILL', 'sigkill');
    const fired = await expectTimersFired(t);
    const unchangedMs = await expectUnchanged(t.before);
    expect(worker.worker.getState()).toBe('RUNNING');

    const proposed = await command<{ approvalId: string }>('advice', proposeDecisionUpdate, { meta: meta(), proposal: proposal() });
    await command('advice', decideApprovalUpdate, { meta: meta('approver'), approvalId: proposed.approvalId, decision: 'approve', comment: 'Akkoord' });
    expect((await state('advice')).stage).toBe('test_trajectory');
    await command('trajectory', recordMilestoneEvidenceUpdate, { meta: meta(), milestoneId: trajectoryMilestone, evidence: 'Gehaald na de herstart.' });
    await command('dialogue', recordDialogueOutcomeUpdate, { meta: meta(), cycle: 1, outcome: 'on_track', actions: [] });
    // The outcome ends the cycle's run; the next run (continue-as-new) takes over.
    await poll(async () => (await state('dialogue').catch(() => null))?.dialogueCycle === 2, 150);
    expect((await state('dialogue')).dialogueCycle).toBe(2);
    timings.push({ step: 'SIGKILL scenario', unchangedCheckMs: unchangedMs, ...fired, ms: Date.now() - started });
  }, 60_000);

  it('leaves every command in the audit trail exactly once and every chain verifying against the head the workflow keeps', async () => {
    for (const { caseId, requestId } of sent) {
      const rows = (await auditRows(caseId)).filter((r) => r.request_id === requestId);
      expect({ requestId, found: rows.length > 0 }).toEqual({ requestId, found: true });
      // One command may record more than one event, but never the same action twice.
      expect(new Set(rows.map((r) => r.action)).size).toBe(rows.length);
    }
    const keeper = new WorkflowHeadKeeper(client.workflow);
    for (const [which, { caseId }] of Object.entries({ ...cases, timers: timersCase })) {
      const rows = await auditRows(caseId);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      const keys = rows.map((r) => r.idempotency_key).filter(Boolean);
      expect(new Set(keys).size).toBe(keys.length);
      const report = await verifyCaseChain(audit, keeper, caseId);
      expect({ which, ok: report.ok, kept: report.keptHead.state, firstBreak: report.firstBreak }).toEqual({ which, ok: true, kept: 'kept', firstBreak: null });
    }
  }, 20_000);
});
