import { Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import { WorkflowNotFoundError, type UpdateDefinition, type Workflow } from '@temporalio/common';
import { caseStateQuery, type CaseWorkflowState } from '@cluster/contracts';
import { DomainError, type Actor, type Principal, type Role } from '@cluster/domain';

/**
 * How long a request waits for its command to be accepted and applied. Past it the client gets
 * 503 (try again with the same X-Request-Id) instead of a hanging request.
 */
const COMMAND_DEADLINE_MS = 30_000;

export interface RequestContext {
  principal: Principal;
  actingRole: Role;
  requestId: string;
}

export function actorOf(ctx: RequestContext, role: Role = ctx.actingRole): Actor {
  const p = ctx.principal;
  return { userId: p.userId, displayName: p.displayName, role, organisation: p.organisation };
}

/**
 * Sends commands to case workflows as Temporal updates. The update id is the request id, so a
 * retried request is applied once; the workflow's validator refuses what the stage does not allow.
 */
@Injectable()
export class CaseUpdates {
  constructor(private readonly temporal: Client) {}

  async send<Ret, Arg>(workflowId: string, update: UpdateDefinition<Ret, [Arg]>, arg: Arg, requestId: string): Promise<Ret> {
    try {
      return await this.withDeadline(() =>
        this.temporal.workflow.getHandle(workflowId).executeUpdate(update, { args: [arg], updateId: requestId }),
      );
    } catch (error) {
      // The case exists (the caller checked), so its process has ended: the case is closed.
      if (error instanceof WorkflowNotFoundError) {
        throw new DomainError('STAGE_CONFLICT', 'Het dossier is afgesloten: het is alleen nog te lezen. / The case is closed: its record is read-only.');
      }
      throw error;
    }
  }

  /** The case workflow's own state, for a command that depends on it (whether the term is complete). */
  async state(workflowId: string): Promise<CaseWorkflowState> {
    try {
      return await this.withDeadline(() => this.temporal.workflow.getHandle(workflowId).query(caseStateQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw new DomainError('STAGE_CONFLICT', 'Het dossier is afgesloten: het is alleen nog te lezen. / The case is closed: its record is read-only.');
      throw error;
    }
  }

  startWith<Ret, Arg>(start: WithStartWorkflowOperation<Workflow>, update: UpdateDefinition<Ret, [Arg]>, arg: Arg, requestId: string): Promise<Ret> {
    return this.withDeadline(() =>
      this.temporal.workflow.executeUpdateWithStart(update, { args: [arg], updateId: requestId, startWorkflowOperation: start }),
    );
  }

  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return this.temporal.withDeadline(Date.now() + COMMAND_DEADLINE_MS, call);
  }
}
