/**
 * Who may call which endpoint on which object: the intended permissions, written out so that they
 * can be read and argued with. Derived from /work/shared/DOMAIN.md ("Who uses it", "Rules that
 * matter") and the controllers' @Roles and object checks; where the two differ, DOMAIN.md wins and
 * the product is fixed. Every endpoint of the OpenAPI document must have a row: a new endpoint
 * fails the matrix until someone decides here who may use it.
 *
 * Columns (one user per role of the product; "own"/"other" below say which object is theirs):
 *   anon      no token
 *   handler   a case handler, account manager of every "own" case
 *   assessor  a case handler who assesses the "own" cases' roadmaps and manages none
 *   approver  the approver, also the government's signatory of every agreement
 *   council   the RI secretary
 *   rep       the cluster representative of the "own" case
 *   auditor, admin
 *
 * Objects, per kind ("own" / "other"):
 *   case            the actor's case (see above) / a case managed, assessed and represented by others
 *   advice-request  RI's request on an own case / VRWI's request on the other case
 *   document        RI's attachment to its request on an own case / the other case's roadmap attachment
 *   approval        the own case's pending decision, proposed by its account manager (one object)
 *   policy-proposal a proposed version of the reference data, proposed by a second administrator (admin2; one object)
 *   handover        the actor's own cases / another case handler's cases
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

export const ACTORS = ['anon', 'handler', 'assessor', 'approver', 'council', 'rep', 'auditor', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

export const SCENES = ['drafting', 'assessment', 'advice', 'decision', 'trajectory', 'agreement', 'dialogue'] as const;
export type Scene = (typeof SCENES)[number];

export type ObjectKind = 'none' | 'case' | 'advice-request' | 'document' | 'approval' | 'policy-proposal' | 'handover';
export type Relation = 'own' | 'other';
export type Verdict = 'A' | 'R' | 'H' | 'U';

export interface PermissionRule {
  /** "METHOD /api/path", as in the OpenAPI document. */
  endpoint: string;
  on: ObjectKind;
  scene: Scene;
  verdicts: Record<Actor, Partial<Record<Relation, Verdict>>>;
  why: string;
}

/**
 * The table: one row per endpoint; blank lines and lines starting with # are for the reader.
 * Columns are separated by two or more spaces; the header names the actors in ACTORS' order.
 */
