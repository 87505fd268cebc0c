import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { AuditService } from '@cluster/audit';
import { CaseCommandsService } from '@cluster/cases';
import { addDays } from '@cluster/domain';
import { satisfyTermSignal, TERM_WORKFLOW_TYPE, termWorkflowId, type TermOutcome, type TermWorkflowInput } from '@cluster/contracts';
import type { TestDatabase } from '../support/test-database';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/temporal';
import { recordHistoryIfAsked } from './histories/record';
import { caseDetails, meta } from '../support/fixtures';

describe('termWorkflow on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let env: TestWorkflowEnvironment;
  let t: TestDatabase;
  let taskQueue: string;
  let audit: AuditService;

  beforeAll(async () => {
    h = await startTimeSkippingHarness('term');
    ({ env, db: t, taskQueue } = h);
    audit = new AuditService(t.db);
  });
  afterAll(() => h?.stop());

  async function newCase(): Promise<string> {
    const caseId = randomUUID();
    await new CaseCommandsService(t.db, audit).registerCase(caseId, caseDetails(), { meta: meta(), workflowId: `case-${caseId}`, idempotencyKey: `reg-${caseId}` });
    return caseId;
  }

  async function startTerm(caseId: string, days: number, reminderDaysBefore: number[]) {
    const now = new Date(await env.currentTimeMs());
    const input: TermWorkflowInput = {
      caseId,
      subject: 'advice-RI',
      startedAt: now.toISOString(),
      dueAt: addDays(now, days).toISOString(),
      reminderDaysBefore,
    };
    return env.client.workflow.start<(i: TermWorkflowInput) => Promise<TermOutcome>>(TERM_WORKFLOW_TYPE, {
      workflowId: termWorkflowId(caseId, input.subject),
      taskQueue,
      args: [input],
    });
  }

  it('stops without a lapse when the term is satisfied in time', async () => {
    const caseId = await newCase();
    const handle = await startTerm(caseId, 30, [7, 1]);
    await env.sleep('10 days');
    await handle.signal(satisfyTermSignal);
    await expect(handle.result()).resolves.toBe('satisfied');
    const actions = (await audit.listCase(caseId, 50, 0)).items.map((e) => e.action);
    expect(actions).toEqual(['case.created']);
  });

  it('lets a 30-day term lapse, with its reminders, on skipped time', async () => {
    const caseId = await newCase();
    const startedAt = Date.now();
    const serverStart = await env.currentTimeMs();
    const handle = await startTerm(caseId, 30, [7, 1]);

    await expect(handle.result()).resolves.toBe('lapsed');
    const wallMs = Date.now() - startedAt;
    const skippedDays = (Number(await env.currentTimeMs()) - Number(serverStart)) / 86_400_000;

    // The 30 days passed on the test server's clock, not the wall clock. How long they took is a
    // figure, not a pass mark (about 0.5 s here, after the test above has warmed the worker).
    expect(skippedDays).toBeGreaterThanOrEqual(30);
    console.log(`30-day term with two reminders: ${wallMs} ms wall on the time-skipping server`);
    const trail = await audit.listCase(caseId, 50, 0);
    expect(trail.items.map((e) => [e.action, e.actorRole])).toEqual([
      ['case.created', 'case_handler'],
      ['term.reminder_sent', 'system'],
      ['term.reminder_sent', 'system'],
    ]);
    expect(await audit.verifyCase(caseId)).toMatchObject({ ok: true });
    recordHistoryIfAsked('termWorkflow-lapsed-two-reminders', await handle.fetchHistory());
  });
});
