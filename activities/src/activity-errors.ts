import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '@cluster/domain';

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

export async function asActivity<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toActivityFailure(error);
  }
}
