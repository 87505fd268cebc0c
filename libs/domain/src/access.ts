import type { Role } from './roles';

/** The authenticated user as the system knows them (from the users table, not the token). */
export interface Principal {
  userId: string;
  subject: string;
  displayName: string;
  organisation: string;
  roles: Role[];
  councilCode: string | null;
  /** For cluster representatives: the cases they are bound to (one or more). */
  caseIds: string[];
}

export interface CaseAccessFacts {
  id: string;
  accountManagerId: string;
}

/** Roles that see every case. Council members see cases through their council's requests only. */
const READ_ALL: Role[] = ['case_handler', 'approver', 'auditor', 'admin'];

export function canReadCase(p: Principal, c: CaseAccessFacts): boolean {
  if (p.roles.some((r) => READ_ALL.includes(r))) return true;
  return representsCase(p, c.id);
}

/**
 * Which cases a principal may list: all of them, or only these ids (a cluster representative's
 * own cases; council members reach cases through their council's requests, not the case list).
 */
export function visibleCaseIds(p: Principal): 'all' | string[] {
  if (p.roles.some((r) => READ_ALL.includes(r))) return 'all';
  return p.roles.includes('cluster_representative') ? [...p.caseIds] : [];
}

/**
 * Who may edit the roadmap draft: the case's own cluster representatives and its account manager.
 * Returns the role under which the edit is allowed, or null.
 */
export function roadmapEditorRole(p: Principal, c: CaseAccessFacts): Role | null {
  if (representsCase(p, c.id)) return 'cluster_representative';
  if (p.roles.includes('case_handler') && p.userId === c.accountManagerId) return 'case_handler';
  return null;
}

/** Whether the principal is a cluster representative bound to this case. */
export function representsCase(p: Principal, caseId: string): boolean {
  return p.roles.includes('cluster_representative') && p.caseIds.includes(caseId);
}
