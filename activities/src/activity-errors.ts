import { Context, log } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type ErrorCode } from '@cluster/domain';

/**
 * Turns a domain error into a Temporal failure whose `type` is the error code, so the workflow
 * and the API can tell "refused" (not retryable) from "database briefly away" (retried).
 */
export function toActivityFailure(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return ApplicationFailure.create({
    type: error.code,
    message: error.message,
    nonRetryable: error.code !== 'DEPENDENCY_UNAVAILABLE',
    details: [error.fieldErrors],
  });
}

/** For activities the workflow runs on its own (terms, rounds): see `asCommand` for why they differ. */
export async function asActivity<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toActivityFailure(error);
  }
}

/**
 * Errors JavaScript raises for a bug or for input no check foresaw (`null.forEach`, an invalid
 * Date). The same input fails the same way on every attempt, so retrying only hides it.
 */
const PROGRAMMING_ERRORS = [TypeError, RangeError, ReferenceError, SyntaxError, URIError, EvalError];

/**
 * Any other error that is neither a domain error nor a programming error (a deadlock, something
 * unforeseen) is retried with the workflow's backoff, but a caller waits for the answer: from this
 * attempt on it fails the command. Attempts 1–5 take about 7 s, well inside the API's 30 s wait.
 * A database outage is a domain error (DEPENDENCY_UNAVAILABLE) and is retried without bound.
 */
export const COMMAND_MAX_ATTEMPTS = 5;

/** The failure type a caller sees for a command that failed on the system's side (HTTP 500). */
export const INTERNAL_ERROR: ErrorCode = 'INTERNAL_ERROR';

const INTERNAL_MESSAGE =
  'De opdracht kon niet worden uitgevoerd door een fout in het systeem; er is niets opgeslagen. Het verzoeknummer identificeert de fout in de logboeken. / ' +
  'The command could not be carried out because of an error in the system; nothing was stored. The request id identifies it in the logs.';

/**
 * For the activity of a command (an update someone waits for). A domain error becomes its failure
 * as in `asActivity`; a programming error, or an unknown one past `COMMAND_MAX_ATTEMPTS`, fails the
 * update at once (non-retryable INTERNAL_ERROR, logged here once with the case and update id), so
 * the caller gets an answer instead of an activity retried every 2 s without end. Its transaction
 * rolled back, so nothing of the command was stored. The workflow itself goes on: a failed update
 * does not fail the case. (Activities the workflow runs on its own keep retrying: there nobody
 * waits, and failing them would end a case that lasts years; a fixed worker picks them up.)
 */
export async function asCommand<T>(ref: { workflowId: string; updateId: string }, caseId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError) throw toActivityFailure(error);
    const attempt = Context.current().info.attempt;
    const programming = PROGRAMMING_ERRORS.some((kind) => error instanceof kind);
    if (!programming && attempt < COMMAND_MAX_ATTEMPTS) throw error;
    log.error('Command failed on an unexpected error; not retried', {
      caseId,
      workflowId: ref.workflowId,
      updateId: ref.updateId,
      attempt,
      errorName: (error as Error)?.name,
      errorMessage: (error as Error)?.message,
      stack: (error as Error)?.stack,
    });
    throw ApplicationFailure.create({
      type: INTERNAL_ERROR,
      message: INTERNAL_MESSAGE,
      nonRetryable: true,
      // Kept in the workflow history for whoever investigates; the API shows only the message.
      cause: error instanceof Error ? error : new Error(String(error)),
    });
  }
}
