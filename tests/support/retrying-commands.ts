import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError, type UpdateDefinition, type Workflow } from '@temporalio/common';
import { CASE_WORKFLOW_TYPE, caseStateQuery, type CaseWorkflowInput, type CaseWorkflowState, type CommandMeta } from '@cluster/contracts';
import { actor } from './fixtures';

/** One attempt may wait this long; past it the command is sent again, with the same update id. */
const ATTEMPT_DEADLINE_MS = 15_000;
const QUERY_DEADLINE_MS = 5_000;
const RETRY_PAUSE_MS = 500;
const POLL_MS = 300;
/** A command that is still not through after this long means a stuck case: the run fails. */
const GIVE_UP_MS = 240_000;

export interface AcceptedCommand {
  updateId: string;
  name: string;
  attempts: number;
}

/** Counts over every case of a run. */
export interface DriverStats {
  /** Commands the workflows accepted and completed (each counted once, whatever its attempts). */
  commands: number;
  /** Attempts sent again after a failed one (a deadline passed, the server was unavailable). */
  retries: number;
  /** Commands whose completion was read back from a run that had ended meanwhile. */
  readBack: number;
  queries: number;
  queryRetries: number;
}

export function newDriverStats(): DriverStats {
  return { commands: 0, retries: 0, readBack: 0, queries: 0, queryRetries: 0 };
}


/**
 * One case's commands as Temporal updates, the way the API sends them: the update id is the
 * request id, chosen once per command, so an attempt sent again after a crash is the same command
 * and is applied once. Commands go to the run they were meant for (pinned run id): a command that
 * ended its run (continue-as-new, closure) is read back from that run, never re-applied to the next.
 */
export class CaseCommandChannel {
  readonly accepted: AcceptedCommand[] = [];
  runId: string | undefined;

  constructor(
    private readonly client: Client,
    readonly workflowId: string,
    private readonly stats: DriverStats,
    /** Aborted when the test ends: no attempt outlives it. */
    private readonly signal: AbortSignal,
  ) {}

  /** Starts the case workflow and registers the case in one call (update-with-start). */
  register<Ret, Arg>(taskQueue: string, input: CaseWorkflowInput, update: UpdateDefinition<Ret, [Arg]>, subject: string, build: (meta: CommandMeta) => Arg): Promise<Ret> {
    return this.command(update.name, subject, build, (arg, updateId) =>
      this.client.workflow.executeUpdateWithStart(update, {
        args: [arg],
        updateId,
        startWorkflowOperation: new WithStartWorkflowOperation<Workflow>(CASE_WORKFLOW_TYPE, {
          workflowId: this.workflowId,
          taskQueue,
          args: [input],
          // A retried registration finds the workflow its first attempt started.
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      }),
    ).then(async (result) => {
      this.runId = (await this.bounded(QUERY_DEADLINE_MS, () => this.client.workflow.getHandle(this.workflowId).describe())).runId;
      return result;
    });
  }

  send<Ret, Arg>(update: UpdateDefinition<Ret, [Arg]>, subject: string, build: (meta: CommandMeta) => Arg): Promise<Ret> {
    return this.command(update.name, subject, build, (arg, updateId) =>
      this.client.workflow.getHandle(this.workflowId, this.runId).executeUpdate(update, { args: [arg], updateId }),
    );
  }

  /** The workflow's state, asked again while no worker answers. */
  async state(): Promise<CaseWorkflowState> {
    for (;;) {
      this.stats.queries++;
      try {
        return await this.bounded(QUERY_DEADLINE_MS, () => this.client.workflow.getHandle(this.workflowId, this.runId).query(caseStateQuery));
      } catch (error) {
        if (this.signal.aborted) throw error;
        this.stats.queryRetries++;
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  async waitForState(what: string, ok: (s: CaseWorkflowState) => boolean): Promise<CaseWorkflowState> {
    const started = Date.now();
    for (;;) {
      const s = await this.state();
      if (ok(s)) return s;
      if (Date.now() - started > GIVE_UP_MS) throw new Error(`${this.workflowId}: still waiting for ${what}; state ${JSON.stringify(s)}`);
      await sleep(POLL_MS);
    }
  }

  /** After the command that ended a dialogue cycle: pins the run that continued it. */
  async followContinueAsNew(): Promise<void> {
    const previous = this.runId;
    const started = Date.now();
    for (;;) {
      const d = await this.bounded(QUERY_DEADLINE_MS, () => this.client.workflow.getHandle(this.workflowId).describe());
      if (d.runId !== previous && d.status.name === 'RUNNING') {
        this.runId = d.runId;
        return;
      }
      if (Date.now() - started > GIVE_UP_MS) throw new Error(`${this.workflowId}: run ${previous} did not continue as new`);
      await sleep(POLL_MS);
    }
  }

  private async command<Ret, Arg>(name: string, subject: string, build: (meta: CommandMeta) => Arg, call: (arg: Arg, updateId: string) => Promise<Ret>): Promise<Ret> {
    const updateId = randomUUID();
    const arg = build({ actor: actor(subject), requestId: updateId });
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.bounded(ATTEMPT_DEADLINE_MS, () => call(arg, updateId));
        return this.done(name, updateId, attempt, result);
      } catch (error) {
        if (this.signal.aborted) throw error;
        // Refused by the validator or failed in its handler: the driver's route is legal, so this is a finding.
        if (error instanceof WorkflowUpdateFailedError) {
          throw new Error(`${this.workflowId}: ${name} (update ${updateId}, attempt ${attempt}) failed: ${describeFailure(error)}`);
        }
        if (error instanceof WorkflowNotFoundError && this.runId) {
          // The pinned run has ended since: this command may be what ended it. Its outcome is in that run.
          const outcome = await this.readBack<Ret>(updateId);
          if (outcome.found) {
            this.stats.readBack++;
            return this.done(name, updateId, attempt, outcome.result);
          }
        }
        if (Date.now() - started > GIVE_UP_MS) {
          throw new Error(`${this.workflowId}: ${name} (update ${updateId}) not through after ${attempt} attempts: ${(error as Error).message}`);
        }
        this.stats.retries++;
        await sleep(RETRY_PAUSE_MS);
      }
    }
  }

  /** One call to the server, given up after `ms` or when the test ends. */
  private bounded<T>(ms: number, fn: () => Promise<T>): Promise<T> {
    if (this.signal.aborted) return Promise.reject(new Error(`${this.workflowId}: the driver was stopped`));
    return this.client.withAbortSignal(this.signal, () => this.client.withDeadline(Date.now() + ms, fn));
  }

  private done<Ret>(name: string, updateId: string, attempts: number, result: Ret): Ret {
    this.accepted.push({ updateId, name, attempts });
    this.stats.commands++;
    return result;
  }

  private async readBack<Ret>(updateId: string): Promise<{ found: true; result: Ret } | { found: false }> {
    try {
      const handle = this.client.workflow.getHandle(this.workflowId, this.runId).getUpdateHandle<Ret>(updateId, { workflowRunId: this.runId });
      return { found: true, result: await this.bounded(ATTEMPT_DEADLINE_MS, () => handle.result()) };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new Error(`${this.workflowId}: update ${updateId} failed in its run: ${describeFailure(error)}`);
      return { found: false };
    }
  }
}

function describeFailure(error: WorkflowUpdateFailedError): string {
  const cause = error.cause as (Error & { type?: string }) | undefined;
  return cause ? `${cause.type ?? cause.name}: ${cause.message}` : error.message;
}
