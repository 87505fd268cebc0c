/**
 * Who may call which endpoint on which object, GENERATED from the product's one permissions table
 * (libs/domain/src/permissions.ts): each row here only says which action of that table an endpoint
 * performs and on which object; who may do it follows from the table, asked for each actor of the
 * matrix with that actor's standing towards the object (FACTS below). The matrix then proves that
 * the running API answers exactly that. Every endpoint of the OpenAPI document must have a row: a
 * new endpoint fails the matrix until someone names its action here (and the table has its rule).
 *
 * Columns (one user per role of the product; "own"/"other" below say which object is theirs):
 *   anon      no token
 *   handler   a case handler, account manager of every "own" case
 *   assessor  a case handler who assesses the "own" cases' roadmaps and manages none
 *   approver  the approver, also the government's signatory of every agreement
 *   council   the RI secretary
 *   rep       the cluster representative of the "own" case
 *   auditor, admin
 *   owner     the policy owner, who opens calls for spearhead clusters
 *
 * Objects, per kind ("own" / "other"):
 *   case            the actor's case (see above) / a case managed, assessed and represented by others
 *   advice-request  RI's request on an own case / VRWI's request on the other case
 *   document        RI's attachment to its request on an own case / the other case's roadmap attachment
 *   approval        the own case's pending decision, proposed by its account manager (one object)
 *   policy-proposal a proposed version of the reference data, proposed by a second administrator (admin2; one object)
 *   handover        the actor's own cases / another case handler's cases
 *   user            the actor's own account (anon: a new one) / a case handler created for the cell
 *   call            a call for spearhead clusters the policy owner opened (one object)
 *   ready-call      a call whose registration has closed, no selection proposed yet (one object)
 *   selection       a proposed selection of another closed call, proposed by the policy owner (one object)
 *   none            no object (one cell per actor)
 *
 * Verdicts: A allowed: it succeeds (a read answers 200 with the thing asked for; a command answers
 * 2xx and has its effect, permissions.effects.ts; a 400 or 409 fails the cell), R refused with 403,
 * H hidden with 404, U 401 without a token. "A/R" = own A, other R.
 *
 * Each case endpoint runs against a case in the stage where it makes sense (`@scene`), so that a
 * refusal that only the case process can give (not an assessor of this version, not a party to
 * this agreement) is reached and not cut short by a stage conflict. An allowed command that can
 * succeed only once on its object runs on a case of its own in the right state
 * (permissions.fixtures.ts), one per allowed actor.
 */

import { permission, RULES, type Action, type ObjectFacts, type Principal, type Role } from '@cluster/domain';

export const ACTORS = ['anon', 'handler', 'assessor', 'approver', 'council', 'rep', 'auditor', 'admin', 'owner'] as const;
export type Actor = (typeof ACTORS)[number];

export const SCENES = ['drafting', 'assessment', 'advice', 'decision', 'trajectory', 'agreement', 'dialogue'] as const;
export type Scene = (typeof SCENES)[number];

export type ObjectKind = 'none' | 'case' | 'advice-request' | 'document' | 'approval' | 'policy-proposal' | 'handover' | 'user' | 'call' | 'ready-call' | 'selection';
export type Relation = 'own' | 'other';
export type Verdict = 'A' | 'R' | 'H' | 'U';

export interface PermissionRule {
  /** "METHOD /api/path", as in the OpenAPI document. */
  endpoint: string;
  on: ObjectKind;
  scene: Scene;
  /** The action of the permissions table, or "public" for the open doors. */
  action: Action | 'public';
  verdicts: Record<Actor, Partial<Record<Relation, Verdict>>>;
  why: string;
}

/**
 * The actors as the permissions table sees them (symbolic ids; the world gives them real ones)
 * and the facts of each object kind, own and other, as permissions.world.ts builds them.
 */
