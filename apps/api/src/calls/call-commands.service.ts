import { Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type UpdateDefinition, type Workflow } from '@temporalio/common';
import { AppConfig } from '@cluster/config';
import { CALL_WORKFLOW_TYPE, callWorkflowId, openCallUpdate, type CallWorkflowInput, type CommandMeta } from '@cluster/contracts';
import { callIdFor, CallService, type CallView } from '@cluster/cases';
import { DomainError, type CallInput } from '@cluster/domain';

/** As for case commands: past this a request answers 503 (retry with the same X-Request-Id). */
const COMMAND_DEADLINE_MS = 30_000;

/**
 * The API's side of a call's process: opening starts the call's workflow with its first update
 * (the request id names both, so a retried request reaches the same call); the selection's
 * proposal and decision are updates of that workflow, whose id is the call's.
 */
@Injectable()
export class CallCommands {
  constructor(
    private readonly temporal: Client,
    private readonly config: AppConfig,
    private readonly calls: CallService,
  ) {}

  async open(input: CallInput, meta: CommandMeta): Promise<CallView> {
    const callId = callIdFor(meta.requestId);
    // A call opened before under this request id answers as it did; a wrong one starts nothing.
    const earlier = await this.calls.get(callId).catch(() => null);
    if (earlier) return earlier;
    await this.calls.problems(input);
    const start = new WithStartWorkflowOperation<Workflow>(CALL_WORKFLOW_TYPE, {
      workflowId: callWorkflowId(callId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ callId, input } satisfies CallWorkflowInput],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      await this.withDeadline(() => this.temporal.workflow.executeUpdateWithStart(openCallUpdate, { args: [{ meta }], updateId: meta.requestId, startWorkflowOperation: start }));
    } catch (error) {
      // The same request again after the call's process ended (its selection approved): the call it opened.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      const opened = await this.calls.get(callId).catch(() => null);
      if (!opened) throw new DomainError('CONFLICT', 'Dit verzoeknummer werd al gebruikt voor een oproep die niet geopend werd; stuur het verzoek opnieuw met een nieuw verzoeknummer. / This request id was used for a call that was not opened; send the request again with a new request id.');
    }
    return this.calls.get(callId);
  }

  async send<Ret, Arg>(callId: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg, requestId: string): Promise<Ret> {
    try {
      return await this.withDeadline(() => this.temporal.workflow.getHandle(callWorkflowId(callId)).executeUpdate(update, { args: [arg], updateId: requestId }));
    } catch (error) {
      // The call exists (the caller checked), so its process has ended: its selection was approved.
      if (error instanceof WorkflowNotFoundError) {
        throw new DomainError('STAGE_CONFLICT', 'De selectie van deze oproep is goedgekeurd; aan de oproep verandert niets meer. / The selection of this call was approved; nothing about the call changes any more.');
      }
      throw error;
    }
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.temporal.withDeadline(Date.now() + COMMAND_DEADLINE_MS, call);
  }
}
