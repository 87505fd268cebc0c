import { Client, Connection, WorkflowUpdateStage, type WorkflowUpdateHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createCaseActivities } from '@cluster/activities';
import { caseStream } from '@cluster/audit';
import { caseStateQuery, proposeDecisionUpdate, submitAdviceUpdate } from '@cluster/contracts';
import { driveToAdvice } from '../support/drive';
import { meta } from '../support/fixtures';
import { proposal } from '../support/first-half';
import { createServices } from '../support/services';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { uniqueTaskQueue, workflowBundle } from '../support/temporal';

/**
 * The workflow's own steps (opening and closing an advice round) commit to the database before the
 * workflow takes in their result; the API reads the database, so in that moment it shows the new
 * state. A command sent on what the API shows must then wait for the workflow, not be refused.
 * Here each command is sent from inside the activity, right after its commit and before the
 * workflow sees the result: the widest form of that moment.
 */
describe('commands sent while the workflow catches up with its own committed step', () => {
  let db: TestDatabase;
  let connection: Connection;
  let native: NativeConnection;
  let client: Client;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueTaskQueue('settling');
  const early: { advice?: WorkflowUpdateHandle<unknown>; decision?: WorkflowUpdateHandle<unknown>; refusals: string[] } = { refusals: [] };

  beforeAll(async () => {
    const address = process.env.TEST_TEMPORAL_ADDRESS!;
    db = await createTestDatabase();
    connection = await Connection.connect({ address });
    native = await NativeConnection.connect({ address });
    client = new Client({ connection });
    const real = createCaseActivities(createServices(db.db));
    // Sent while the activity still runs: the workflow cannot have taken in its result yet.
    const sendEarly = async <K extends 'advice' | 'decision'>(key: K, send: () => Promise<WorkflowUpdateHandle<unknown>>) => {
      if (early[key]) return;
      try {
        early[key] = await send();
      } catch (error) {
        early.refusals.push(`${key}: ${(error as Error).message} ${String((error as { cause?: Error }).cause?.message ?? '')}`);
      }
    };
    worker = await Worker.create({
      connection: native,
      taskQueue,
      workflowBundle: workflowBundle(),
      activities: {
        ...real,
        async openAdviceRound(workflowId: string, caseId: string, attempt: number, requestedAt: string) {
          const opened = await real.openAdviceRound(workflowId, caseId, attempt, requestedAt);
          await sendEarly('advice', () =>
            client.workflow.getHandle(workflowId).startUpdate(submitAdviceUpdate, {
              args: [{ meta: meta('council-ri'), councilCode: 'RI', position: 'positive', text: 'Gunstig advies, meteen na de aanvraag.' }],
              waitForStage: WorkflowUpdateStage.ACCEPTED,
            }),
          );
          return opened;
        },
        async closeAdviceRound(workflowId: string, caseId: string, round: number) {
          await real.closeAdviceRound(workflowId, caseId, round);
          await sendEarly('decision', () =>
            client.workflow.getHandle(workflowId).startUpdate(proposeDecisionUpdate, {
              args: [{ meta: meta(), proposal: proposal() }],
              waitForStage: WorkflowUpdateStage.ACCEPTED,
            }),
          );
        },
      },
    });
    running = worker.run();
  });

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await connection?.close();
    await native?.close();
    await db?.drop();
  });

  it('accepts advice and the decision proposal at once and carries them out once the workflow has caught up', async () => {
    const { caseId, workflowId } = await driveToAdvice(client, taskQueue);
    const wf = client.workflow.getHandle(workflowId);
    expect(early.refusals).toEqual([]);
    await expect(early.advice!.result()).resolves.toBeTruthy();

    for (const code of ['VRWI', 'SERV']) {
      await wf.executeUpdate(submitAdviceUpdate, {
        args: [{ meta: meta(`council-${code.toLowerCase()}`), councilCode: code, position: 'positive', text: 'Gunstig advies.' }],
      });
    }
    // Closing the round sends the decision proposal from inside the activity.
    const proposed = await expectEventually(() => early.decision);
    await expect(proposed.result()).resolves.toMatchObject({ approvalId: expect.any(String) });
    expect(early.refusals).toEqual([]);

    const state = await wf.query(caseStateQuery);
    expect(state.stage).toBe('decision');
    expect(state.pendingApprovalId).toEqual(expect.any(String));
    const { items: actions } = await db.db.read((repos) => repos.audit.listStream(caseStream(caseId), 1000, 0));
    const count = (action: string) => actions.filter((e) => e.action === action).length;
    expect(count('advice.given')).toBe(3);
    expect(count('decision.proposed')).toBe(1);
  });
});

async function expectEventually<T>(probe: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('the value did not arrive in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
