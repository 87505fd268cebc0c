import type { Principal } from './access';
import { DomainError } from './errors';
import type { Role } from './roles';
import type { CaseCommand } from './stages';

/**
 * Who may do what: the one table. The API's guard and access checks (CaseAccess) ask it (through `permission`), the
 * web app asks the API ("may I", GET /api/cases/{id}/permissions), and the permissions matrix test
 * is generated from it. Beside the stage table (stages.ts): that one says *when* a command is
 * allowed, this one *who*. A new case command does not compile until it has a rule here.
 *
 * A rule names, per role that may act, the standing the person needs towards the object:
 *   any               holding the role is enough
 *   own_case          a cluster representative bound to this case
 *   account_manager   the case's account manager
 *   steward           the case's account manager or its named stand-in, never an assessor of the
 *                     submitted roadmap version (DOMAIN.md, "Rules decided (turn 2)")
 *   assessor          an assessor of the submitted roadmap version
 *   addressed_council a member of the council the advice request is addressed to
 *   not_requester     anyone with the role except the person who asked (four eyes)
 *   self              acting on one's own behalf (a handover of one's own cases)
 *   not_self          acting on anyone but oneself (an administrator never deactivates themself)
 *   named_signer      a signer the agreement version being signed names (for which party: the
 *                     agreement service checks)
 * The first of the person's roles whose standing holds is the capacity they act in (audited).
 */
export type Standing = 'any' | 'own_case' | 'account_manager' | 'steward' | 'assessor' | 'addressed_council' | 'not_requester' | 'self' | 'not_self' | 'named_signer';

/** A sentence for a person, Dutch first. */
export interface Words {
  nl: string;
  en: string;
}

export interface Rule {
  /** Reads change nothing; auditors may only read (checked by the table's own test). */
  kind: 'read' | 'change';
  who: Partial<Record<Role, Standing>>;
  /** What a refused person is told: who may do this instead. */
  refusal: Words;
}

/** Actions that are not updates of the case workflow (documents, people, reference data, reads). */
export const OTHER_ACTIONS = [
  'createCase',
  'listCases',
  'readCase',
  'readAssessments',
  'verifyAuditChain',
  'exportEvidence',
  'searchAudit',
  'attachRoadmapDocument',
  'amendParties',
  'nameStandIn',
  'listAdviceRequests',
  'readAdviceRequest',
  'attachAdviceDocument',
  'listApprovals',
  'listUsers',
  'manageUsers',
  'readUserAccounts',
  'deactivateUser',
  'proposePolicy',
  'readPolicyProposals',
  'decidePolicyProposal',
  'handOver',
  'readOwnWork',
  'markNotificationsRead',
  'recordGovernmentDecision',
  'attachAgreementDocument',
  'attachDialogueDocument',
  'attachMilestoneDocument',
  'manageProjects',
  'openCall',
  'listCalls',
  'registerForCall',
  'readCandidates',
  'proposeSelection',
  'decideSelection',
  'readEuropeanCoverage',
  'readPortfolio',
] as const;
export type OtherAction = (typeof OTHER_ACTIONS)[number];
export type Action = CaseCommand | OtherAction;

/** Civil servants and auditors read every case; administrators and policy owners too (DOMAIN.md, "Who uses it"). */
const READERS = { case_handler: 'any', approver: 'any', auditor: 'any', admin: 'any', policy_owner: 'any', cluster_representative: 'own_case' } as const;
const CASE_EDITORS = { cluster_representative: 'own_case', case_handler: 'account_manager' } as const;
const EVERYONE = { case_handler: 'any', approver: 'any', council_member: 'any', cluster_representative: 'any', auditor: 'any', admin: 'any', policy_owner: 'any' } as const;

