import { patched, upsertSearchAttributes } from '@temporalio/workflow';
import type { CaseStage } from '@cluster/domain';
import { ACCOUNT_MANAGER_ATTRIBUTE, CALL_ID_ATTRIBUTE, CASE_STAGE_ATTRIBUTE, CLUSTER_NAME_ATTRIBUTE, type CaseAttributesChange } from '@cluster/contracts';

/**
 * Upserting is a command: histories recorded before it must replay without one, so every upsert
 * sits behind this patch (a running case gets its attributes from its next change on).
 */
const SEARCH_ATTRIBUTES_PATCH = 'case-search-attributes';

/** The case moved to `stage`: `CaseStage` follows (the start set the first one). */
export function upsertStage(stage: CaseStage): void {
  if (patched(SEARCH_ATTRIBUTES_PATCH)) upsertSearchAttributes([{ key: CASE_STAGE_ATTRIBUTE, value: stage }]);
}

/**
 * A dialogue cycle's run inherits its attributes from the run before; a case started before the
 * attributes existed gets its stage and cluster here, once per run.
 */
export function upsertResumed(stage: CaseStage, clusterName: string): void {
  if (patched(SEARCH_ATTRIBUTES_PATCH)) {
    upsertSearchAttributes([
      { key: CASE_STAGE_ATTRIBUTE, value: stage },
      { key: CLUSTER_NAME_ATTRIBUTE, value: clusterName },
    ]);
  }
}

/** A handover or a call registration, told by the API after its commit. */
export function upsertChange(change: CaseAttributesChange): void {
  const pairs = [
    ...(change.accountManagerId ? [{ key: ACCOUNT_MANAGER_ATTRIBUTE, value: change.accountManagerId }] : []),
    ...(change.callId ? [{ key: CALL_ID_ATTRIBUTE, value: change.callId }] : []),
  ];
  if (pairs.length && patched(SEARCH_ATTRIBUTES_PATCH)) upsertSearchAttributes(pairs);
}
