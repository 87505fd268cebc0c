import type { Principal } from './access';
import { CASE_COMMAND_RULES, permission, permitted, RULES } from './permissions';
import type { Role } from './roles';
import { CASE_COMMAND_STAGES } from './stages';

const person = (roles: Role[], extra: Partial<Principal> = {}): Principal => ({
  userId: 'u',
  subject: 's',
  displayName: 'U',
  organisation: 'O',
  roles,
  councilCode: null,
  caseIds: [],
  ...extra,
});
const theCase = { id: 'case-a', accountManagerId: 'am', standInId: 'deputy', assessorIds: ['assessor-1', 'assessor-2'] };

describe('the permissions table', () => {
  it('has a rule for every case command of the stage table', () => {
    expect(Object.keys(CASE_COMMAND_RULES).sort()).toEqual(Object.keys(CASE_COMMAND_STAGES).sort());
  });

  it.each(Object.entries(RULES))('%s: auditors only read, and every refusal says why in Dutch and English', (_action, rule) => {
    if (rule.kind === 'change') expect(rule.who.auditor).toBeUndefined();
    expect(rule.refusal.nl.length).toBeGreaterThan(10);
    expect(rule.refusal.en.length).toBeGreaterThan(10);
    expect(Object.keys(rule.who).length).toBeGreaterThan(0);
  });

  describe.each(['concludeAssessment', 'proposeDecision'] as const)('%s: the account manager or the named stand-in, never an assessor', (action) => {
    it('the account manager and the stand-in may', () => {
      expect(permission(person(['case_handler'], { userId: 'am' }), action, { case: theCase })).toEqual({ allowed: true, role: 'case_handler' });
      expect(permission(person(['case_handler'], { userId: 'deputy' }), action, { case: theCase })).toEqual({ allowed: true, role: 'case_handler' });
    });

    it('another case handler, an assessor, an approver may not', () => {
      expect(permission(person(['case_handler'], { userId: 'other' }), action, { case: theCase }).allowed).toBe(false);
      expect(permission(person(['case_handler'], { userId: 'assessor-1' }), action, { case: theCase }).allowed).toBe(false);
      expect(permission(person(['approver'], { userId: 'am' }), action, { case: theCase }).allowed).toBe(false);
    });

    it('a stand-in who assessed this version may not, nor an account manager who did', () => {
      expect(permission(person(['case_handler'], { userId: 'deputy' }), action, { case: { ...theCase, assessorIds: ['deputy'] } }).allowed).toBe(false);
      expect(permission(person(['case_handler'], { userId: 'am' }), action, { case: { ...theCase, assessorIds: ['am'] } }).allowed).toBe(false);
    });
  });

  it('four eyes: the requester never decides, another approver does', () => {
    expect(permission(person(['approver'], { userId: 'asker' }), 'decideApproval', { requestedBy: 'asker' }).allowed).toBe(false);
    expect(permission(person(['approver'], { userId: 'second' }), 'decideApproval', { requestedBy: 'asker' })).toEqual({ allowed: true, role: 'approver' });
    // A fact that is not known never grants: no requester, no approval.
    expect(permission(person(['approver'], { userId: 'second' }), 'decideRelease').allowed).toBe(false);
  });

  it('a council member reads and advises only on requests to their own council', () => {
    const ri = person(['council_member'], { councilCode: 'RI' });
    expect(permission(ri, 'readAdviceRequest', { case: { id: 'case-a' }, councilCode: 'RI' }).allowed).toBe(true);
    expect(permission(ri, 'readAdviceRequest', { case: { id: 'case-a' }, councilCode: 'SERV' }).allowed).toBe(false);
    expect(permission(ri, 'submitAdvice', { councilCode: 'SERV' }).allowed).toBe(false);
    expect(permission(ri, 'readCase', { case: theCase }).allowed).toBe(false);
  });

  it('a person with two roles acts in the one that the rule allows', () => {
    const both = person(['approver', 'cluster_representative'], { caseIds: ['case-a'] });
    expect(permission(both, 'saveRoadmapDraft', { case: theCase })).toEqual({ allowed: true, role: 'cluster_representative' });
  });

  it('an administrator deactivates others, never themself; a representative of several cases edits each', () => {
    const admin = person(['admin'], { userId: 'admin-1' });
    expect(permission(admin, 'deactivateUser', { subjectUserId: 'someone' }).allowed).toBe(true);
    expect(permission(admin, 'deactivateUser', { subjectUserId: 'admin-1' }).allowed).toBe(false);
    expect(permission(admin, 'deactivateUser').allowed).toBe(false);
    expect(permission(person(['case_handler']), 'deactivateUser', { subjectUserId: 'someone' }).allowed).toBe(false);
    const rep = person(['cluster_representative'], { caseIds: ['case-b', 'case-a'] });
    expect(permission(rep, 'saveRoadmapDraft', { case: theCase }).allowed).toBe(true);
    expect(permission(rep, 'saveRoadmapDraft', { case: { ...theCase, id: 'case-c' } }).allowed).toBe(false);
  });

  it('a refusal is a 403 that says who may instead, Dutch first', () => {
    expect(() => permitted(person(['case_handler'], { userId: 'other' }), 'closeCase', { case: theCase })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringMatching(/^Alleen de accountmanager .* \/ Only the case's account manager/) }),
    );
  });
});
