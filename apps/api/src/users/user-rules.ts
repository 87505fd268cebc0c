import { DomainError, refusalText, RULES, type FieldError, type Role } from '@cluster/domain';

/** What a user may act as and for whom: the part of a user the administration changes. */
export interface UserShape {
  roles: Role[];
  councilCode: string | null;
  caseIds: string[];
}

/**
 * Bindings follow roles exactly: a council member acts for one council, a cluster representative
 * for one or more cases, and nobody else carries either (a stale binding would be a silent right).
 */
export function shapeProblems(s: UserShape): FieldError[] {
  const problems: FieldError[] = [];
  const council = s.roles.includes('council_member');
  if (council && !s.councilCode) {
    problems.push({ field: 'councilCode', messages: ['Een raadslid hoort bij een adviesraad: kies de raad. / A council member belongs to a council: choose it.'] });
  }
  if (!council && s.councilCode) {
    problems.push({ field: 'councilCode', messages: ['Alleen een raadslid hoort bij een adviesraad: laat de raad leeg. / Only a council member belongs to a council: leave it empty.'] });
  }
  const representative = s.roles.includes('cluster_representative');
  if (representative && s.caseIds.length === 0) {
    problems.push({ field: 'caseIds', messages: ['Een clustervertegenwoordiger vertegenwoordigt minstens één dossier: kies het. / A cluster representative represents at least one case: choose it.'] });
  }
  if (!representative && s.caseIds.length > 0) {
    problems.push({ field: 'caseIds', messages: ['Alleen een clustervertegenwoordiger is aan dossiers gebonden: laat ze leeg. / Only a cluster representative is bound to cases: leave them empty.'] });
  }
  return problems;
}

export function assertShape(s: UserShape): void {
  const problems = shapeProblems(s);
  if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De gebruiker klopt niet. / The user is not valid.', problems);
}

/**
 * An administrator never locks themself out: they cannot deactivate their own account nor drop
 * their own admin role, so at least one administrator (the one acting) always remains; another
 * administrator does it for them.
 */
export function assertNotSelfLockout(actorId: string, targetId: string, change: { deactivate?: boolean; roles?: Role[] }): void {
  if (actorId !== targetId) return;
  if (change.deactivate) {
    // The service's own guard behind the API's; its words are the permissions table's.
    throw new DomainError('FORBIDDEN', refusalText(RULES.deactivateUser.refusal));
  }
  if (change.roles && !change.roles.includes('admin')) {
    throw new DomainError('FORBIDDEN', 'U kunt uw eigen beheerdersrol niet intrekken; vraag het een andere beheerder. / You cannot remove your own administrator role; ask another administrator.');
  }
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