const only = (nl: string, en: string): Words => ({ nl, en });
const EDITORS_ONLY = only(
  'Alleen de clustervertegenwoordigers van dit dossier en de accountmanager doen dit.',
  "Only the case's cluster representatives and its account manager do this.",
);
const ACCOUNT_MANAGER_ONLY = only('Alleen de accountmanager van dit dossier doet dit.', "Only the case's account manager does this.");
const STEWARD_ONLY = only(
  'Alleen de accountmanager van dit dossier of de aangewezen vervanger doet dit, en nooit iemand die deze versie van de routekaart beoordeelde.',
  "Only the case's account manager or their named stand-in does this, never an assessor of this roadmap version.",
);
const ASSESSOR_ONLY = only('Alleen een beoordelaar van deze versie van de routekaart doet dit.', 'Only an assessor of this roadmap version does this.');
const FOUR_EYES = only(
  'Vier ogen: niemand keurt zijn eigen aanvraag goed; een andere goedkeurder beslist.',
  'Four eyes: nobody approves their own request; another approver must decide.',
);
const READERS_ONLY = only('U hebt geen toegang tot dit dossier.', 'You have no access to this case.');

export const CASE_COMMAND_RULES: Record<CaseCommand, Rule> = {
  // Step 1: "cluster representatives and the account manager edit drafts".
  saveRoadmapDraft: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  submitRoadmap: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  // Step 2: civil servants organise the assessment; the assessors assess; the steward concludes.
  assignAssessors: {
    kind: 'change',
    who: { case_handler: 'steward' },
    refusal: STEWARD_ONLY,
  },
  declareConflict: { kind: 'change', who: { case_handler: 'assessor' }, refusal: ASSESSOR_ONLY },
  submitAssessment: { kind: 'change', who: { case_handler: 'assessor' }, refusal: ASSESSOR_ONLY },
  concludeAssessment: { kind: 'change', who: { case_handler: 'steward' }, refusal: STEWARD_ONLY },
  // Step 3: only the addressed council advises.
  submitAdvice: {
    kind: 'change',
    who: { council_member: 'addressed_council' },
    refusal: only('Alleen de raad aan wie dit adviesverzoek gericht is, geeft dit advies.', 'Only the council this request is addressed to gives this advice.'),
  },
  // Step 4: the steward proposes, a second person approves.
  proposeDecision: { kind: 'change', who: { case_handler: 'steward' }, refusal: STEWARD_ONLY },
  decideApproval: { kind: 'change', who: { approver: 'not_requester' }, refusal: FOUR_EYES },
  // Step 5: the account manager plans and evaluates; evidence by the cluster or the account manager.
  planTrajectory: { kind: 'change', who: { case_handler: 'account_manager' }, refusal: ACCOUNT_MANAGER_ONLY },
  recordMilestoneEvidence: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  concludeTrajectory: { kind: 'change', who: { case_handler: 'account_manager' }, refusal: ACCOUNT_MANAGER_ONLY },
  // Step 6: the account manager drafts; each party signs through the signer the version names
  // (who may be named is checked when it is drafted: the government's signer is an approver, the
  // account manager signs for no party; for which party one signs, by the agreement service).
  draftAgreement: { kind: 'change', who: { case_handler: 'account_manager' }, refusal: ACCOUNT_MANAGER_ONLY },
  signAgreement: {
    kind: 'change',
    who: { cluster_representative: 'named_signer', approver: 'named_signer', case_handler: 'named_signer' },
    refusal: only(
      'Alleen de ondertekenaars die de overeenkomst noemt, tekenen: de vertegenwoordigers van de partijen en een goedkeurder voor de overheid.',
      "Only the signers the agreement names sign: the parties' representatives, and an approver for the government.",
    ),
  },
  // Step 7: the cluster (or its account manager) reports; the account manager records the outcome.
  submitDialogueReport: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  recordDialogueOutcome: { kind: 'change', who: { case_handler: 'account_manager' }, refusal: ACCOUNT_MANAGER_ONLY },
  requestRelease: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  decideRelease: { kind: 'change', who: { approver: 'not_requester' }, refusal: FOUR_EYES },
  closeCase: { kind: 'change', who: { case_handler: 'account_manager' }, refusal: ACCOUNT_MANAGER_ONLY },
  // What ends a case early is four eyes: proposed by whoever takes the step it ends, approved in
  // the approvals inbox by an approver other than the proposer (termination.ts).
  proposeAssessmentRejection: { kind: 'change', who: { case_handler: 'steward' }, refusal: STEWARD_ONLY },
  proposeTrajectoryStop: { kind: 'change', who: { case_handler: 'account_manager' }, refusal: ACCOUNT_MANAGER_ONLY },
  proposeEarlyEnd: { kind: 'change', who: { case_handler: 'account_manager' }, refusal: ACCOUNT_MANAGER_ONLY },
  // The cluster may withdraw its own candidacy; the administration through the account manager.
  withdrawCase: {
    kind: 'change',
    who: { case_handler: 'account_manager', cluster_representative: 'own_case' },
    refusal: only(
      'Alleen de accountmanager van het dossier of een vertegenwoordiger van de cluster stelt voor het in te trekken; vraag het hun.',
      "Only the case's account manager or one of its cluster representatives proposes to withdraw it; ask one of them.",
    ),
  },
  decideTermination: {
    kind: 'change',
    who: { approver: 'not_requester' },
    refusal: only(
      'Vier ogen: een andere goedkeurder dan wie het voorstelde, beslist over het beëindigen van een dossier.',
      'Four eyes: an approver other than the one who proposed it decides on ending a case.',
    ),
  },
};

