import { signerProblems, type AgreementParty, type SignerFacts } from './agreement';
import type { Role } from './roles';

const person = (userId: string, roles: Role[], extra: Partial<NonNullable<SignerFacts>> = {}): NonNullable<SignerFacts> => ({
  userId,
  subject: userId,
  displayName: userId.toUpperCase(),
  organisation: 'x',
  roles,
  councilCode: null,
  caseIds: [],
  active: true,
  ...extra,
});
const people = new Map<string, SignerFacts>(
  [person('gov', ['approver']), person('rep', ['cluster_representative'], { caseIds: ['case'] }), person('partner', ['case_handler']), person('am', ['case_handler', 'approver']), person('other-rep', ['cluster_representative'], { caseIds: ['elsewhere'] }), person('gone', ['approver'], { active: false })].map((p) => [p.userId, p]),
);
const party = (kind: AgreementParty['kind'], representativeUserId: string, name: string = kind): AgreementParty => ({ partyId: name, kind, name, representativeUserId, commitments: [] });
const theCase = { id: 'case', accountManagerId: 'am' };
const problems = (parties: AgreementParty[]) => signerProblems(parties, people, theCase).map((p) => [p.field, p.messages.length]);

describe('signerProblems', () => {
  it('accepts its own reader per party, the government through an approver (the account manager may be that approver)', () => {
    expect(problems([party('government', 'gov'), party('cluster_organisation', 'rep'), party('strategic_partner', 'partner')])).toEqual([]);
    expect(problems([party('government', 'am'), party('cluster_organisation', 'rep')])).toEqual([]);
  });

  it('names the party of each broken rule', () => {
    expect(problems([party('government', 'partner'), party('cluster_organisation', 'other-rep'), party('lead_actor', 'am'), party('strategic_partner', 'other-rep', 'p2'), party('strategic_partner', 'gone', 'p3'), party('strategic_partner', 'nobody', 'p4')])).toEqual([
      ['parties.0.representativeUserId', 1],
      ['parties.1.representativeUserId', 1],
      ['parties.2.representativeUserId', 1],
      ['parties.3.representativeUserId', 2],
      ['parties.4.representativeUserId', 1],
      ['parties.5.representativeUserId', 1],
    ]);
    expect(signerProblems([party('lead_actor', 'am', 'Catalisti')], people, theCase)[0]!.messages[0]).toMatch(/^Catalisti: de accountmanager tekent niet/);
  });
});