const TABLE = `
endpoint                                                           object@scene           anon  handler  assessor  approver  council  rep  auditor  admin  why

# Open doors: the health check and how to sign in.
GET /api/health                                                    none                   A     A        A         A         A        A    A        A      load balancers poll it
GET /api/auth/config                                               none                   A     A        A         A         A        A    A        A      the sign-in page reads it before anyone is signed in
POST /api/auth/dev-login                                           none                   A     A        A         A         A        A    A        A      development sign-in; it changes nothing
GET /api/auth/dev-users                                            none                   A     A        A         A         A        A    A        A      development sign-in

# Everyone signed in: their own profile, inbox and notifications; the reference data.
GET /api/auth/me                                                   none                   U     A        A         A         A        A    A        A      one's own profile
GET /api/tasks                                                     none                   U     A        A         A         A        A    A        A      one's own inbox ("what waits on them")
GET /api/notifications                                             none                   U     A        A         A         A        A    A        A      one's own reminders
POST /api/notifications/read                                       none                   U     A        A         A         A        A    R        A      auditors change nothing, not even a read mark
GET /api/audit/signing-key                                         none                   U     A        A         A         A        A    A        A      anyone may check an exported bundle
GET /api/policy-versions                                           none                   U     A        A         A         A        A    A        A      criteria, councils and terms are public reference data
GET /api/policy-versions/latest                                    none                   U     A        A         A         A        A    A        A      reference data
GET /api/policy-versions/{version}                                 none                   U     A        A         A         A        A    A        A      reference data
POST /api/policy-versions                                          none                   U     R        R         R         R        R    R        A      administrators propose reference data; it is published only when another administrator approves
GET /api/policy-proposals                                          none                   U     R        R         R         R        R    A        A      proposals are the administrators' work; auditors trace them
GET /api/policy-proposals/{id}                                     policy-proposal        U     R        R         R         R        R    A        A      proposals are the administrators' work; auditors trace them
POST /api/policy-proposals/{id}/decision                           policy-proposal        U     R        R         R         R        R    R        A      four eyes: an administrator other than the proposer publishes or sends back
GET /api/users                                                     none                   U     A        A         R         R        R    A        A      case handlers pick colleagues (assessors, account managers, signatories); auditors trace who did what
POST /api/users                                                    none                   U     R        R         R         R        R    R        A      administrators manage users
POST /api/handovers                                                handover               U     A/R      A/R       R/R       R/R      R/R  R/R      A/A    a case handler hands over their own cases; only an administrator moves someone else's

# Cases: civil servants and auditors read every case; a representative only their own; a council reaches cases
# only through the requests addressed to it ("They see only their own case").
POST /api/cases                                                    none                   U     A        A         R         R        R    R        R      case handlers open cases
GET /api/cases                                                     none                   U     A        A         A         R        A    A        A      the list; a representative's holds only their own case
GET /api/cases/{id}                                                case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/as-of                                          case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/decisions                                      case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/roadmap/versions                               case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/trajectory                                     case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/agreement                                      case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/dialogue                                       case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/budget                                         case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/documents                                      case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case
GET /api/cases/{id}/audit                                          case                   U     A/A      A/A       A/A       R/R      A/R  A/A      A/A    reading a case: who did what, when
GET /api/cases/{id}/assessments                                    case                   U     A/A      A/A       A/A       R/R      R/R  A/A      A/A    the assessors' working view is for civil servants and auditors
GET /api/cases/{id}/audit/verify                                   case                   U     A/A      A/A       A/A       R/R      R/R  A/A      A/A    verifying the record: auditors and civil servants
GET /api/cases/{id}/audit/export                                   case                   U     A/A      A/A       R/R       R/R      R/R  A/A      A/A    evidence export: auditors, administrators and case handlers
GET /api/cases/{id}/audit/export.csv                               case                   U     A/A      A/A       R/R       R/R      R/R  A/A      A/A    evidence export
GET /api/audit                                                     none                   U     R        R         R         R        R    A        A      searching across all cases is for auditors (and administrators)

# Step 1: "cluster representatives and the account manager edit drafts".
POST /api/cases/{id}/roadmap/drafts                                case@drafting          U     A/R      R/R       R/R       R/R      A/R  R/R      R/R    the case's representative and account manager
POST /api/cases/{id}/roadmap/versions/{version}/documents          case@drafting          U     A/R      R/R       R/R       R/R      A/R  R/R      R/R    attachments are part of the draft
POST /api/cases/{id}/roadmap/submit                                case@drafting          U     A/R      R/R       R/R       R/R      A/R  R/R      R/R    the editors submit

# Step 2: civil servants assign assessors; only an assigned assessor declares and assesses; the handler who
# concludes is not one of the assessors.
POST /api/cases/{id}/assessors                                     case@assessment        U     A/A      A/A       R/R       R/R      R/R  R/R      R/R    case handlers organise the assessment
POST /api/cases/{id}/assessment/conflict-declaration               case@assessment        U     R/R      A/R       R/R       R/R      R/R  R/R      R/R    only an assessor of this version
POST /api/cases/{id}/assessments                                   case@assessment        U     R/R      A/R       R/R       R/R      R/R  R/R      R/R    only an assessor of this version
POST /api/cases/{id}/assessment/conclusion                         case@assessment        U     A/A      R/A       R/R       R/R      R/R  R/R      R/R    a case handler who did not assess this version

# Step 3: "A council ... see[s] only the requests addressed to their council and submit[s] advice".
GET /api/advice-requests                                           none                   U     A        A         A         A        R    A        A      a council sees its own requests; civil servants and auditors all
POST /api/advice-requests/{id}/advice                              advice-request@advice  U     R/R      R/R       R/R       A/R      R/R  R/R      R/R    only the addressed council advises
POST /api/advice-requests/{id}/documents                           advice-request@advice  U     R/R      R/R       R/R       A/R      R/R  R/R      R/R    only the addressed council attaches to its request
GET /api/advice-requests/{id}/documents                            advice-request@advice  U     A/A      A/A       A/A       A/R      A/R  A/A      A/A    the addressed council, and whoever reads the case
GET /api/documents/{id}                                            document@advice        U     A/A      A/A       A/A       A/R      A/R  A/A      A/A    the addressed council for its request's documents, and whoever reads the case

# Step 4: "a civil servant proposes ...; a second person approves (four eyes)".
POST /api/cases/{id}/decision/proposals                            case@decision          U     A/A      A/A       R/R       R/R      R/R  R/R      R/R    case handlers propose
GET /api/approvals                                                 none                   U     A        A         A         R        R    A        A      civil servants and auditors
POST /api/approvals/{id}/decision                                  approval@decision      U     R        R         A         R        R    R        R      approvers decide, never on their own request

# Step 5: the account manager plans and evaluates; evidence by the cluster or the account manager.
POST /api/cases/{id}/trajectory                                    case@trajectory        U     A/R      R/R       R/R       R/R      R/R  R/R      R/R    the account manager
POST /api/cases/{id}/trajectory/milestones/{milestoneId}/evidence  case@trajectory        U     A/R      R/R       R/R       R/R      A/R  R/R      R/R    the case's representative or account manager
POST /api/cases/{id}/trajectory/evaluation                         case@trajectory        U     A/R      R/R       R/R       R/R      R/R  R/R      R/R    the account manager

# Step 6: the account manager drafts; "every party signs" through its own representative.
POST /api/cases/{id}/agreement/versions                            case@agreement         U     A/R      R/R       R/R       R/R      R/R  R/R      R/R    the account manager
POST /api/cases/{id}/agreement/signatures                          case@agreement         U     R/R      R/R       A/A       R/R      A/R  R/R      R/R    each party's representative (the approver signs for the government)

# Step 7: "the cluster reports ..., the account manager records the outcome"; tranches are requested by the
# case's editors and approved by someone else. Closing ends the case (last).
POST /api/cases/{id}/dialogue/cycles/{cycle}/report                case@dialogue          U     A/R      R/R       R/R       R/R      A/R  R/R      R/R    the cluster (or its account manager) reports
POST /api/cases/{id}/dialogue/cycles/{cycle}/outcome               case@dialogue          U     A/R      R/R       R/R       R/R      R/R  R/R      R/R    the account manager
POST /api/cases/{id}/budget/releases                               case@dialogue          U     A/R      R/R       R/R       R/R      A/R  R/R      R/R    the case's editors request a tranche
POST /api/cases/{id}/closure                                       case@dialogue          U     A/R      R/R       R/R       R/R      R/R  R/R      R/R    the account manager closes the case
`;

