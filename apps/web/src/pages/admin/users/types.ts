import type { components } from '../../../api/schema';
import type { Role } from '../../../auth/session';
import type { Localized } from '../types';

export type UserAccount = components['schemas']['UserAccountDto'];
export type OpenWork = components['schemas']['OpenWorkDto'];

export const ROLES: Role[] = ['case_handler', 'approver', 'council_member', 'cluster_representative', 'auditor', 'admin', 'policy_owner'];

/** What the binding lists offer: councils of the reference data, cases by name. */
export interface Choices {
  councils: { code: string; name: Localized }[];
  cases: { id: string; clusterName: string }[];
}
