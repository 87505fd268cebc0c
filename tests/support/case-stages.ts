import { addDays, brusselsDate } from '@cluster/domain';
import { minimalPdf } from './documents';
import { demoUser, roadmap } from './fixtures';
import { assessment, proposal } from './first-half';
import { eventually, httpCalls } from './http-calls';
import type { HttpStack } from './http-stack';

/** How far a case is driven, in process order. */
export const CASE_MILESTONES = [
  'drafting',
  'assessors_assigned',
  'assessed',
  'advice',
  /** Every council advised; the decision not yet proposed. */
  'advised',
  'decision',
  /** The decision approved; the trajectory not yet planned. */
  'decided',
  'test_trajectory',
  'partnership_agreement',
  'structured_dialogue',
] as const;
export type CaseMilestone = (typeof CASE_MILESTONES)[number];

export interface StagedCaseOptions {
  /** Unique per stack: the cluster's name and its representative's subject derive from it. */
  label: string;
  accountManager: string;
  assessors: [string, string];
  /** A third party whose representative the test never lets sign, so the agreement stays open for signing. */
  partnerRepresentative?: string;
  /** A gate question (code) the first assessor answers "no" (a proposal to approve then needs an override). */
  gateAnsweredNo?: string;
}

/** A case driven over HTTP, each step by the user whose step it is, with the ids of what it made. */
export interface StagedCase {
  id: string;
  label: string;
  accountManager: string;
  /** Subject of the cluster representative bound to this case (created by the admin). */
  representative: string;
  roadmapDocumentId: string;
  /** Council code → advice request id (from the advice stage on). */
  adviceRequests: Record<string, string>;
  /** A document the RI secretary attached to RI's request. */
  adviceDocumentId?: string;
  /** The decision proposal's approval (pending at 'decision'). */
  approvalId?: string;
  milestoneId?: string;
}

export const COUNCIL_SUBJECTS: Record<string, string> = { RI: 'council-ri', VRWI: 'council-vrwi', SERV: 'council-serv' };

/** The agreement every staged case drafts: government, the cluster organisation and optionally a partner. */
export function agreementContent(s: { approverId: string; representativeId: string; partnerId?: string; label: string }) {
  const party = (partyId: string, kind: string, name: string, representativeUserId: string) => ({ partyId, kind, name, representativeUserId, commitments: [] });
  return {
    parties: [
      party('vlaamse-overheid', 'government', 'Vlaamse Regering', s.approverId),
      party('cluster', 'cluster_organisation', `Clusterorganisatie ${s.label}`, s.representativeId),
      ...(s.partnerId ? [party('partner', 'strategic_partner', 'Strategische partner', s.partnerId)] : []),
    ],
    earmarks: [{ instrumentCode: 'IWT', amountCents: 100_000_000 }],
    termYears: 4,
    dialogueCadenceMonths: 6,
    text: `Partnerschapsovereenkomst voor de speerpuntcluster ${s.label}.`,
  };
}

/**
 * Opens a case and drives it over HTTP up to `until`: the state in which a test needs it. Any
 * refused step fails with the API's answer.
 */