const ROLES_OF: Record<Exclude<Actor, 'anon'>, { roles: Role[]; councilCode?: string; caseId?: string }> = {
  handler: { roles: ['case_handler'] },
  assessor: { roles: ['case_handler'] },
  approver: { roles: ['approver'] },
  council: { roles: ['council_member'], councilCode: 'RI' },
  rep: { roles: ['cluster_representative'], caseId: 'own-case' },
  auditor: { roles: ['auditor'] },
  admin: { roles: ['admin'] },
  owner: { roles: ['policy_owner'] },
};
const principalOf = (actor: Exclude<Actor, 'anon'>): Principal => ({
  userId: actor,
  subject: actor,
  displayName: actor,
  organisation: 'matrix',
  roles: ROLES_OF[actor].roles,
  councilCode: ROLES_OF[actor].councilCode ?? null,
  caseIds: ROLES_OF[actor].caseId ? [ROLES_OF[actor].caseId!] : [],
});
const CASES = {
  // Managed by handler, assessed by assessor (and assessor-b), represented by rep; the government
  // (approver), the cluster (rep) and a partner (assessor-b) sign its agreement.
  own: { id: 'own-case', accountManagerId: 'handler', standInId: null, assessorIds: ['assessor', 'assessor-b'], signerIds: ['approver', 'rep', 'assessor-b'] },
  other: { id: 'other-case', accountManagerId: 'handler2', standInId: null, assessorIds: ['assessor-b', 'assessor-c'], signerIds: ['approver', 'rep-other', 'assessor-b'] },
};
function factsOf(on: ObjectKind, relation: Relation, actor: string): ObjectFacts {
  const c = CASES[relation];
  switch (on) {
    case 'none':
    case 'call':
    case 'ready-call':
      return {};
    case 'selection':
      return { requestedBy: 'owner' };
    case 'case':
      return { case: c };
    case 'advice-request':
      return { case: c, councilCode: relation === 'own' ? 'RI' : 'VRWI' };
    case 'document':
      // Own: RI's attachment to its request on an own case; other: the other case's roadmap attachment.
      return { case: c, councilCode: relation === 'own' ? 'RI' : null };
    case 'approval':
      return { case: CASES.own, requestedBy: 'handler' };
    case 'policy-proposal':
      return { requestedBy: 'admin2' };
    case 'handover':
      return { subjectUserId: relation === 'own' ? actor : 'handler2' };
    case 'user':
      // Own: the actor's own account; other: a case handler made for the cell.
      return { subjectUserId: relation === 'own' ? actor : 'new-colleague' };
  }
}
function verdictOf(action: Action | 'public', actor: Actor, on: ObjectKind, relation: Relation): Verdict {
  if (action === 'public') return 'A';
  if (actor === 'anon') return 'U';
  return permission(principalOf(actor), action, factsOf(on, relation, actor)).allowed ? 'A' : 'R';
}

/**
 * The rows: an endpoint, its object (and the stage its case is in: `@scene`), and its action.
 * Blank lines and lines starting with # are for the reader.
 */
