import { DomainError } from '@cluster/domain';
import { assertNotSelfLockout, sameSet, shapeProblems } from './user-rules';

describe('user shape', () => {
  it('binds a council member to a council and a representative to cases, nobody else', () => {
    expect(shapeProblems({ roles: ['council_member'], councilCode: 'RI', caseIds: [] })).toEqual([]);
    expect(shapeProblems({ roles: ['cluster_representative'], councilCode: null, caseIds: ['a', 'b'] })).toEqual([]);
    expect(shapeProblems({ roles: ['case_handler'], councilCode: null, caseIds: [] })).toEqual([]);
    expect(shapeProblems({ roles: ['council_member'], councilCode: null, caseIds: [] }).map((p) => p.field)).toEqual(['councilCode']);
    expect(shapeProblems({ roles: ['case_handler'], councilCode: 'RI', caseIds: [] }).map((p) => p.field)).toEqual(['councilCode']);
    expect(shapeProblems({ roles: ['cluster_representative'], councilCode: null, caseIds: [] }).map((p) => p.field)).toEqual(['caseIds']);
    expect(shapeProblems({ roles: ['approver'], councilCode: 'RI', caseIds: ['a'] }).map((p) => p.field)).toEqual(['councilCode', 'caseIds']);
  });

  it('messages are Dutch first, then English', () => {
    for (const p of shapeProblems({ roles: ['approver'], councilCode: 'RI', caseIds: ['a'] })) expect(p.messages[0]).toMatch(/^[^/]+ \/ [^/]+$/);
  });
});

describe('self lockout', () => {
  const refused = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return (e as DomainError).code;
    }
    return null;
  };

  it('an administrator cannot deactivate themself or drop their own admin role', () => {
    expect(refused(() => assertNotSelfLockout('me', 'me', { deactivate: true }))).toBe('FORBIDDEN');
    expect(refused(() => assertNotSelfLockout('me', 'me', { roles: ['case_handler'] }))).toBe('FORBIDDEN');
  });

  it('but may change their other roles, and anyone else entirely', () => {
    expect(refused(() => assertNotSelfLockout('me', 'me', { roles: ['admin', 'auditor'] }))).toBeNull();
    expect(refused(() => assertNotSelfLockout('me', 'other', { deactivate: true }))).toBeNull();
    expect(refused(() => assertNotSelfLockout('me', 'other', { roles: ['case_handler'] }))).toBeNull();
  });

  it('compares sets regardless of order', () => {
    expect(sameSet(['a', 'b'], ['b', 'a'])).toBe(true);
    expect(sameSet(['a'], ['a', 'b'])).toBe(false);
  });
});
