import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { CASE_WORKFLOW_TYPE, caseStateQuery, caseWorkflowId, registerCaseUpdate } from '@cluster/contracts';
import { adviseAndDecide, agreementContent, assessToAdvice, trajectoryToSignedAgreement, type CaseCommands, type Earmark } from './case-steps';
import { caseDetails, meta } from './fixtures';

export async function poll(ok: () => Promise<boolean>, tries = 100): Promise<void> {
  for (let i = 0; i < tries && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
}

/** Commands sent straight to the case workflow, each as its own person; states polled. */
export function directCommands(client: Client, workflowId: string): CaseCommands {
  const wf = () => client.workflow.getHandle(workflowId);
  return {
    send: (update, subject, build) => wf().executeUpdate(update, { args: [build(meta(subject))] }),
    async waitForState(what, ok) {
      await poll(async () => ok(await wf().query(caseStateQuery)));
      if (!ok(await wf().query(caseStateQuery))) throw new Error(`${workflowId}: still waiting for ${what}`);
    },
  };
}

/** Drives a new case through registration, roadmap and assessment until its three advice requests are open. */
export async function driveToAdvice(client: Client, taskQueue: string): Promise<{ caseId: string; workflowId: string }> {
  const caseId = randomUUID();
  const workflowId = caseWorkflowId(caseId);
  await client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId, taskQueue, args: [{ caseId, details: caseDetails() }] });
  const c = directCommands(client, workflowId);
  await c.send(registerCaseUpdate, 'handler', (m) => ({ meta: m }));
  await assessToAdvice(c);
  return { caseId, workflowId };
}

/** Drives a new case through the first half (all councils advise at once) to its test trajectory. */
export async function driveToTrajectory(client: Client, taskQueue: string): Promise<{ caseId: string; workflowId: string }> {
  const { caseId, workflowId } = await driveToAdvice(client, taskQueue);
  await adviseAndDecide(directCommands(client, workflowId));
  return { caseId, workflowId };
}

/**
 * Drives a new case through every step up to the structured dialogue (one milestone met), with an
 * agreement of `termYears` earmarking `earmarks` (cents).
 */
export async function driveToDialogue(
  client: Client,
  taskQueue: string,
  opts: { termYears?: number; earmarks?: Earmark[]; now: Date },
): Promise<{ caseId: string; workflowId: string }> {
  const { caseId, workflowId } = await driveToTrajectory(client, taskQueue);
  const c = directCommands(client, workflowId);
  await trajectoryToSignedAgreement(c, { earmarks: opts.earmarks ?? [{ instrumentCode: 'IWT', amountCents: 1_000_000_00 }], termYears: opts.termYears ?? 4, now: opts.now });
  await c.waitForState('the first dialogue cycle', (s) => s.dialogueCycle === 1);
  return { caseId, workflowId };
}

/** An amendment of the agreement `driveToDialogue` signs: new earmarks, and optionally a longer term. */
export function amendmentContent(earmarks: Earmark[], termYears = 4, text = 'Overeenkomst, eerste wijziging.') {
  return agreementContent(earmarks, termYears, text);
}
