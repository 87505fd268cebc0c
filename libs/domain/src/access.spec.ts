import { canReadCase, visibleCaseIds, type Principal } from './access';
import { permission } from './permissions';
import { ROLES, type Role } from './roles';

const theCase = { id: 'case-a', accountManagerId: 'am' };
const principal = (roles: Role[], extra: Partial<Principal> = {}): Principal => ({
  userId: 'u',
  subject: 's',
  displayName: 'U',
  organisation: 'O',
  roles,
  councilCode: null,
  caseIds: [],
  ...extra,
});

describe('case access', () => {
  // Every role must be decided on: a new role fails this test until it is listed here.
  const readsAnyCase: Record<Role, boolean> = {
    case_handler: true,
    approver: true,
    auditor: true,
    admin: true,
    policy_owner: true,
    council_member: false,
    cluster_representative: false,
  };

  it.each(ROLES)('%s reads any case: as intended', (role) => {
    expect(canReadCase(principal([role]), theCase)).toBe(readsAnyCase[role]);
  });

  it.each(ROLES)('%s lists cases consistently with reading them', (role) => {
    const visible = visibleCaseIds(principal([role], { caseIds: ['case-a'] }));
    expect(visible === 'all').toBe(readsAnyCase[role]);
    if (visible !== 'all') expect(visible).toEqual(role === 'cluster_representative' ? ['case-a'] : []);
  });

  it('a cluster representative reads only their own cases', () => {
    expect(canReadCase(principal(['cluster_representative'], { caseIds: ['case-a'] }), theCase)).toBe(true);
    expect(canReadCase(principal(['cluster_representative'], { caseIds: ['case-b'] }), theCase)).toBe(false);
    const two = principal(['cluster_representative'], { caseIds: ['case-b', 'case-a'] });
    expect(canReadCase(two, theCase)).toBe(true);
    expect(canReadCase(two, { id: 'case-c', accountManagerId: 'am' })).toBe(false);
    expect(visibleCaseIds(two)).toEqual(['case-b', 'case-a']);
  });

  it('a binding without the representative role gives no access', () => {
    expect(canReadCase(principal(['council_member'], { caseIds: ['case-a'] }), theCase)).toBe(false);
    expect(visibleCaseIds(principal(['council_member'], { caseIds: ['case-a'] }))).toEqual([]);
  });

  it('the roadmap is edited by own representatives and the account manager only', () => {
    const editor = (p: Principal) => { const a = permission(p, 'saveRoadmapDraft', { case: theCase }); return a.allowed ? a.role : null; };
    expect(editor(principal(['cluster_representative'], { caseIds: ['case-a'] }))).toBe('cluster_representative');
    expect(editor(principal(['cluster_representative'], { caseIds: ['case-b'] }))).toBeNull();
    expect(editor(principal(['case_handler'], { userId: 'am' }))).toBe('case_handler');
    expect(editor(principal(['case_handler'], { userId: 'other' }))).toBeNull();
    for (const role of ['approver', 'auditor', 'admin', 'council_member'] as Role[]) {
      expect(editor(principal([role], { userId: 'am' }))).toBeNull();
    }
  });
});