export const OTHER_RULES: Record<OtherAction, Rule> = {
  createCase: { kind: 'change', who: { case_handler: 'any' }, refusal: only('Alleen dossierbehandelaars openen dossiers.', 'Only case handlers open cases.') },
  // The list holds only what one may read: a representative's holds their own case(s).
  listCases: {
    kind: 'read',
    who: { ...READERS, cluster_representative: 'any' },
    refusal: only('Raden zien dossiers alleen via de adviesverzoeken aan hun raad.', 'Councils see cases only through the requests addressed to their council.'),
  },
  readCase: { kind: 'read', who: READERS, refusal: READERS_ONLY },
  readAssessments: {
    kind: 'read',
    who: { case_handler: 'any', approver: 'any', auditor: 'any', admin: 'any' },
    refusal: only('De beoordelingen zijn voor ambtenaren en auditoren.', 'The assessments are for civil servants and auditors.'),
  },
  verifyAuditChain: {
    kind: 'read',
    who: { case_handler: 'any', approver: 'any', auditor: 'any', admin: 'any' },
    refusal: only('Het dossier verifiëren is voor ambtenaren en auditoren.', 'Verifying the record is for civil servants and auditors.'),
  },
  exportEvidence: {
    kind: 'read',
    who: { case_handler: 'any', auditor: 'any', admin: 'any' },
    refusal: only('Het bewijsdossier exporteren is voor auditoren, beheerders en dossierbehandelaars.', 'Evidence export is for auditors, administrators and case handlers.'),
  },
  searchAudit: {
    kind: 'read',
    who: { auditor: 'any', admin: 'any' },
    refusal: only('Zoeken over alle dossiers is voor auditoren en beheerders.', 'Searching across all cases is for auditors and administrators.'),
  },
  attachRoadmapDocument: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  // Who a case is about (lead actors, partners) is amended by its account manager, with a reason.
  amendParties: {
    kind: 'change',
    who: { case_handler: 'account_manager' },
    refusal: only(
      'Alleen de accountmanager van het dossier wijzigt de trekkers en partners; vraag het hem of haar.',
      "Only the case's account manager amends its lead actors and partners; ask them.",
    ),
  },
  // A stand-in is named by the account manager (absence) or by an administrator.
  nameStandIn: {
    kind: 'change',
    who: { case_handler: 'account_manager', admin: 'any' },
    refusal: only('Alleen de accountmanager van dit dossier of een beheerder wijst een vervanger aan.', "Only the case's account manager or an administrator names a stand-in."),
  },
  listAdviceRequests: {
    kind: 'read',
    who: { council_member: 'any', case_handler: 'any', approver: 'any', auditor: 'any', admin: 'any' },
    refusal: only('De adviesverzoeken zijn voor de raden en de ambtenaren.', 'Advice requests are for the councils and civil servants.'),
  },
  // A council reads what it advises on (the frozen roadmap version, the case's identity); whoever
  // reads the case reads its requests too.
  readAdviceRequest: {
    kind: 'read',
    who: { ...READERS, council_member: 'addressed_council' },
    refusal: only(
      'Dit adviesverzoek is gericht aan een andere raad of hoort bij een dossier dat u niet leest; de verzoeken van uw eigen raad staan in het adviesportaal.',
      "This advice request is addressed to another council or belongs to a case you do not read; your own council's requests are in the council portal.",
    ),
  },
  attachAdviceDocument: {
    kind: 'change',
    who: { council_member: 'addressed_council' },
    refusal: only('Alleen de raad aan wie dit adviesverzoek gericht is, voegt er documenten aan toe.', 'Only the council this request is addressed to attaches documents to it.'),
  },
  listApprovals: {
    kind: 'read',
    who: { approver: 'any', case_handler: 'any', auditor: 'any', admin: 'any' },
    refusal: only('Goedkeuringen zijn voor ambtenaren en auditoren.', 'Approvals are for civil servants and auditors.'),
  },
  listUsers: {
    kind: 'read',
    who: { admin: 'any', case_handler: 'any', auditor: 'any' },
    refusal: only('De lijst van gebruikers is voor beheerders, dossierbehandelaars en auditoren.', 'The list of users is for administrators, case handlers and auditors.'),
  },
  // Creating people and changing their roles and bindings (nobody drops their own admin role:
  // the users service refuses that change, which depends on what is asked, not on who).
  manageUsers: { kind: 'change', who: { admin: 'any' }, refusal: only('Alleen beheerders beheren gebruikers.', 'Only administrators manage users.') },
  // The administration's view of people: e-mail addresses, deactivations, open work.
  readUserAccounts: {
    kind: 'read',
    who: { admin: 'any', auditor: 'any' },
    refusal: only('Het gebruikersbeheer is voor beheerders en auditoren.', 'User administration is for administrators and auditors.'),
  },
  // Someone must remain to deactivate: an administrator deactivates others, never themself.
  deactivateUser: {
    kind: 'change',
    who: { admin: 'not_self' },
    refusal: only(
      'Alleen een beheerder deactiveert een gebruiker, en nooit het eigen account; vraag het een andere beheerder.',
      'Only an administrator deactivates a user, and never their own account; ask another administrator.',
    ),
  },
  // Reference data is four eyes too: one administrator proposes a version, another publishes it.
  proposePolicy: { kind: 'change', who: { admin: 'any' }, refusal: only('Alleen beheerders beheren de referentiegegevens.', 'Only administrators manage reference data.') },
  readPolicyProposals: {
    kind: 'read',
    who: { admin: 'any', auditor: 'any' },
    refusal: only('Voorgestelde versies van de referentiegegevens zijn voor beheerders en auditoren.', 'Proposed versions of the reference data are for administrators and auditors.'),
  },
  decidePolicyProposal: {
    kind: 'change',
    who: { admin: 'not_requester' },
    refusal: only(
      'Vier ogen: een andere beheerder dan wie de versie voorstelde, keurt ze goed of stuurt ze terug.',
      'Four eyes: an administrator other than the one who proposed the version approves it or sends it back.',
    ),
  },
  handOver: {
    kind: 'change',
    who: { case_handler: 'self', admin: 'any' },
    refusal: only(
      'Een dossierbehandelaar draagt alleen de eigen dossiers over; een beheerder draagt die van iedereen over.',
      "A case handler hands over only their own cases; an administrator hands over anyone's.",
    ),
  },
  // One's own profile, inbox and notifications; reference data everyone works with.
  readOwnWork: { kind: 'read', who: EVERYONE, refusal: only('Meld u aan om uw eigen werk te zien.', 'Sign in to see your own work.') },
  markNotificationsRead: {
    kind: 'change',
    who: { case_handler: 'any', approver: 'any', council_member: 'any', cluster_representative: 'any', admin: 'any', policy_owner: 'any' },
    refusal: only('Auditoren lezen alles en wijzigen niets.', 'Auditors read everything and change nothing.'),
  },
  // Calls for spearhead clusters (issue 14, libs/domain/src/call.ts): a policy owner opens them;
  // everyone may read them (a call is public); a case registers through its editors.
  openCall: {
    kind: 'change',
    who: { policy_owner: 'any' },
    refusal: only('Alleen een beleidsverantwoordelijke opent een oproep voor speerpuntclusters.', 'Only a policy owner opens a call for spearhead clusters.'),
  },
  listCalls: { kind: 'read', who: EVERYONE, refusal: only('Meld u aan om de oproepen te zien.', 'Sign in to see the calls.') },
  registerForCall: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  // Selection (selection.ts): the comparison of candidates is for the administration (not for the
  // candidates, who would read each other's scores); a policy owner proposes, an approver other
  // than the proposer approves or sends it back (four eyes).
  readCandidates: {
    kind: 'read',
    who: { case_handler: 'any', approver: 'any', auditor: 'any', admin: 'any', policy_owner: 'any' },
    refusal: only('De vergelijking van de kandidaten is voor de administratie en de auditoren.', 'The comparison of the candidates is for the administration and the auditors.'),
  },
  proposeSelection: {
    kind: 'change',
    who: { policy_owner: 'any' },
    refusal: only('Alleen een beleidsverantwoordelijke stelt de selectie van een oproep voor.', "Only a policy owner proposes a call's selection."),
  },
  decideSelection: {
    kind: 'change',
    who: { approver: 'not_requester' },
    refusal: only(
      'Vier ogen: een goedkeurder die de selectie niet zelf voorstelde, keurt ze goed of stuurt ze terug.',
      'Four eyes: an approver who did not propose the selection approves it or sends it back.',
    ),
  },
  // The portfolio overview (issue 14, libs/domain/src/portfolio.ts): figures across every case, for
  // civil servants, policy owners and auditors; not for councils or a cluster (they see one case).
  readPortfolio: {
    kind: 'read',
    who: { case_handler: 'any', approver: 'any', admin: 'any', policy_owner: 'any', auditor: 'any' },
    refusal: only(
      'Het portefeuilleoverzicht over alle dossiers is voor ambtenaren, beleidsverantwoordelijken en auditoren; uw eigen dossier vindt u bij Dossiers.',
      'The portfolio overview across all cases is for civil servants, policy owners and auditors; your own case is under Cases.',
    ),
  },
  // Documents where the process produces them (issue 13): the government's actual decision is
  // recorded by whoever proposed it for the case (the steward); the signed agreement by its
  // account manager or a signer the version names; reports and milestone evidence by the case's
  // editors, as the report and the evidence themselves.
  recordGovernmentDecision: {
    kind: 'change',
    who: { case_handler: 'steward' },
    refusal: only(
      'Alleen de accountmanager van dit dossier of de aangewezen vervanger legt de beslissing van de Vlaamse Regering vast.',
      "Only the case's account manager or their named stand-in records the Flemish Government's decision.",
    ),
  },
  attachAgreementDocument: {
    kind: 'change',
    who: { case_handler: 'account_manager', cluster_representative: 'named_signer', approver: 'named_signer' },
    refusal: only(
      'Alleen de accountmanager en de ondertekenaars die deze versie van de partnerschapsovereenkomst noemt, voegen er documenten aan toe.',
      'Only the account manager and the signers this version of the partnership agreement names attach documents to it.',
    ),
  },
  attachDialogueDocument: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  attachMilestoneDocument: { kind: 'change', who: CASE_EDITORS, refusal: EDITORS_ONLY },
  // The project portfolio (issue 14): the cluster keeps its projects, with its account manager;
  // whoever reads the case reads them (readCase).
  manageProjects: {
    kind: 'change',
    who: CASE_EDITORS,
    refusal: only(
      'Alleen de clustervertegenwoordigers van dit dossier en de accountmanager beheren de projectportefeuille.',
      "Only the case's cluster representatives and its account manager manage its project portfolio.",
    ),
  },
  // The European alignment across the portfolio (issue 14) names every cluster's links: for the
  // administration (civil servants, policy owners) and auditors, not for one cluster or a council.
  readEuropeanCoverage: {
    kind: 'read',
    who: { case_handler: 'any', approver: 'any', policy_owner: 'any', auditor: 'any' },
    refusal: only(
      'De Europese afstemming over alle dossiers is voor ambtenaren, beleidsverantwoordelijken en auditoren.',
      'The European alignment across all cases is for civil servants, policy owners and auditors.',
    ),
  },
};

