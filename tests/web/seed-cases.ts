// Data for the screens to show, made over HTTP as the right users (as a user of the product would):
// one case waiting for the approver's decision, one waiting for the councils' advice, and the
// cluster representative of the first; a new version of the reference data that an administrator
// proposed and a second one is to approve; a call with candidates, and one ready for its selection.
import { Database } from '@cluster/persistence';
import { assessment, proposal } from '../support/first-half';
import type { HttpStack } from '../support/http-stack';
import { minimalPdf } from '../support/documents';
import { caseToAdvice } from '../support/http-calls';
import { callBody, demoUser, roadmap } from '../support/fixtures';

export interface SeededCases {
  /** At the decision stage with a proposal pending approval; `cluster-rep` represents it. */
  decisionCaseId: string;
  /** At the advice stage: each council has an open request (with a due date) for it. */
  adviceCaseId: string;
  /** RI's open request on it: the roadmap has an attachment, and RI has added a document. */
  adviceRequestRI: string;
  /** An open call for spearhead clusters with one candidate (a case registered while drafting). */
  callId: string;
  /**
   * A call whose registration has closed, ready for its selection: one candidate assessed
   * ("proceed", waiting in the stage selection, with a project) and one that never submitted.
   */
  selectionCallId: string;
}

export async function seedCases(s: HttpStack): Promise<SeededCases> {
  const call = async (subject: string, method: 'get' | 'post', path: string, body?: object) => {
    const res = await s.http()[method](`/api/${path}`).set({ authorization: `Bearer ${await s.tokenFor(subject)}` }).send(body);
    if (res.status >= 300) throw new Error(`${subject} ${method.toUpperCase()} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const eventually = async (what: string, ok: () => Promise<boolean>) => {
    for (let i = 0; i < 150; i++) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`seed: ${what} not reached in 15 s`);
  };

  const openAndSendToAdvice = (clusterName: string) => caseToAdvice(s, clusterName);

  const decisionCaseId = await openAndSendToAdvice('Duurzame chemie');
  await call('admin', 'post', 'users', {
    subject: 'cluster-rep',
    displayName: 'Ilse Vermeulen (Catalisti)',
    email: 'ilse.vermeulen@catalisti.example.be',
    organisation: 'Catalisti vzw',
    roles: ['cluster_representative'],
    caseIds: [decisionCaseId],
    reason: 'Vertegenwoordiger van de cluster',
  });
  const open = (await call('handler', 'get', 'advice-requests?status=open&limit=100')).items as { id: string; caseId: string; councilCode: string }[];
  for (const request of open.filter((r) => r.caseId === decisionCaseId)) {
    await call(`council-${request.councilCode.toLowerCase()}`, 'post', `advice-requests/${request.id}/advice`, { position: 'positive', text: `Gunstig advies van de ${request.councilCode}.` });
  }
  await eventually('the decision stage', async () => (await call('handler', 'get', `cases/${decisionCaseId}`)).stage === 'decision');
  await call('handler', 'post', `cases/${decisionCaseId}/decision/proposals`, proposal());

  const adviceCaseId = await caseToAdvice(s, 'Blauwe economie', { roadmapAttachment: { bytes: minimalPdf('Financieel plan Blauwe economie'), name: 'financieel-plan.pdf' } });
  const requests = (await call('handler', 'get', `advice-requests?caseId=${adviceCaseId}`)).items as { id: string; councilCode: string }[];
  const adviceRequestRI = requests.find((r) => r.councilCode === 'RI')!.id;
  const upload = await s.http().post(`/api/advice-requests/${adviceRequestRI}/documents`).set({ authorization: `Bearer ${await s.tokenFor('council-ri')}` })
    .attach('file', minimalPdf('Werknota van de RI'), { filename: 'werknota-ri.pdf', contentType: 'application/pdf' });
  if (upload.status !== 201) throw new Error(`seed: RI document ${upload.status} ${JSON.stringify(upload.body)}`);
  const latest = (await call('admin', 'get', 'policy-versions/latest')) as { content: object };
  await call('admin', 'post', 'policy-versions', { content: latest.content, reason: 'SERV: zomerreces 2027 toegevoegd' });
  // A call with a candidate, and a project in the decision case's portfolio (so those screens show rows).
  const { id: callId } = await call('policy-owner', 'post', 'calls', callBody('Oproep speerpuntclusters 2027', { envelopes: [{ instrumentCode: 'IWT', amountCents: 1_000_000_000 }, { instrumentCode: 'PMV', amountCents: 250_000_050 }] }));
  const candidate = await call('handler', 'post', 'cases', { clusterName: 'Slimme logistiek', domain: 'Logistiek', leadActors: ['VIL vzw'], partners: [], accountManagerId: demoUser('handler').id });
  await call('handler', 'post', `cases/${candidate.id}/call`, { callId });
  await call('handler', 'post', `cases/${decisionCaseId}/projects`, { title: 'Pilootlijn bio-aromaten', leadOrganisation: 'Catalisti vzw', serves: { kind: 'objective', index: 0 }, instrumentCode: 'IWT', requestedCents: 50_000_000 });
  // A call ready for its selection: registration closed (as its timer would), one candidate assessed.
  const { id: selectionCallId } = await call('policy-owner', 'post', 'calls', callBody('Oproep speerpuntclusters 2026', { maxSelected: 1, envelopes: [{ instrumentCode: 'IWT', amountCents: 400_000_000 }] }));
  const assessed = await call('handler', 'post', 'cases', { clusterName: 'Waterstofvallei', domain: 'Energie', leadActors: ['WaterstofNet vzw'], partners: ['VITO'], accountManagerId: demoUser('handler').id });
  await call('handler', 'post', `cases/${assessed.id}/call`, { callId: selectionCallId });
  await call('handler', 'post', `cases/${assessed.id}/roadmap/drafts`, roadmap());
  await call('handler', 'post', `cases/${assessed.id}/roadmap/submit`);
  await call('handler', 'post', `cases/${assessed.id}/projects`, { title: 'Waterstofpijplijn Antwerpen–Gent', leadOrganisation: 'WaterstofNet vzw', serves: { kind: 'milestone', index: 0 }, instrumentCode: 'IWT', requestedCents: 450_000_000 });
  await call('handler', 'post', `cases/${assessed.id}/assessors`, { assessorIds: [demoUser('assessor-a').id, demoUser('assessor-b').id] });
  for (const [assessor, score] of [['assessor-a', 4], ['assessor-b', 2]] as const) {
    await call(assessor, 'post', `cases/${assessed.id}/assessment/conflict-declaration`, { hasConflict: false });
    await call(assessor, 'post', `cases/${assessed.id}/assessments`, assessment(score));
  }
  await call('handler', 'post', `cases/${assessed.id}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Voldoet aan de criteria.' });
  const late = await call('handler', 'post', 'cases', { clusterName: 'Fotonica', domain: 'Fotonica', leadActors: ['imec'], partners: [], accountManagerId: demoUser('handler').id });
  await call('handler', 'post', `cases/${late.id}/call`, { callId: selectionCallId });
  await s.app.get(Database).transaction((repos) => repos.calls.update(selectionCallId, { status: 'registration_closed' }));
  return { decisionCaseId, adviceCaseId, adviceRequestRI, callId, selectionCallId };
}
