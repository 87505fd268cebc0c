import type { CurrentUser } from '../../../auth/session';
import type { components } from '../../../api/schema';

export type CaseView = components['schemas']['CaseDto'];

/** Who the signed-in user is for this case; the API decides again on every request. */
export interface CaseParty {
  caseHandler: boolean;
  accountManager: boolean;
  /** One of the case's own cluster representatives. */
  clusterRepresentative: boolean;
  /** The cluster's representatives and the account manager write the roadmap. */
  roadmapEditor: boolean;
}

export function partyOf(user: CurrentUser, view: CaseView): CaseParty {
  const caseHandler = user.roles.includes('case_handler');
  const accountManager = caseHandler && user.id === view.accountManagerId;
  const clusterRepresentative = user.roles.includes('cluster_representative') && user.caseIds.includes(view.id);
  return { caseHandler, accountManager, clusterRepresentative, roadmapEditor: accountManager || clusterRepresentative };
}

/** Whether an open task of this kind waits on this user (by id) in the case. */
export function hasOpenTask(view: CaseView, kind: string, userId: string): boolean {
  return view.pendingTasks.some((t) => t.kind === kind && t.assigneeRef === userId);
}