export const RULES: Record<Action, Rule> = { ...CASE_COMMAND_RULES, ...OTHER_RULES };

/** What is known of the object when a rule is asked; a standing whose fact is missing does not hold. */
export interface ObjectFacts {
  case?: {
    id: string;
    accountManagerId?: string;
    standInId?: string | null;
    /** The assessors of the submitted roadmap version (none before it is submitted). */
    assessorIds?: readonly string[];
    /** The signers the agreement version being signed names (none when no version awaits signatures). */
    signerIds?: readonly string[];
  };
  /** The council an advice request (or its document) is addressed to. */
  councilCode?: string | null;
  /** Who asked for the approval being decided. */
  requestedBy?: string;
  /** The person on whose behalf, or on whom, the action is (a handover's "from", a deactivated user). */
  subjectUserId?: string;
}

export type Permission = { allowed: true; role: Role } | { allowed: false; refusal: Words };

/** A cluster representative bound to this case. */
export function representsCase(p: Principal, caseId: string): boolean {
  return p.roles.includes('cluster_representative') && p.caseIds.includes(caseId);
}

function holds(standing: Standing, p: Principal, f: ObjectFacts): boolean {
  const c = f.case;
  switch (standing) {
    case 'any':
      return true;
    case 'own_case':
      return Boolean(c) && representsCase(p, c!.id);
    case 'account_manager':
      return Boolean(c?.accountManagerId) && c!.accountManagerId === p.userId;
    case 'steward':
      return Boolean(c) && (c!.accountManagerId === p.userId || (c!.standInId ?? undefined) === p.userId) && !(c!.assessorIds ?? []).includes(p.userId);
    case 'assessor':
      return Boolean(c?.assessorIds?.includes(p.userId));
    case 'addressed_council':
      return Boolean(f.councilCode) && p.councilCode === f.councilCode;
    case 'not_requester':
      return Boolean(f.requestedBy) && f.requestedBy !== p.userId;
    case 'self':
      return f.subjectUserId === p.userId;
    case 'not_self':
      return Boolean(f.subjectUserId) && f.subjectUserId !== p.userId;
    case 'named_signer':
      return Boolean(c?.signerIds?.includes(p.userId));
  }
}

