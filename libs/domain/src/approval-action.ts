import type { Action } from './permissions';
import { isTerminationKind } from './termination';

/** Which row of the permissions table decides an approval of this subject (one inbox, three rules). */
export function decidingAction(subjectType: string): Action {
  if (subjectType === 'budget_release') return 'decideRelease';
  if (subjectType === 'call_selection') return 'decideSelection';
  return isTerminationKind(subjectType) ? 'decideTermination' : 'decideApproval';
}
