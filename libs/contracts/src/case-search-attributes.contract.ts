import { defineSearchAttributeKey, SearchAttributeType, type SearchAttributePair } from '@temporalio/common';
import { defineSignal } from '@temporalio/workflow';
import type { NewCaseDetails } from '@cluster/domain';

/**
 * The case workflow's custom search attributes (issue 15), so `temporal workflow list --query
 * 'CaseStage="advice"'` and the Web UI filter cases. Every Temporal server this product uses
 * registers them from scripts/lib/temporal-search-attributes.json (a test keeps the two equal):
 * a workflow that upserts an unregistered attribute fails its workflow task.
 */
export const CASE_STAGE_ATTRIBUTE = defineSearchAttributeKey('CaseStage', SearchAttributeType.KEYWORD);
export const CLUSTER_NAME_ATTRIBUTE = defineSearchAttributeKey('ClusterName', SearchAttributeType.KEYWORD);
/** The account manager's user id (names change; the id is what a handover moves). */
export const ACCOUNT_MANAGER_ATTRIBUTE = defineSearchAttributeKey('AccountManager', SearchAttributeType.KEYWORD);
/** The call the case registered to; absent outside any call. */
export const CALL_ID_ATTRIBUTE = defineSearchAttributeKey('CallId', SearchAttributeType.KEYWORD);

export const CASE_SEARCH_ATTRIBUTES = [CASE_STAGE_ATTRIBUTE, CLUSTER_NAME_ATTRIBUTE, ACCOUNT_MANAGER_ATTRIBUTE, CALL_ID_ATTRIBUTE] as const;

/** Shown beside the workflow in `temporal workflow describe` and the Web UI, without a database. */
export interface CaseMemo {
  clusterName: string;
}

/** Search attributes and memo of a case workflow as it starts (first stage: roadmap drafting). */
export function caseStartAttributes(details: NewCaseDetails): { typedSearchAttributes: SearchAttributePair[]; memo: CaseMemo & Record<string, unknown> } {
  return {
    typedSearchAttributes: [
      { key: CASE_STAGE_ATTRIBUTE, value: 'roadmap_drafting' },
      { key: CLUSTER_NAME_ATTRIBUTE, value: details.clusterName },
      { key: ACCOUNT_MANAGER_ATTRIBUTE, value: details.accountManagerId },
    ],
    memo: { clusterName: details.clusterName },
  };
}

/**
 * A change the database made outside the workflow's own commands (a handover moves the account
 * manager, a registration puts the case in a call): the workflow upserts its search attributes.
 */
export interface CaseAttributesChange {
  accountManagerId?: string;
  callId?: string;
}

// Message names are frozen wire names.
export const caseAttributesSignal = defineSignal<[CaseAttributesChange]>('caseAttributes');
