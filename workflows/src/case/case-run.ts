import { condition, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { commandRefusal, pendingTerminationRefusal, type CaseCommand } from '@cluster/domain';
import type { AuditHead, CaseWorkflowInput } from '@cluster/contracts';
import type { CaseActivities } from '@cluster/activities';
import { DB_ACTIVITY } from '../activity-options';
import { stageConflict } from '../failures';
import { surfaced } from '../update-context';
import { CaseState } from './case-state';
import { CaseTerms } from './case-terms';

export const acts = proxyActivities<CaseActivities>(DB_ACTIVITY);

/** What the single-person commands no longer do: a rejection, a stop or an early end needs four eyes. */
export const FOUR_EYES_ONLY =
  'Dit beëindigt het dossier en vraagt vier ogen: het wordt voorgesteld en door een andere goedkeurder goedgekeurd. / This ends the case and needs four eyes: it is proposed, and approved by another approver.';

/** The workflow's clock as an ISO instant (deterministic: Temporal's time of the workflow task). */
export const now = () => new Date(Date.now()).toISOString();

/**
 * One run of a case workflow: its state, its terms, and what every stage's handlers share (the
 * validators' common check, how a command's answer is taken in, the settling of the main loop's
 * own steps). Made once per run by the entry point and handed to each stage's registration.
 */
export class CaseRun {
  readonly caseId: string;
  readonly state: CaseState;
  readonly terms: CaseTerms;
  /**
   * The main loop's own steps (opening and closing an advice round) commit to the database before
   * this workflow takes in their result. In that moment the API already shows the new state, so a
   * command sent on it must wait for the workflow to catch up rather than be refused (409).
   */
  settling = 0;

  constructor(readonly input: CaseWorkflowInput) {
    this.caseId = input.caseId;
    this.state = new CaseState(input);
    this.terms = new CaseTerms(this.caseId, this.state);
  }

  get workflowId(): string {
    return workflowInfo().workflowId;
  }

  async settle<T>(step: () => Promise<T>): Promise<T> {
    this.settling++;
    try {
      return await step();
    } finally {
      this.settling--;
    }
  }

  /** For validators whose answer a settling step may change: their check runs again in the handler. */
  settled(): Promise<void> {
    return condition(() => this.settling === 0);
  }

  /** The validator's common part: registered, and the command allowed in the current stage. */
  allowed(command: CaseCommand): void {
    if (!this.state.registered) throw stageConflict('Het dossier is nog niet geregistreerd; probeer het over enkele ogenblikken opnieuw. / The case is not registered yet.');
    const refusal = commandRefusal(this.state.stage, command) ?? pendingTerminationRefusal(this.state.pendingTermination, command);
    if (refusal) throw stageConflict(refusal);
  }

  /**
   * A handler's command: its answer brings the case's new audit head (activities/src/audit-head.ts),
   * kept here instead of waiting for a signal and a workflow task of its own. The head is taken out
   * of the answer the caller gets, which stays as the contract describes it.
   */
  async committed<T>(work: () => Promise<T>): Promise<T> {
    const result = await surfaced(work);
    if (typeof result !== 'object' || result === null || Array.isArray(result) || !('auditHead' in result)) return result;
    const { auditHead: head, ...answer } = result as T & { auditHead?: AuditHead };
    this.state.anchor(head);
    return answer as T;
  }
}