/** May this person do this to this object, and in which of their roles? */
export function permission(p: Principal, action: Action, facts: ObjectFacts = {}): Permission {
  const rule = RULES[action];
  for (const role of p.roles) {
    const standing = rule.who[role];
    if (standing && holds(standing, p, facts)) return { allowed: true, role };
  }
  return { allowed: false, refusal: rule.refusal };
}

/** Whether any of the person's roles could ever do this (before the object is known). */
export function mayEverDo(p: Pick<Principal, 'roles'>, action: Action): boolean {
  return p.roles.some((r) => RULES[action].who[r] !== undefined);
}

/** Whether the person's standing for this action holds for every object (e.g. reads every case). */
export function mayDoForAll(p: Pick<Principal, 'roles'>, action: Action): boolean {
  return p.roles.some((r) => RULES[action].who[r] === 'any');
}

/** The refusal as one line for an error message: Dutch first, then English. */
export function refusalText(w: Words): string {
  return `${w.nl} / ${w.en}`;
}

/** The role to act in, or a 403 saying who may do this instead. */
export function permitted(p: Principal, action: Action, facts: ObjectFacts = {}): Role {
  const answer = permission(p, action, facts);
  if (!answer.allowed) throw new DomainError('FORBIDDEN', refusalText(answer.refusal));
  return answer.role;
}
