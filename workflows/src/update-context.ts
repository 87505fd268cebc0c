import { currentUpdateInfo, workflowInfo } from '@temporalio/workflow';
import type { UpdateRef } from '@cluster/activities';
import { unwrapActivityFailure } from './failures';

/** Identifies the update being handled: its activity's idempotency key is derived from it. */
export function updateRef(): UpdateRef {
  return { workflowId: workflowInfo().workflowId, updateId: currentUpdateInfo()?.id ?? 'no-update-id' };
}

/** Runs a handler's activity and hands its own failure (code, message, fields) to the caller. */
export async function surfaced<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw unwrapActivityFailure(error);
  }
}
