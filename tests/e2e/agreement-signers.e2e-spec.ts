import { agreementContent, caseAt, userId, type StagedCase } from '../support/case-stages';
import { demoUser } from '../support/fixtures';
import { httpCalls } from '../support/http-calls';
import { startHttpStack, type HttpStack } from '../support/http-stack';

type Content = ReturnType<typeof agreementContent>;

/**
 * Who signs for whom is checked when the agreement is drafted (issue 13): every signer can read
 * the case, the government signs through an approver, each party has its own person, and the
 * account manager signs for neither the cluster nor a partner. A draft that breaks one is a 400
 * naming the party; nothing is drafted.
 */
describe('agreement signers over HTTP', () => {
  let s: HttpStack;
  let c: StagedCase;
  let base: Content;
  const { post, get } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startHttpStack();
    c = await caseAt(s, 'test_trajectory', { label: 'tekenaars', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
    expect((await post('handler', `cases/${c.id}/trajectory/milestones/${c.milestoneId}/evidence`, { evidence: 'Pilootlijn draait, zie verslag.' })).status).toBe(200);
    expect((await post('handler', `cases/${c.id}/trajectory/evaluation`, { outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.' })).status).toBe(200);
    base = agreementContent({ approverId: demoUser('approver').id, representativeId: await userId(s, c.representative), partnerId: demoUser('handler2').id, label: c.label });
  }, 120_000);
  afterAll(() => s?.stop());

  /** Drafts `content` and expects a 400 whose only field error is the signer of party `i`, its message matching `says`. */
  const refused = async (content: Content, i: number, says: RegExp) => {
    const res = await post('handler', `cases/${c.id}/agreement/versions`, content);
    expect(res.status).toBe(400);
    expect(res.body.fieldErrors).toEqual([{ field: `parties.${i}.representativeUserId`, messages: [expect.stringMatching(says)] }]);
  };
  const withSigner = (i: number, representativeUserId: string): Content => ({ ...base, parties: base.parties.map((p, j) => (j === i ? { ...p, representativeUserId } : p)) });

  it('refuses a signer who cannot read the case', async () => {
    await refused(withSigner(2, demoUser('council-ri').id), 2, /^Strategische partner: Dirk Willems \(RI\) kan dit dossier niet lezen.* \/ Strategische partner: .* cannot read this case/);
    // Another cluster's representative reads only their own case.
    const other = (await post('handler', 'cases', { clusterName: 'Andere cluster', domain: 'Logistiek', leadActors: ['VIL'], partners: [], accountManagerId: demoUser('handler').id })).body.id as string;
    const rep = await post('admin', 'users', { subject: 'rep-andere', displayName: 'Jan Andere', email: 'jan.andere@example.be', organisation: 'Andere cluster', roles: ['cluster_representative'], caseIds: [other], reason: 'Vertegenwoordiger van een andere cluster' });
    expect(rep.status).toBe(201);
    await refused(withSigner(1, rep.body.id), 1, /^Clusterorganisatie tekenaars: Jan Andere kan dit dossier niet lezen/);
  });

  it('refuses a government signer without the approver role', async () => {
    await refused(withSigner(0, demoUser('assessor-b').id), 0, /^Vlaamse Regering: de overheid tekent via iemand met de rol goedkeurder; Lies Mertens heeft die rol niet\. \/ .*approver role/);
  });

  it('refuses one person for two parties', async () => {
    await refused(withSigner(2, base.parties[1]!.representativeUserId), 2, /^Strategische partner: dezelfde persoon tekent al voor Clusterorganisatie tekenaars; elke partij heeft een eigen ondertekenaar\./);
  });

  it('refuses the account manager as the signer of the cluster or a partner', async () => {
    await refused(withSigner(1, demoUser('handler').id), 1, /^Clusterorganisatie tekenaars: de accountmanager tekent niet voor de cluster of een partner\. \/ .*account manager does not sign/);
    await refused(withSigner(2, demoUser('handler').id), 2, /^Strategische partner: de accountmanager tekent niet voor de cluster of een partner\./);
  });

  it('drafts the agreement when every party has its own signer who may sign, and nothing before', async () => {
    expect((await get('auditor', `cases/${c.id}/agreement`)).body).toEqual([]);
    const drafted = await post('handler', `cases/${c.id}/agreement/versions`, base);
    expect(drafted.status).toBe(201);
    expect(drafted.body.signers).toEqual(base.parties.map((p) => ({ partyId: p.partyId, userId: p.representativeUserId })));
  });
});
