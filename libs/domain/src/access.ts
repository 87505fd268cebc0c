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
  /** For cluster representatives: the cases they are bound to (one or more). */
  caseIds: string[];
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
 * own cases; council members reach cases through their council's requests, not the case list).
 */
export function visibleCaseIds(p: Principal): 'all' | string[] {
  if (mayDoForAll(p, 'readCase')) return 'all';
  return p.caseIds.filter((id) => representsCase(p, id));
}