const TABLE = `
endpoint                                                              object@scene           action

# Open doors: the health check and how to sign in.
GET /api/health                                                       none                   public
GET /api/auth/config                                                  none                   public
POST /api/auth/dev-login                                              none                   public
GET /api/auth/dev-users                                               none                   public

# Everyone signed in: their own profile, inbox and notifications; the reference data.
GET /api/auth/me                                                      none                   readOwnWork
GET /api/tasks                                                        none                   readOwnWork
GET /api/notifications                                                none                   readOwnWork
POST /api/notifications/read                                          none                   markNotificationsRead
GET /api/audit/signing-key                                            none                   readOwnWork
GET /api/policy-versions                                              none                   readOwnWork
GET /api/policy-versions/latest                                       none                   readOwnWork
GET /api/policy-versions/{version}                                    none                   readOwnWork
POST /api/policy-versions                                             none                   proposePolicy
GET /api/users                                                        none                   listUsers
POST /api/users                                                       none                   manageUsers
GET /api/user-accounts                                                none                   readUserAccounts
PATCH /api/users/{id}                                                 user                   manageUsers
POST /api/users/{id}/deactivation                                     user                   deactivateUser
GET /api/users/{id}/open-work                                         user                   readUserAccounts
POST /api/handovers                                                   handover               handOver
GET /api/policy-proposals                                             none                   readPolicyProposals
GET /api/policy-proposals/{id}                                        policy-proposal        readPolicyProposals
POST /api/policy-proposals/{id}/decision                              policy-proposal        decidePolicyProposal

# Cases: civil servants and auditors read every case; a representative only their own; a council reaches cases
# only through the requests addressed to it ("They see only their own case").
POST /api/cases                                                    none                   createCase
GET /api/cases                                                     none                   listCases
GET /api/cases/{id}                                                case                   readCase
GET /api/cases/{id}/as-of                                          case                   readCase
GET /api/cases/{id}/decisions                                      case                   readCase
GET /api/cases/{id}/roadmap/versions                               case                   readCase
GET /api/cases/{id}/trajectory                                     case                   readCase
GET /api/cases/{id}/agreement                                      case                   readCase
GET /api/cases/{id}/dialogue                                       case                   readCase
GET /api/cases/{id}/budget                                         case                   readCase
GET /api/cases/{id}/documents                                      case                   readCase
GET /api/cases/{id}/government-decisions                           case                   readCase
GET /api/cases/{id}/permissions                                    case                   readCase
GET /api/cases/{id}/terminations                                   case                   readCase
GET /api/cases/{id}/parties/amendments                             case                   readCase
GET /api/cases/{id}/audit                                          case                   readCase
GET /api/cases/{id}/assessments                                    case                   readAssessments
GET /api/cases/{id}/audit/verify                                   case                   verifyAuditChain
GET /api/cases/{id}/audit/export                                   case                   exportEvidence
GET /api/cases/{id}/audit/export.csv                               case                   exportEvidence
GET /api/audit                                                     none                   searchAudit

# Who a case is about: its account manager amends the lead actors and partners, with a reason, in any stage
# before closure (the cluster's representative proposes changes to them, outside the app).
POST /api/cases/{id}/parties/amendments                               case@drafting          amendParties

# Step 1: "cluster representatives and the account manager edit drafts".
POST /api/cases/{id}/roadmap/drafts                                   case@drafting          saveRoadmapDraft
POST /api/cases/{id}/roadmap/versions/{version}/documents             case@drafting          attachRoadmapDocument
POST /api/cases/{id}/roadmap/submit                                   case@drafting          submitRoadmap

# Step 2: civil servants assign assessors; only an assigned assessor declares and assesses; the handler who
# concludes is not one of the assessors.
POST /api/cases/{id}/assessors                                        case@assessment        assignAssessors
POST /api/cases/{id}/assessment/conflict-declaration                  case@assessment        declareConflict
POST /api/cases/{id}/assessments                                      case@assessment        submitAssessment
POST /api/cases/{id}/assessment/conclusion                            case@assessment        concludeAssessment
POST /api/cases/{id}/stand-in                                         case@assessment        nameStandIn

# Step 3: "A council ... see[s] only the requests addressed to their council and submit[s] advice".
GET /api/advice-requests                                              none                   listAdviceRequests
POST /api/advice-requests/{id}/advice                                 advice-request@advice  submitAdvice
POST /api/advice-requests/{id}/documents                              advice-request@advice  attachAdviceDocument
GET /api/advice-requests/{id}                                         advice-request@advice  readAdviceRequest
GET /api/advice-requests/{id}/documents                               advice-request@advice  readAdviceRequest
GET /api/documents/{id}                                               document@advice        readAdviceRequest

# Step 4: "a civil servant proposes ...; a second person approves (four eyes)".
POST /api/cases/{id}/decision/proposals                               case@decision          proposeDecision
GET /api/approvals                                                    none                   listApprovals
POST /api/approvals/{id}/decision                                     approval@decision      decideApproval
# The Flemish Government's actual decision (number, date, signed PDF), recorded by whoever proposed it.
POST /api/cases/{id}/government-decisions                             case@trajectory        recordGovernmentDecision

# Step 5: the account manager plans and evaluates; evidence by the cluster or the account manager.
POST /api/cases/{id}/trajectory                                       case@trajectory        planTrajectory
POST /api/cases/{id}/trajectory/milestones/{milestoneId}/evidence     case@trajectory        recordMilestoneEvidence
POST /api/cases/{id}/trajectory/evaluation                            case@trajectory        concludeTrajectory
POST /api/cases/{id}/trajectory/milestones/{milestoneId}/documents    case@trajectory        attachMilestoneDocument

# Step 6: the account manager drafts; "every party signs" through its own representative.
POST /api/cases/{id}/agreement/versions                               case@agreement         draftAgreement
POST /api/cases/{id}/agreement/signatures                             case@agreement         signAgreement
POST /api/cases/{id}/agreement/versions/{version}/documents           case@agreement         attachAgreementDocument

# Step 7: "the cluster reports ..., the account manager records the outcome"; tranches are requested by the
# case's editors and approved by someone else. Closing ends the case (last).
POST /api/cases/{id}/dialogue/cycles/{cycle}/report                   case@dialogue          submitDialogueReport
POST /api/cases/{id}/dialogue/cycles/{cycle}/outcome                  case@dialogue          recordDialogueOutcome
POST /api/cases/{id}/dialogue/cycles/{cycle}/documents                case@dialogue          attachDialogueDocument
POST /api/cases/{id}/budget/releases                                  case@dialogue          requestRelease
POST /api/cases/{id}/closure                                          case@dialogue          closeCase

# The project portfolio (issue 14): kept by the case's cluster representatives and its account manager in any
# stage before closure; read by whoever reads the case.
GET /api/cases/{id}/projects                                          case                   readCase
GET /api/cases/{id}/projects/coverage                                 case                   readCase
POST /api/cases/{id}/projects                                         case@dialogue          manageProjects
PATCH /api/cases/{id}/projects/{projectId}                            case@dialogue          manageProjects

# Four eyes for what ends a case: a withdrawal, in any stage before closure, by the account manager or
# the cluster's own representative, is only a proposal; an approver other than the proposer decides.
POST /api/cases/{id}/withdrawal                                    case@drafting          withdrawCase

# Calls for spearhead clusters (issue 14): a policy owner opens them, everyone reads them, a case's
# editors register it while its roadmap is drafted.
POST /api/calls                                                       none                   openCall
GET /api/calls                                                        none                   listCalls
GET /api/calls/{id}                                                   call                   listCalls
POST /api/cases/{id}/call                                             case@drafting          registerForCall
# Selection across a call's candidates: the comparison is for the administration and auditors; a
# policy owner proposes, an approver other than the proposer decides (four eyes).
GET /api/calls/{id}/candidates                                        ready-call             readCandidates
GET /api/calls/{id}/selection                                         ready-call             readCandidates
POST /api/calls/{id}/selection                                        ready-call             proposeSelection
POST /api/call-selections/{id}/decision                               selection              decideSelection
# European alignment across the portfolio (issue 14): civil servants, policy owners and auditors.
GET /api/portfolio/european-coverage                                  none                   readEuropeanCoverage

# The portfolio overview across cases (issue 14): civil servants, policy owners and auditors.
GET /api/portfolio                                                    none                   readPortfolio
GET /api/portfolio/export                                             none                   readPortfolio

`;

