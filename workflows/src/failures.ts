import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';

/** Update handlers rethrow the activity's own failure so the caller sees its code and message. */
export function unwrapActivityFailure(error: unknown): unknown {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) return error.cause;
  return error;
}

export function stageConflict(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'STAGE_CONFLICT', message, nonRetryable: true });
}

export function forbidden(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'FORBIDDEN', message, nonRetryable: true });
}
