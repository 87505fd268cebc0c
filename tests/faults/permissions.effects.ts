import type { StagedCase } from '../support/case-stages';
import type { RawResponse } from '../support/raw-http';
import type { CellRequest } from './permissions.requests';
import type { Actor, PermissionRule } from './permissions.table';
import type { PermissionWorld } from './permissions.world';

/**
 * What an allowed cell must have done besides answering 2xx. A read returns the thing asked for
 * (this case, this request's documents, my own profile). A command leaves its event in the audit
 * trail: written in the same transaction as the change, one event by this actor on this case
 * proves the change was made and committed; where the event says too little (a handover, a new
 * user, a proposal, a publication), the changed record is read back as well.
 */
export interface EffectContext {
  rule: PermissionRule;
  actor: Actor;
  subject: string | null;
  actorId: string | null;
  target: StagedCase;
  world: PermissionWorld;
  req: CellRequest;
  res: RawResponse;
  /** GET as the administrator (or `as`, a subject or a bearer token); undefined unless 200. */
  read(path: string, as?: { subject?: string; token?: string }): Promise<unknown>;
}

/** The audit event a command writes: action, and whether it is on the cell's case or on the new one / the system. */
interface AuditedAs {
  action: string;
  onTarget: boolean;
}

const onCase = (action: string): AuditedAs => ({ action, onTarget: true });
const elsewhere = (action: string): AuditedAs => ({ action, onTarget: false });

/** Every allowed command and the event it must add; dev-login and read marks change no record. */
const AUDITED: Record<string, AuditedAs | null> = {
  'POST /api/auth/dev-login': null,
  'POST /api/notifications/read': null,
  'POST /api/policy-versions': elsewhere('policy.version_proposed'),
  'POST /api/policy-proposals/{id}/decision': elsewhere('policy.version_published'),
  'POST /api/users': elsewhere('user.created'),
  'PATCH /api/users/{id}': elsewhere('user.updated'),
  'POST /api/users/{id}/deactivation': elsewhere('user.deactivated'),
  'POST /api/handovers': elsewhere('user.handover'),
  'POST /api/cases': elsewhere('case.created'),
  'POST /api/cases/{id}/roadmap/drafts': onCase('roadmap.draft_saved'),
  'POST /api/cases/{id}/roadmap/versions/{version}/documents': onCase('document.attached'),
  'POST /api/cases/{id}/roadmap/submit': onCase('roadmap.submitted'),
  'POST /api/cases/{id}/parties/amendments': onCase('case.parties_amended'),
  'POST /api/calls': elsewhere('call.opened'),
  'POST /api/cases/{id}/call': onCase('case.registered_to_call'),
  'POST /api/calls/{id}/selection': elsewhere('call.selection_proposed'),
  'POST /api/call-selections/{id}/decision': elsewhere('call.selection_approved'),
  'POST /api/cases/{id}/assessors': onCase('assessment.assessors_assigned'),
  'POST /api/cases/{id}/assessment/conflict-declaration': onCase('assessment.no_conflict_declared'),
  'POST /api/cases/{id}/assessments': onCase('assessment.submitted'),
  'POST /api/cases/{id}/assessment/conclusion': onCase('assessment.concluded_proceed'),
  'POST /api/cases/{id}/stand-in': onCase('case.stand_in_named'),
  'POST /api/advice-requests/{id}/advice': onCase('advice.given'),
  'POST /api/advice-requests/{id}/documents': onCase('document.attached'),
  'POST /api/cases/{id}/decision/proposals': onCase('decision.proposed'),
  'POST /api/approvals/{id}/decision': onCase('decision.approved'),
  'POST /api/cases/{id}/trajectory': onCase('trajectory.planned'),
  'POST /api/cases/{id}/trajectory/milestones/{milestoneId}/evidence': onCase('trajectory.milestone_met'),
  'POST /api/cases/{id}/trajectory/evaluation': onCase('trajectory.evaluated_proceed'),
  'POST /api/cases/{id}/agreement/versions': onCase('agreement.version_drafted'),
  'POST /api/cases/{id}/agreement/signatures': onCase('agreement.signed'),
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/report': onCase('dialogue.report_submitted'),
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/outcome': onCase('dialogue.outcome_recorded'),
  'POST /api/cases/{id}/budget/releases': onCase('budget.release_requested'),
  // Before the term is over, closing is an early end: proposed, closed once a second person approves.
  'POST /api/cases/{id}/closure': onCase('agreement.early_end_proposed'),
  'POST /api/cases/{id}/withdrawal': onCase('case.withdrawal_proposed'),
  'POST /api/cases/{id}/government-decisions': onCase('government_decision.recorded'),
  'POST /api/cases/{id}/trajectory/milestones/{milestoneId}/documents': onCase('document.attached'),
  'POST /api/cases/{id}/agreement/versions/{version}/documents': onCase('document.attached'),
  'POST /api/cases/{id}/dialogue/cycles/{cycle}/documents': onCase('document.attached'),
  'POST /api/cases/{id}/projects': onCase('project.created'),
  'PATCH /api/cases/{id}/projects/{projectId}': onCase('project.updated'),
};

