import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection, type WorkflowExecutionInfo } from '@temporalio/client';
import { CASE_SEARCH_ATTRIBUTES, caseWorkflowId } from '@cluster/contracts';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { httpCalls } from '../support/http-calls';
import { caseAt, userId, type StagedCase } from '../support/case-stages';
import { callBody } from '../support/fixtures';

/**
 * Temporal-native operations (issue 15, item 5): every case workflow carries its stage, cluster
 * name, account manager and call as search attributes, so `temporal workflow list --query
 * 'CaseStage="advice"'` and the Web UI filter cases, and its cluster's name as memo. Cases in
 * different stages, driven over HTTP, are listed through the visibility store of the dev server
 * the API and worker use.
 */
describe('case workflows in Temporal visibility', () => {
  let s: HttpStack;
  let client: Client;
  let connection: Connection;
  let drafting: StagedCase;
  let assessing: StagedCase;
  let advice: StagedCase;
  let handedOver: StagedCase;
  const { post } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startHttpStack();
    connection = await Connection.connect({ address: s.config.TEMPORAL_ADDRESS });
    client = new Client({ connection, namespace: s.config.TEMPORAL_NAMESPACE });
    [drafting, assessing, advice, handedOver] = await Promise.all([
      caseAt(s, 'drafting', { label: 'zoek-ontwerp', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] }),
      caseAt(s, 'assessors_assigned', { label: 'zoek-beoordeling', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] }),
      caseAt(s, 'advice', { label: 'zoek-advies', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] }),
      caseAt(s, 'drafting', { label: 'zoek-overdracht', accountManager: 'handler2', assessors: ['assessor-a', 'assessor-b'] }),
    ]);
  }, 240_000);
  afterAll(async () => {
    await connection?.close();
    await s?.stop();
  });

  /** This file's case workflows that match `query` (the dev server is shared by the whole run). */
  const list = async (query: string): Promise<WorkflowExecutionInfo[]> => {
    const found: WorkflowExecutionInfo[] = [];
    for await (const w of client.workflow.list({ query: `TaskQueue="${s.config.TEMPORAL_TASK_QUEUE}" AND ${query}` })) found.push(w);
    return found;
  };
  /** Visibility is eventually consistent: polls (15 s at most) until the listed ids are `ids`. */
  const listed = async (query: string, ids: string[]): Promise<WorkflowExecutionInfo[]> => {
    const wanted = ids.map(caseWorkflowId).sort();
    let last: string[] = [];
    for (let i = 0; i < 75; i++) {
      const found = await list(query);
      last = found.map((w) => w.workflowId).sort();
      if (JSON.stringify(last) === JSON.stringify(wanted)) return found;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`${query}: listed ${JSON.stringify(last)}, expected ${JSON.stringify(wanted)}`);
  };

  it('registers the list of scripts/lib/temporal-search-attributes.json, the one the workflows use', async () => {
    const file = JSON.parse(readFileSync(join(__dirname, '..', '..', 'scripts', 'lib', 'temporal-search-attributes.json'), 'utf8')) as Record<string, string>;
    const listedTypes = Object.fromEntries(Object.entries(file).filter(([name]) => name !== '//'));
    expect(Object.keys(listedTypes).sort()).toEqual(CASE_SEARCH_ATTRIBUTES.map((k) => k.name).sort());
    for (const key of CASE_SEARCH_ATTRIBUTES) expect(listedTypes[key.name]).toBe('Keyword');
    const registered = await connection.operatorService.listSearchAttributes({ namespace: s.config.TEMPORAL_NAMESPACE });
    for (const name of Object.keys(listedTypes)) expect(Object.keys(registered.customAttributes ?? {})).toContain(name);
  });

  it('lists the cases by stage, as each moved: set at the start, upserted by the workflow', async () => {
    await listed('CaseStage="roadmap_drafting"', [drafting.id, handedOver.id]);
    await listed('CaseStage="quality_assessment"', [assessing.id]);
    const inAdvice = await listed('CaseStage="advice"', [advice.id]);
    // The memo names the cluster, for `temporal workflow describe` and the Web UI.
    expect(inAdvice[0]!.memo).toEqual({ clusterName: 'Cluster zoek-advies' });
    expect(inAdvice[0]!.typedSearchAttributes.get(CASE_SEARCH_ATTRIBUTES[1])).toBe('Cluster zoek-advies');
    await listed('ClusterName="Cluster zoek-beoordeling"', [assessing.id]);
    await listed(`AccountManager="${await userId(s, 'handler')}"`, [drafting.id, assessing.id, advice.id]);
  });

  it('follows a handover and a registration to a call, which only the database made', async () => {
    const [from, to] = await Promise.all([userId(s, 'handler2'), userId(s, 'handler')]);
    const handover = await post('admin', 'handovers', { fromUserId: from, toUserId: to, reason: 'Herverdeling van dossiers' });
    expect(handover.status).toBe(200);
    expect(handover.body.caseIds).toEqual([handedOver.id]);
    await listed(`AccountManager="${to}"`, [drafting.id, assessing.id, advice.id, handedOver.id]);
    await listed(`AccountManager="${from}"`, []);

    const call = await post('policy-owner', 'calls', callBody('Oproep zoekattributen'));
    expect(call.status).toBe(201);
    expect((await post(drafting.representative, `cases/${drafting.id}/call`, { callId: call.body.id })).status).toBe(200);
    await listed(`CallId="${call.body.id}"`, [drafting.id]);
  });
});
