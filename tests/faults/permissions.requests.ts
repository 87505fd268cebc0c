import { addDays, brusselsDate } from '@cluster/domain';
import { agreementContent, type StagedCase } from '../support/case-stages';
import { callBody, roadmap } from '../support/fixtures';
import { assessment, proposal } from '../support/first-half';
import type { Actor, PermissionRule, Relation } from './permissions.table';
import type { PermissionWorld } from './permissions.world';

/** What one cell sends: a body that validates wherever practical, so an allowed cell reaches the business rules. */
export interface CellRequest {
  path: string;
  body?: object;
  /** Send a small real PDF as the multipart field "file" instead of a JSON body. */
  upload?: boolean;
  /** Text fields sent beside the file (a form such as the government decision's). */
  fields?: Record<string, string>;
}

export interface CellContext {
  world: PermissionWorld;
  actor: Actor;
  /** The acting user's subject and id (null without a token). */
  subject: string | null;
  actorId: string | null;
  relation: Relation;
  /** The case the cell is about (case endpoints), or the case its object belongs to. */
  target: StagedCase;
  /** GET as the administrator (or `subject`): to look up what a body must name (the current agreement hash). */
  read(path: string, subject?: string): Promise<unknown>;
  /** Creates an active case handler nobody has met yet and returns their id. */
  newCaseHandler(): Promise<string>;
}

type BodyOf = (c: CellContext) => object | Promise<object>;
let serial = 0;
const unique = () => `${process.pid}-${++serial}`;

/** Ids of the acting user's unread notifications (none without a token). */
export async function unreadNotifications(c: Pick<CellContext, 'subject' | 'read'>): Promise<string[]> {
  if (!c.subject) return [];
  const page = (await c.read('/api/notifications?unread=true&limit=200', c.subject)) as { items: { id: string }[] } | undefined;
  return page?.items.map((n) => n.id) ?? [];
}

/** The current signing version's hash, or a well-formed one when there is none (the cell is refused before it matters). */
async function signingHash(c: CellContext): Promise<string> {
  const versions = (await c.read(`/api/cases/${c.target.id}/agreement`)) as { status: string; sha256: string }[] | undefined;
  return versions?.find?.((v) => v.status === 'signing')?.sha256 ?? '0'.repeat(64);
}

/** The agreement version that still takes documents (other cells draft new versions on the shared case). */
async function currentAgreementVersion(c: CellContext): Promise<string> {
  const versions = (await c.read(`/api/cases/${c.target.id}/agreement`)) as { status: string; version: number }[] | undefined;
  return String(versions?.filter?.((v) => v.status !== 'superseded').at(-1)?.version ?? 1);
}