/** The audit search that counts a command's event; null when the command writes none. */
export function auditQuery(c: Pick<EffectContext, 'rule' | 'actorId' | 'target'>): string | null {
  const audited = AUDITED[c.rule.endpoint];
  if (audited === undefined) throw new Error(`${c.rule.endpoint}: allowed, but permissions.effects.ts does not say which audit event it writes`);
  if (!audited) return null;
  const query = new URLSearchParams({ action: audited.action, actorId: c.actorId ?? 'none', limit: '1' });
  if (audited.onTarget) query.set('caseId', c.target.id);
  return `/api/audit?${query}`;
}

type Check = (c: EffectContext, body: Record<string, unknown>) => Promise<string | null>;

/** Read-backs for commands whose audit event alone does not show the result. */
const COMMAND_CHECKS: Record<string, Check> = {
  'POST /api/auth/dev-login': async (c, body) => {
    const me = (await c.read('/api/auth/me', { token: String(body.accessToken) })) as { subject?: string } | undefined;
    return me?.subject === 'handler' ? null : `the token does not sign in as handler: ${JSON.stringify(me)}`;
  },
  'POST /api/notifications/read': async (c, body) => {
    const ids = (c.req.body as { ids: string[] }).ids;
    if (!ids.length) return 'there was nothing to mark (the world gives every actor an unread reminder)';
    if (body.marked !== ids.length) return `marked ${String(body.marked)} of the ${ids.length} unread`;
    const unread = (await c.read('/api/notifications?unread=true&limit=200', { subject: c.subject! })) as { items: { id: string }[] };
    const still = unread.items.filter((n) => ids.includes(n.id));
    return still.length ? `${still.length} still unread` : null;
  },
  'POST /api/policy-versions': async (c, body) => {
    const proposal = (await c.read(`/api/policy-proposals/${String(body.proposalId)}`)) as { status?: string } | undefined;
    return proposal?.status === 'proposed' ? null : `proposal ${String(body.proposalId)} reads back as ${proposal?.status}`;
  },
  'POST /api/policy-proposals/{id}/decision': async (c, body) => {
    const latest = (await c.read('/api/policy-versions/latest')) as { version?: number } | undefined;
    return latest?.version === body.version && body.version !== null ? null : `latest is ${latest?.version}, published ${String(body.version)}`;
  },
  'POST /api/users': async (c) => {
    const users = (await c.read('/api/users')) as { subject: string }[];
    const subject = (c.req.body as { subject: string }).subject;
    return users.some((u) => u.subject === subject) ? null : `${subject} is not among the users`;
  },
  'PATCH /api/users/{id}': async (c) => {
    const id = c.req.path.split('/')[3];
    const users = (await c.read('/api/users')) as { id: string; roles: string[] }[];
    const roles = users.find((u) => u.id === id)?.roles;
    const asked = (c.req.body as { roles: string[] }).roles.join();
    return roles?.join() === asked ? null : `${id} has the roles ${roles?.join()}, not ${asked}`;
  },
  'POST /api/users/{id}/deactivation': async (c) => {
    const id = c.req.path.split('/')[3];
    const users = (await c.read('/api/users')) as { id: string; active: boolean }[];
    return users.find((u) => u.id === id)?.active === false ? null : `${id} is still active`;
  },
  'POST /api/cases': async (c, body) => {
    const created = (await c.read(`/api/cases/${String(body.id)}`)) as { clusterName?: string } | undefined;
    const asked = (c.req.body as { clusterName: string }).clusterName;
    return created?.clusterName === asked ? null : `case ${String(body.id)} does not read back as ${asked}`;
  },
  'POST /api/cases/{id}/parties/amendments': async (c) => {
    const asked = (c.req.body as { leadActors: string[] }).leadActors;
    const now = (await c.read(`/api/cases/${c.target.id}`)) as { leadActors?: string[] } | undefined;
    return JSON.stringify(now?.leadActors) === JSON.stringify(asked) ? null : `the case's lead actors read ${JSON.stringify(now?.leadActors)}, not ${JSON.stringify(asked)}`;
  },
  'PATCH /api/cases/{id}/projects/{projectId}': async (c, body) => {
    const asked = (c.req.body as { title: string }).title;
    const page = (await c.read(`/api/cases/${c.target.id}/projects?limit=200`)) as { items: { id: string; title: string }[] } | undefined;
    const now = page?.items.find((p) => p.id === body.id);
    return now?.title === asked ? null : `project ${String(body.id)} reads back as ${JSON.stringify(now?.title)}, not ${asked}`;
  },
  'POST /api/handovers': async (c, body) => {
    const { fromUserId, toUserId } = c.req.body as { fromUserId: string; toUserId: string };
    const moved = body.caseIds as string[];
    // The case handlers of the world manage cases; the others (the assessor, the administrator) none.
    const manages = [c.world.userIds.handler, c.world.userIds.handler2].includes(fromUserId);
    if (manages !== moved.length > 0) return `moved ${moved.length} cases of ${fromUserId}`;
    // Closed cases keep the account manager they ended with; every open one moves.
    const left = (await c.read(`/api/cases?accountManagerId=${fromUserId}&limit=200`)) as { items: { id: string; stage: string }[]; total: number };
    const open = left.items.filter((x) => x.stage !== 'closed');
    if (open.length || left.total > left.items.length) return `${open.length} open cases still managed by ${fromUserId}, e.g. ${open[0]?.id}`;
    for (const id of moved) {
      const now = (await c.read(`/api/cases/${id}`)) as { accountManagerId?: string } | undefined;
      if (now?.accountManagerId !== toUserId) return `case ${id} is managed by ${now?.accountManagerId}`;
    }
    return null;
  },
};

