import type { Role } from './roles';
import { mayDoForAll, permission, representsCase } from './permissions';

/** The authenticated user as the system knows them (from the users table, not the token). */
export interface Principal {
  userId: string;
  subject: string;
  displayName: string;
  organisation: string;
  roles: Role[];
  councilCode: string | null;
  caseId: string | null;
}

export interface CaseAccessFacts {
  id: string;
  accountManagerId: string;
}

/** Reading a case, as the permissions table (permissions.ts, `readCase`) says. */
export function canReadCase(p: Principal, c: CaseAccessFacts): boolean {
  return permission(p, 'readCase', { case: c }).allowed;
}

/**
 * Which cases a principal may list: all of them, or only these ids (a cluster representative's
 * own case; council members reach cases through their council's requests, not the case list).
 */
export function visibleCaseIds(p: Principal): 'all' | string[] {
  if (mayDoForAll(p, 'readCase')) return 'all';
  return p.roles.includes('cluster_representative') && p.caseId && representsCase(p, p.caseId) ? [p.caseId] : [];
}