function parse(table: string): PermissionRule[] {
  const lines = table.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [, ...rows] = lines.map((l) => l.trim().split(/\s{2,}/));
  return rows.map(([endpoint, target, action]) => {
    const [on, scene = 'dialogue'] = target!.split('@') as [ObjectKind, Scene?];
    if (!SCENES.includes(scene)) throw new Error(`permissions table, ${endpoint}: unknown scene ${scene}`);
    if (action !== 'public' && !(action! in RULES)) throw new Error(`permissions table, ${endpoint}: ${action} is no action of libs/domain/src/permissions.ts`);
    const single = on === 'none' || on === 'approval' || on === 'policy-proposal' || on === 'call' || on === 'ready-call' || on === 'selection';
    const act = action as Action | 'public';
    return {
      endpoint: endpoint!,
      on,
      scene,
      action: act,
      why: act === 'public' ? 'open to everyone' : `${act}: ${RULES[act].refusal.en}`,
      verdicts: Object.fromEntries(
        ACTORS.map((actor) => [actor, single ? { own: verdictOf(act, actor, on, 'own') } : { own: verdictOf(act, actor, on, 'own'), other: verdictOf(act, actor, on, 'other') }]),
      ) as PermissionRule['verdicts'],
    };
  });
}

export const PERMISSIONS: PermissionRule[] = parse(TABLE);