function parse(table: string): PermissionRule[] {
  const lines = table.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines.map((l) => l.trim().split(/\s{2,}/));
  if (header!.slice(2, 2 + ACTORS.length).join() !== ACTORS.join()) throw new Error(`permissions table: the header must name ${ACTORS.join(', ')}`);
  return rows.map((cells) => {
    const [endpoint, target, ...rest] = cells as [string, string, ...string[]];
    const verdicts = rest.slice(0, ACTORS.length);
    const why = rest.slice(ACTORS.length).join(' ');
    const [on, scene = 'dialogue'] = target.split('@') as [ObjectKind, Scene?];
    if (verdicts.length !== ACTORS.length || !why) throw new Error(`permissions table, ${endpoint}: ${ACTORS.length} verdicts and a reason expected`);
    if (!SCENES.includes(scene)) throw new Error(`permissions table, ${endpoint}: unknown scene ${scene}`);
    const single = on === 'none' || on === 'approval' || on === 'policy-proposal';
    return {
      endpoint,
      on,
      scene,
      why,
      verdicts: Object.fromEntries(
        ACTORS.map((actor, i) => {
          const [own, other] = verdicts[i]!.split('/') as [Verdict, Verdict?];
          if (![own, other ?? own].every((v) => 'ARHU'.includes(v) && v.length === 1) || (single && other)) {
            throw new Error(`permissions table, ${endpoint}: bad verdict "${verdicts[i]}" for ${actor}`);
          }
          return [actor, single ? { own } : { own, other: other ?? own }];
        }),
      ) as PermissionRule['verdicts'],
    };
  });
}

export const PERMISSIONS: PermissionRule[] = parse(TABLE);
