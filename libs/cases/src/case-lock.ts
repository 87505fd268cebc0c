import { assertCommandAllowed, DomainError, pendingTerminationRefusal, STAGE_MOVING_COMMANDS, type CaseCommand } from '@cluster/domain';
import type { CaseEntity, PolicyVersionEntity, Repositories } from '@cluster/persistence';
import type { CommandMeta } from '@cluster/contracts';

/** What every command's activity carries: who, which request, and its idempotency key. */
export interface CommandContext {
  meta: CommandMeta;
  workflowId: string;
  /** Derived from the workflow and update ids: the same command never applies twice. */
  idempotencyKey: string;
}

/**
 * Locks the case row for the transaction and checks that the command is allowed in its stage and
 * not held by a pending termination (the workflow's validator checked it already; this is the
 * database-side guard).
 */
export async function lockCaseFor(repos: Repositories, caseId: string, command: CaseCommand): Promise<CaseEntity> {
  const row = await repos.cases.findByIdForUpdate(caseId);
  if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
  assertCommandAllowed(row.stage, command);
  if (STAGE_MOVING_COMMANDS.includes(command)) {
    // A termination awaiting approval holds the stage (the workflow refuses first; this is the race's guard).
    const pending = await repos.terminations.pending(caseId);
    const refusal = pending && pendingTerminationRefusal({ approvalId: '', kind: pending.kind, proposedBy: pending.proposedBy }, command);
    if (refusal) throw new DomainError('STAGE_CONFLICT', refusal);
  }
  return row;
}

/** The policy version the case started with: terms and criteria never shift under a running case. */
export async function policyOf(repos: Repositories, row: CaseEntity): Promise<PolicyVersionEntity> {
  const policy = await repos.policies.get(row.policyVersion);
  if (!policy) throw new Error(`Policy version ${row.policyVersion} of case ${row.id} is missing`);
  return policy;
}

/**
 * True when this command was applied before (its audit event exists). A retried attempt gets its
 * first answer from Database.once before this is asked; this guard remains for commands that
 * committed before answers were kept, so that they are never applied twice.
 */
export async function alreadyApplied(repos: Repositories, ctx: CommandContext): Promise<boolean> {
  return (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) !== null;
}