export async function caseAt(s: HttpStack, until: CaseMilestone, o: StagedCaseOptions): Promise<StagedCase> {
  const { post, get, as } = httpCalls(() => s);
  const reached = (m: CaseMilestone) => CASE_MILESTONES.indexOf(until) >= CASE_MILESTONES.indexOf(m);
  const ok = async <T = Record<string, unknown>>(res: Promise<{ status: number; body: unknown }>, step: string): Promise<T> => {
    const r = await res;
    if (r.status >= 300) throw new Error(`case ${o.label}, ${step}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as T;
  };
  const upload = async (subject: string, path: string, name: string) =>
    s.http().post(`/api/${path}`).set(await as(subject)).attach('file', minimalPdf(`${name} ${o.label}`), { filename: `${name}.pdf`, contentType: 'application/pdf' });
  const am = o.accountManager;
  const stageIs = (stage: string) => eventually(() => get('auditor', `cases/${id}`), (r) => r.body.stage === stage);

  const { id } = await ok<{ id: string }>(
    post(am, 'cases', { clusterName: `Cluster ${o.label}`, domain: 'Circulaire chemie', leadActors: ['Catalisti vzw'], partners: ['VITO'], accountManagerId: await userId(s, am) }),
    'create',
  );
  const representative = `rep-${o.label}`;
  const rep = await ok<{ id: string }>(
    post('admin', 'users', { subject: representative, displayName: `Vertegenwoordiger ${o.label}`, email: `${representative}@example.be`, organisation: `Cluster ${o.label}`, roles: ['cluster_representative'], caseIds: [id], reason: 'Nieuwe gebruiker in de test' }),
    'representative',
  );
  await ok(post(representative, `cases/${id}/roadmap/drafts`, roadmap()), 'roadmap draft');
  const doc = await ok<{ id: string }>(upload(representative, `cases/${id}/roadmap/versions/1/documents`, 'roadmap'), 'roadmap document');
  const c: StagedCase = { id, label: o.label, accountManager: am, representative, roadmapDocumentId: doc.id, adviceRequests: {} };
  if (!reached('assessors_assigned')) return c;

  await ok(post(am, `cases/${id}/roadmap/submit`), 'roadmap submit');
  const assessorIds = await Promise.all(o.assessors.map((a) => userId(s, a)));
  await ok(post(am, `cases/${id}/assessors`, { assessorIds }), 'assessors');
  if (!reached('assessed')) return c;

  for (const [i, a] of o.assessors.entries()) {
    await ok(post(a, `cases/${id}/assessment/conflict-declaration`, { hasConflict: false }), `${a} conflict declaration`);
    const content = assessment(4);
    if (i === 0 && o.gateAnsweredNo) {
      content.gateAnswers = content.gateAnswers.map((g) => (g.code === o.gateAnsweredNo ? { ...g, answer: false, justification: 'Nee: de meerwaarde is niet aangetoond.' } : g));
    }
    await ok(post(a, `cases/${id}/assessments`, content), `${a} assessment`);
  }
  if (!reached('advice')) return c;

  await ok(post(am, `cases/${id}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Sterke roadmap.' }), 'conclusion');
  const open = await eventually(() => get('auditor', `advice-requests?caseId=${id}&status=open`), (r) => r.body.total === 3);
  for (const r of open.body.items as { id: string; councilCode: string }[]) c.adviceRequests[r.councilCode] = r.id;
  c.adviceDocumentId = (await ok<{ id: string }>(upload('council-ri', `advice-requests/${c.adviceRequests.RI}/documents`, 'advies-bijlage'), 'advice document')).id;
  if (!reached('advised')) return c;

  for (const [code, requestId] of Object.entries(c.adviceRequests)) {
    // Sent as soon as the read model shows the request: the case process waits for its own step
    // rather than refusing (tests/integration/settling-commands), so no retry is needed.
    await ok(post(COUNCIL_SUBJECTS[code]!, `advice-requests/${requestId}/advice`, { position: 'positive', text: `Gunstig advies van ${code}.` }), `${code} advice`);
  }
  await stageIs('decision');
  if (!reached('decision')) return c;

  c.approvalId = (await ok<{ approvalId: string }>(post(am, `cases/${id}/decision/proposals`, proposal()), 'decision proposal')).approvalId;
  if (!reached('decided')) return c;

  await ok(post('approver', `approvals/${c.approvalId}/decision`, { decision: 'approve', comment: 'Akkoord met het voorstel.' }), 'decision approval');
  await stageIs('test_trajectory');
  if (!reached('test_trajectory')) return c;

  const dueDate = brusselsDate(addDays(new Date(), 60));
  const [milestone] = await ok<{ milestoneId: string }[]>(
    post(am, `cases/${id}/trajectory`, { milestones: [{ action: 'Pilootlijn', instrumentCode: 'IWT', amountForeseenCents: 100, dueDate }], pilot: false }),
    'trajectory plan',
  );
  c.milestoneId = milestone!.milestoneId;
  if (!reached('partnership_agreement')) return c;

  await ok(post(am, `cases/${id}/trajectory/milestones/${c.milestoneId}/evidence`, { evidence: 'Pilootlijn draait, zie verslag.' }), 'milestone evidence');
  await ok(post(am, `cases/${id}/trajectory/evaluation`, { outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.' }), 'trajectory evaluation');
  const partnerId = o.partnerRepresentative ? await userId(s, o.partnerRepresentative) : undefined;
  const content = agreementContent({ approverId: demoUser('approver').id, representativeId: rep.id, partnerId, label: o.label });
  const { sha256 } = await ok<{ sha256: string }>(post(am, `cases/${id}/agreement/versions`, content), 'agreement draft');
  if (!reached('structured_dialogue')) return c;

  await ok(post('approver', `cases/${id}/agreement/signatures`, { sha256, partyId: 'vlaamse-overheid' }), 'government signature');
  await ok(post(representative, `cases/${id}/agreement/signatures`, { sha256, partyId: 'cluster' }), 'cluster signature');
  await eventually(() => get('auditor', `cases/${id}/dialogue`), (r) => r.body.cycles?.length === 1);
  return c;
}

/** The id of a signed-in user (demo or created), from their own profile. */
export async function userId(s: HttpStack, subject: string): Promise<string> {
  const { get } = httpCalls(() => s);
  const me = await get(subject, 'auth/me');
  if (me.status !== 200) throw new Error(`no user ${subject}: ${me.status}`);
  return me.body.id as string;
}