/** What the body of a JSON answer says about its case: every caseId in it, and the case's own id. */
function caseIdsIn(endpoint: string, body: unknown): unknown[] {
  const items = Array.isArray(body) ? body : Array.isArray((body as { items?: unknown }).items) ? (body as { items: unknown[] }).items : [body];
  const ids = items.flatMap((i) => (i && typeof i === 'object' && 'caseId' in i ? [(i as { caseId: unknown }).caseId] : []));
  return endpoint === 'GET /api/cases/{id}' ? [...ids, (body as { id?: unknown }).id] : ids;
}

/** What an answered read must contain; null when it does. */
function readProblem(c: EffectContext): string | null {
  const { rule, res, target } = c;
  const type = String(res.headers['content-type'] ?? '');
  if (rule.endpoint === 'GET /api/documents/{id}') return type.startsWith('application/pdf') && res.text.startsWith('%PDF') ? null : `not the PDF: ${type}`;
  if (rule.endpoint === 'GET /api/portfolio/export') return type.startsWith('text/csv') && /^\uFEFFInstrument;/.test(res.text) ? null : `not the portfolio CSV: ${type}`;
  if (rule.endpoint === 'GET /api/cases/{id}/audit/export.csv') return type.startsWith('text/csv') && /^\uFEFF?seq,/.test(res.text) ? null : `not the CSV: ${type}`;
  const lines = type.startsWith('application/x-ndjson') ? res.text.trim().split('\n') : null;
  let body: unknown;
  try {
    body = lines ? JSON.parse(lines[0]!) : JSON.parse(res.text);
  } catch {
    return `not ${lines ? 'JSON lines' : 'JSON'}: ${type}`;
  }
  if (rule.on === 'case') {
    const ids = caseIdsIn(rule.endpoint, body);
    const foreign = ids.filter((id) => id !== target.id);
    if (foreign.length) return `answers about another case (${String(foreign[0])}) than ${target.id}`;
    if (rule.endpoint === 'GET /api/cases/{id}/audit' && ids.length === 0) return 'an empty timeline';
  }
  if (rule.endpoint === 'GET /api/advice-requests/{id}') {
    const requestId = c.req.path.split('/')[3];
    const read = body as { id?: string; subject?: { case?: { id?: string }; roadmapVersion?: { sha256?: string } } };
    if (read.id !== requestId) return `another request: ${read.id}`;
    if (read.subject?.case?.id !== target.id || !read.subject.roadmapVersion?.sha256) return `not about this case's roadmap: ${JSON.stringify(read.subject)?.slice(0, 200)}`;
    return null;
  }
  if (rule.on === 'advice-request') {
    const requestId = c.req.path.split('/')[3];
    const foreign = (body as { ownerId: string }[]).filter((d) => d.ownerId !== requestId);
    if (foreign.length) return `lists documents of ${foreign[0]!.ownerId}`;
  }
  if (rule.on === 'user' && (body as { userId?: string }).userId !== c.req.path.split('/')[3]) return `the open work of someone else: ${(body as { userId?: string }).userId}`;
  if (rule.endpoint === 'GET /api/auth/me' && (body as { id?: string }).id !== c.actorId) return `someone else's profile: ${(body as { id?: string }).id}`;
  return null;
}

/** Checks what an allowed cell's 2xx answer must come with; null when it does. */
export async function effectProblem(c: EffectContext, method: string): Promise<string | null> {
  if (method === 'GET') return readProblem(c);
  const check = COMMAND_CHECKS[c.rule.endpoint];
  if (!check) return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(c.res.text) as Record<string, unknown>;
  } catch {
    return `no JSON answer: ${c.res.text.slice(0, 100)}`;
  }
  return check(c, body);
}
