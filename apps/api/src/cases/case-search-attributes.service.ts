import { Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { WorkflowNotFoundError } from '@temporalio/common';
import { caseAttributesSignal, caseWorkflowId, type CaseAttributesChange } from '@cluster/contracts';

/**
 * Tells case workflows what a change made in the database alone (a handover, a call registration)
 * means for their search attributes; only a workflow can upsert its own. Sent after the commit:
 * the change itself stands, so a signal that fails is logged rather than failing the request (the
 * search attribute then lags until the case's next change of that kind).
 */
@Injectable()
export class CaseSearchAttributes {
  private readonly log = new Logger(CaseSearchAttributes.name);

  constructor(private readonly temporal: Client) {}

  async changed(caseIds: string[], change: CaseAttributesChange): Promise<void> {
    await Promise.all(
      caseIds.map(async (caseId) => {
        try {
          await this.temporal.workflow.getHandle(caseWorkflowId(caseId)).signal(caseAttributesSignal, change);
        } catch (error) {
          // A closed case keeps the attributes it ended with.
          if (error instanceof WorkflowNotFoundError) return;
          this.log.warn(`search attributes of case ${caseId} not updated: ${(error as Error).message}`);
        }
      }),
    );
  }
}
