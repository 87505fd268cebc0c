import type { components } from '../../api/schema';

export type Approval = components['schemas']['ApprovalDto'];
export type ApprovalStatus = Approval['status'];
export type Decision = components['schemas']['ApprovalDecisionDto']['decision'];
export const STATUSES: ApprovalStatus[] = ['pending', 'approved', 'sent_back'];
