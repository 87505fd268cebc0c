import { randomUUID } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { AuditService } from '@cluster/audit';
import { CaseQueriesService } from '@cluster/cases';
import {
  CASE_WORKFLOW_TYPE,
  caseStateQuery,
  caseWorkflowId,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  type CaseWorkflowInput,
} from '@cluster/contracts';
import type { TestDatabase } from '../support/test-database';
import { startTimeSkippingHarness, workflowBundle, type TimeSkippingHarness } from '../support/temporal';
import { recordHistoryIfAsked } from './histories/record';
import { caseDetails, demoUser, meta, roadmap } from '../support/fixtures';

describe('caseWorkflow on the time-skipping test server', () => {
  let h: TimeSkippingHarness;
  let env: TestWorkflowEnvironment;
  let t: TestDatabase;
  let taskQueue: string;

  beforeAll(async () => {
    h = await startTimeSkippingHarness('case');
    ({ env, db: t, taskQueue } = h);
  });
  afterAll(() => h?.stop());

  async function start(details = caseDetails()) {
    const caseId = randomUUID();
    const input: CaseWorkflowInput = { caseId, details };
    const handle = await env.client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: caseWorkflowId(caseId), taskQueue, args: [input] });
    return { caseId, handle };
  }

  it('registers the case, then accepts roadmap drafts, each written once with its audit event', async () => {
    const { caseId, handle } = await start();
    const registration = meta();
    const view = await handle.executeUpdate(registerCaseUpdate, { args: [{ meta: registration }], updateId: registration.requestId });
    expect(view).toMatchObject({ id: caseId, stage: 'roadmap_drafting' });

    const draftMeta = meta('handler');
    const saved = await handle.executeUpdate(saveRoadmapDraftUpdate, { args: [{ meta: draftMeta, content: roadmap() }], updateId: draftMeta.requestId });
    // The same update id again (a client retry): Temporal returns the first result, nothing is written twice.
    const retried = await handle.executeUpdate(saveRoadmapDraftUpdate, { args: [{ meta: draftMeta, content: roadmap() }], updateId: draftMeta.requestId });
    expect(retried).toEqual(saved);
    expect(saved.version).toBe(1);

    expect(await handle.query(caseStateQuery)).toMatchObject({ stage: 'roadmap_drafting', registered: true, submittedVersion: null });
    const queries = new CaseQueriesService(t.db);
    expect(await queries.roadmapVersions(caseId)).toHaveLength(1);
    const trail = await new AuditService(t.db).listCase(caseId, 50, 0);
    expect(trail.items.map((e) => [e.action, e.workflowId])).toEqual([
      ['case.created', caseWorkflowId(caseId)],
      ['roadmap.draft_saved', caseWorkflowId(caseId)],
    ]);

    // The history this run produced replays deterministically against the current code.
    const history = await handle.fetchHistory();
    await expect(Worker.runReplayHistory({ workflowBundle: workflowBundle() }, history, handle.workflowId)).resolves.toBeUndefined();
    recordHistoryIfAsked('caseWorkflow-registered-one-draft', history);
  });

  it('rejects a draft before the case is registered, in the update validator', async () => {
    const { handle } = await start();
    const attempt = handle.executeUpdate(saveRoadmapDraftUpdate, { args: [{ meta: meta(), content: roadmap() }] });
    await expect(attempt).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(attempt).rejects.toMatchObject({ cause: { type: 'STAGE_CONFLICT' } });
  });

  it('ends the workflow when registration is refused, and carries the field error to the caller', async () => {
    const { handle } = await start(caseDetails({ accountManagerId: demoUser('auditor').id }));
    const attempt = handle.executeUpdate(registerCaseUpdate, { args: [{ meta: meta() }] });
    await expect(attempt).rejects.toMatchObject({
      cause: { type: 'VALIDATION_FAILED', details: [[{ field: 'accountManagerId', messages: expect.any(Array) }]] },
    });
    await expect(handle.result()).resolves.toBeUndefined();
  });

  it('refuses a second registration', async () => {
    const { handle } = await start();
    await handle.executeUpdate(registerCaseUpdate, { args: [{ meta: meta() }] });
    await expect(handle.executeUpdate(registerCaseUpdate, { args: [{ meta: meta() }] })).rejects.toMatchObject({
      cause: { type: 'STAGE_CONFLICT' },
    });
  });
});
