/** Roles a user can hold. Wire values: they appear in tokens, the database and audit events. */
export const ROLES = [
  'case_handler',
  'approver',
  'council_member',
  'cluster_representative',
  'auditor',
  'admin',
  // Opens calls for spearhead clusters and steers the portfolio (issue 14): a civil servant of the
  // department, not the system administrator, so that policy choices and user management are
  // held by different people.
  'policy_owner',
] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Who did something, in which capacity. Recorded on every audit event. */
export interface Actor {
  userId: string;
  displayName: string;
  /** The role under which this action was allowed (a user may hold several). */
  role: Role | 'system';
  organisation: string;
}

/** The actor of what the system does by itself (timers, reminders, escalations). */
export const SYSTEM_ACTOR: Actor = {
  userId: 'system',
  displayName: 'Systeem / System',
  role: 'system',
  organisation: 'system',
};
