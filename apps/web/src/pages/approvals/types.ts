import type { components } from '../../api/schema';

export type Approval = components['schemas']['ApprovalDto'];
export type ApprovalStatus = Approval['status'];
export type Decision = components['schemas']['ApprovalDecisionDto']['decision'];
/** Superseded: closed without a decision because it can no longer succeed (e.g. the case was withdrawn). */
export const STATUSES: ApprovalStatus[] = ['pending', 'approved', 'sent_back', 'superseded'];
