import { auditHeadSignal, caseStateQuery, caseWorkflowId, type AuditHead, type CaseWorkflowState } from '@cluster/contracts';
import type { HeadSender } from './audit-head-anchor';

/**
 * The part of a Temporal client the head keeper uses (libraries never hold a client of their
 * own; the apps pass theirs: `client.workflow`).
 */
export interface CaseWorkflowHandles {
  getHandle(workflowId: string): {
    signal(def: typeof auditHeadSignal, head: AuditHead): Promise<void>;
    query(def: typeof caseStateQuery): Promise<CaseWorkflowState>;
  };
}

/** What the case workflow holds of the chain: its head, none yet, or no workflow to ask. */
export type KeptHead = { state: 'kept'; head: AuditHead } | { state: 'none' } | { state: 'unavailable'; why: string };

const GONE = new Set(['WorkflowNotFoundError', 'NamespaceNotFoundError']);

/**
 * The case workflow as the keeper of its audit chain's head: its event history lives in
 * Temporal's store, apart from the database the audit table is in.
 */
export class WorkflowHeadKeeper {
  constructor(private readonly workflows: CaseWorkflowHandles) {}

  readonly send: HeadSender = async (caseId, head) => {
    try {
      await this.workflows.getHandle(caseWorkflowId(caseId)).signal(auditHeadSignal, head);
    } catch (error) {
      // A closed case's workflow has ended: its final head came with the closing command.
      if (GONE.has((error as Error).name) || /already completed/i.test((error as Error).message)) return;
      throw error;
    }
  };

  async read(caseId: string): Promise<KeptHead> {
    try {
      const state = await this.workflows.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
      return state.auditHead ? { state: 'kept', head: state.auditHead } : { state: 'none' };
    } catch (error) {
      return { state: 'unavailable', why: (error as Error).message };
    }
  }
}