const BODIES: Record<string, BodyOf> = {
  'POST /api/auth/dev-login': () => ({ subject: 'handler' }),
  // The actor's unread ones by id: what was marked can then be checked.
  'POST /api/notifications/read': async (c) => ({ ids: (await unreadNotifications(c)).slice(0, 500) }),
  'POST /api/policy-versions': async (c) => ({ content: ((await c.read('/api/policy-versions/latest')) as { content: object }).content, reason: 'Herpublicatie in de rechtentest' }),
  'POST /api/policy-proposals/{id}/decision': () => ({ decision: 'approve', comment: 'Nagekeken in de rechtentest.' }),
  'POST /api/users': () => ({ subject: `matrix-${unique()}`, displayName: 'Nieuwe collega', email: `matrix-${unique()}@example.be`, organisation: 'EWI', roles: ['case_handler'], reason: 'Nieuwe collega in de rechtentest' }),
  // On one's own account the admin role stays (dropping it is the lockout the users service
  // refuses); auditing adds nothing an administrator may not do already.
  'PATCH /api/users/{id}': (c) => ({ roles: c.relation === 'own' ? ['admin', 'auditor'] : ['case_handler', 'approver'], reason: 'Andere rollen in de rechtentest' }),
  'POST /api/users/{id}/deactivation': () => ({ reason: 'Vertrek in de rechtentest' }),
  'POST /api/handovers': (c) => ({
    fromUserId: c.relation === 'own' && c.actorId ? c.actorId : c.world.userIds.handler2,
    toUserId: c.world.userIds['stand-in'],
    reason: 'Langdurige afwezigheid',
  }),
  'POST /api/cases': (c) => ({ clusterName: `Matrixcluster ${unique()}`, domain: 'Logistiek', leadActors: ['VIL'], partners: [], accountManagerId: c.world.userIds.handler }),
  'POST /api/cases/{id}/roadmap/drafts': () => roadmap(),
  'POST /api/cases/{id}/roadmap/submit': () => ({}),
  // A new lead actor each time, so that every allowed cell changes something.
  'POST /api/cases/{id}/parties/amendments': () => ({ leadActors: ['Catalisti vzw', `Trekker ${unique()}`], partners: ['VITO'], reason: 'Nieuwe trekker in de rechtentest.' }),
  // Someone not yet assigned (nor the account manager, nor the actor): the assignment can succeed.
  'POST /api/cases/{id}/assessors': async (c) => ({ assessorIds: [await c.newCaseHandler()] }),
  'POST /api/cases/{id}/assessment/conflict-declaration': () => ({ hasConflict: false }),
  'POST /api/cases/{id}/assessments': () => assessment(4),
  'POST /api/cases/{id}/assessment/conclusion': () => ({ outcome: 'proceed', remarks: 'Sterke roadmap.' }),
  // A colleague nobody has named yet: every allowed cell changes who stands in.
  'POST /api/calls': () => callBody(`Oproep ${unique()}`),
  'POST /api/cases/{id}/call': (c) => ({ callId: c.world.callId }),
  // The ready call has no candidates: selecting none is the whole (valid) proposal.
  'POST /api/calls/{id}/selection': () => ({ selected: [], notSelected: [], reason: 'Geen kandidaten in de rechtentest.' }),
  'POST /api/call-selections/{id}/decision': () => ({ decision: 'approve', comment: 'Akkoord in de rechtentest.' }),
  'POST /api/cases/{id}/stand-in': async (c) => ({ standInId: await c.newCaseHandler(), reason: 'Afwezigheid van de accountmanager' }),
  'POST /api/advice-requests/{id}/advice': () => ({ position: 'positive', text: 'Gunstig advies in de rechtentest.' }),
  'POST /api/cases/{id}/decision/proposals': () => proposal(),
  'POST /api/approvals/{id}/decision': () => ({ decision: 'approve', comment: 'Akkoord.' }),
  'POST /api/cases/{id}/trajectory': () => ({
    milestones: [{ action: 'Tweede pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate: brusselsDate(addDays(new Date(), 90)) }],
    pilot: false,
  }),
  'POST /api/cases/{id}/trajectory/milestones/{milestoneId}/evidence': () => ({ evidence: 'Gehaald volgens plan, zie verslag.' }),
  'POST /api/cases/{id}/trajectory/evaluation': () => ({ outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.' }),
  'POST /api/cases/{id}/agreement/versions': (c) =>
    agreementContent({
      approverId: c.world.userIds.approver!,
      representativeId: c.world.userIds[c.target.representative]!,
      partnerId: c.world.userIds['assessor-b'],
      label: c.target.label,
    }),
  'POST /api/cases/{id}/agreement/signatures': async (c) => ({ sha256: await signingHash(c), partyId: c.actor === 'approver' ? 'vlaamse-overheid' : 'cluster' }),
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/report': () => ({ milestoneProgress: 'Pilootlijn draait op volle capaciteit.', portfolioProgress: 'Acht projecten lopen.' }),
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/outcome': () => ({ outcome: 'on_track', actions: [] }),
  'POST /api/cases/{id}/budget/releases': () => ({ instrumentCode: 'IWT', amountCents: 1000, justification: 'Eerste tranche na de dialoog.', basis: 'Dialoogcyclus 1' }),
  'POST /api/cases/{id}/projects': () => ({
    title: `Project ${unique()}`,
    leadOrganisation: 'Catalisti vzw',
    serves: { kind: 'milestone', index: 0 },
    instrumentCode: 'IWT',
    requestedCents: 1000,
  }),
  // A new title each time, so that every allowed cell changes the project.
  'PATCH /api/cases/{id}/projects/{projectId}': () => ({ title: `Project ${unique()}` }),
  'POST /api/cases/{id}/withdrawal': () => ({ reason: 'De cluster trekt de kandidatuur in (rechtentest).' }),
  'POST /api/cases/{id}/closure': () => ({ explanation: 'Einde van de proef in de rechtentest.', finalReport: 'Eindrapport van de rechtentest.' }),
};

const UPLOADS = new Set([
  'POST /api/cases/{id}/roadmap/versions/{version}/documents',
  'POST /api/advice-requests/{id}/documents',
  'POST /api/cases/{id}/agreement/versions/{version}/documents',
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/documents',
  'POST /api/cases/{id}/trajectory/milestones/{milestoneId}/documents',
]);
/** Uploads that are forms: their text fields (the government decision was taken today, by its number). */
const UPLOAD_FORMS: Record<string, () => Record<string, string>> = {
  'POST /api/cases/{id}/government-decisions': () => {
    const day = brusselsDate(new Date());
    return { number: `VR ${day.slice(0, 4)} ${day.slice(8, 10)}${day.slice(5, 7)} DOC.0123`, decidedOn: day };
  },
};
const QUERIES: Record<string, () => string> = {
  'GET /api/cases/{id}/as-of': () => `?at=${encodeURIComponent(new Date().toISOString())}`,
  'GET /api/portfolio/export': () => '?section=budget',
};

/** A project of the cell's case (the world adds one to each shared case), or a well-formed id when it has none. */
async function projectOfTarget(c: CellContext): Promise<string> {
  const page = (await c.read(`/api/cases/${c.target.id}/projects?limit=1`)) as { items: { id: string }[] } | undefined;
  return page?.items?.[0]?.id ?? '00000000-0000-4000-8000-00000000fffe';
}

/** The id an object-kind path parameter stands for in this cell. */
async function objectId(rule: PermissionRule, c: CellContext): Promise<string> {
  switch (rule.on) {
    case 'user':
      // Someone else is new for every cell, so that a deactivation can succeed once per allowed cell.
      return c.relation === 'own' && c.actorId ? c.actorId : c.newCaseHandler();
    case 'advice-request':
      return c.relation === 'own' ? c.target.adviceRequests.RI! : c.target.adviceRequests.VRWI!;
    case 'document':
      return c.relation === 'own' ? c.target.adviceDocumentId! : c.target.roadmapDocumentId;
    case 'approval':
      return c.target.approvalId!;
    case 'policy-proposal':
      return c.world.policyProposalId;
    case 'call':
      return c.world.callId;
    case 'ready-call':
      return c.world.readyCallId;
    case 'selection':
      return c.world.selectionId;
    default:
      return c.target.id;
  }
}

/** The request of one cell: the path filled in with the cell's objects, and its body. */
export async function cellRequest(rule: PermissionRule, c: CellContext): Promise<CellRequest> {
  const [method, template] = rule.endpoint.split(' ') as [string, string];
  const params: Record<string, string> = {
    id: await objectId(rule, c),
    version: rule.endpoint === 'POST /api/cases/{id}/agreement/versions/{version}/documents' ? await currentAgreementVersion(c) : '1',
    cycle: '1',
    milestoneId: c.target.milestoneId ?? '00000000-0000-4000-8000-00000000ffff',
    projectId: template.includes('{projectId}') ? await projectOfTarget(c) : '',
  };
  const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`${rule.endpoint}: no value for {${name}}: add one in permissions.requests.ts`);
    return encodeURIComponent(params[name]!);
  }) + (QUERIES[rule.endpoint]?.() ?? '');
  if (UPLOADS.has(rule.endpoint)) return { path, upload: true };
  const form = UPLOAD_FORMS[rule.endpoint];
  if (form) return { path, upload: true, fields: form() };
  const body = BODIES[rule.endpoint];
  if (method !== 'GET' && !body) throw new Error(`${rule.endpoint}: no body: add one in permissions.requests.ts`);
  return { path, ...(body ? { body: await body(c) } : {}) };
}
