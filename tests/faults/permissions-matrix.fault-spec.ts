import { minimalPdf } from '../support/documents';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { multipartBody } from '../support/multipart';
import { liveOperations, type ApiOperation } from '../support/openapi-operations';
import { inBatches, rawHttpTo, type RawHttp, type RawResponse } from '../support/raw-http';
import type { StagedCase } from '../support/case-stages';
import { auditQuery, effectProblem } from './permissions.effects';
import { fixtureOf } from './permissions.fixtures';
import { cellRequest, type CellRequest } from './permissions.requests';
import { ACTORS, PERMISSIONS, type Actor, type PermissionRule, type Relation, type Verdict } from './permissions.table';
import { allCases, buildPermissionWorld, subjectFor, targetFor, type PermissionWorld } from './permissions.world';

interface Cell {
  rule: PermissionRule;
  actor: Actor;
  relation: Relation;
  verdict: Verdict;
}

const CONCURRENCY = 4;

/** Whether an answer is what the verdict promises. */
function holds(verdict: Verdict, method: string, res: RawResponse): boolean {
  switch (verdict) {
    case 'U':
      return res.status === 401;
    case 'R':
      return res.status === 403 && errorCode(res) === 'FORBIDDEN';
    case 'H':
      return res.status === 404;
    case 'A':
      // Each allowed request is built so that it can succeed (permissions.fixtures.ts): a refusal
      // for a business reason is as wrong here as one for who you are. Its effect is checked apart.
      return method === 'GET' ? res.status === 200 : res.status >= 200 && res.status < 300;
  }
}

function errorCode(res: RawResponse): string | undefined {
  try {
    return (JSON.parse(res.text) as { error?: string }).error;
  } catch {
    return undefined;
  }
}

const describeAnswer = (res: RawResponse) => `${res.status} ${res.text.slice(0, 160)}`;

/**
 * The permission matrix: every endpoint of the API × every role × the user's own object and
 * someone else's, over HTTP against cases driven to the stage each endpoint belongs to, compared
 * cell by cell with the table in permissions.table.ts.
 */
describe('permissions: role × endpoint × object', () => {
  let s: HttpStack;
  let raw: RawHttp;
  let operations: ApiOperation[];
  let world: PermissionWorld;

  beforeAll(async () => {
    const started = Date.now();
    s = await startHttpStack();
    raw = await rawHttpTo(s);
    operations = (await liveOperations(s)).operations;
    world = await buildPermissionWorld(s);
    console.log(`permission matrix: ${allCases(world).length} shared and ${Object.keys(world.fresh).length} fresh cases driven to their stages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
  afterAll(async () => {
    raw?.close();
    await s?.stop();
  });

  const read = async (path: string, as: { subject?: string; token?: string } = {}) => {
    const token = as.token ?? (await s.tokenFor(as.subject ?? 'admin'));
    const res = await raw.send({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
    return res.status === 200 ? JSON.parse(res.text) : undefined;
  };
  const readAs = (path: string, subject?: string) => read(path, { subject });
  const auditTotal = async (query: string) => ((await readAs(query, 'auditor')) as { total: number }).total;
  let colleagues = 0;
  const newCaseHandler = async () => {
    const subject = `matrix-collega-${++colleagues}`;
    const res = await send('admin', 'POST', { path: '/api/users', body: { subject, displayName: `Collega ${colleagues}`, email: `${subject}@example.be`, organisation: 'EWI', roles: ['case_handler'], reason: 'Nieuwe gebruiker in de test' } });
    if (res.status !== 201) throw new Error(`new case handler: ${describeAnswer(res)}`);
    return (JSON.parse(res.text) as { id: string }).id;
  };

  const send = async (subject: string | null, method: string, req: CellRequest): Promise<RawResponse> => {
    const headers: Record<string, string> = subject ? { authorization: `Bearer ${await s.tokenFor(subject)}` } : {};
    let body: Buffer | string | undefined;
    if (req.upload) {
      const fields = Object.entries(req.fields ?? {}).map(([name, data]) => ({ name, data }));
      const form = multipartBody([...fields, { name: 'file', filename: 'bijlage.pdf', contentType: 'application/pdf', data: minimalPdf(`Bijlage ${Math.random()}`) }]);
      headers['content-type'] = form.contentType;
      body = form.body;
    } else if (req.body) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    return raw.send({ method, path: req.path, headers, body });
  };
  const must = async (subject: string, path: string, body: object, step: string) => {
    const res = await send(subject, 'POST', { path, body });
    if (res.status >= 300) throw new Error(`${step}: ${describeAnswer(res)}`);
  };

  /** The step a cell's fixture needs first (permissions.fixtures.ts), by whoever's step it is. */
  const prepare = async (cell: Cell, subject: string | null, target: StagedCase) => {
    switch (fixtureOf(cell.rule).prepare) {
      case 'declare-no-conflict':
        return must(subject!, `/api/cases/${target.id}/assessment/conflict-declaration`, { hasConflict: false }, 'declaration before the assessment');
      case 'report-cycle':
        return must(target.representative, `/api/cases/${target.id}/dialogue/cycles/1/report`, { milestoneProgress: 'Op schema.', portfolioProgress: 'Zes projecten lopen.' }, 'report before the outcome');
      case undefined:
        return;
    }
  };

  /**
   * Sends one cell as its actor against `target` (by default the case the cell's fixture or
   * relation names). An allowed command is prepared first and its audit events counted around it.
   */
  const run = async (cell: Cell, target?: StagedCase) => {
    const { rule, actor, relation } = cell;
    const on = target ?? targetFor(world, rule, actor, relation);
    const subject = subjectFor(world, actor, rule.scene, relation, on);
    const actorId = subject ? (world.userIds[subject] ?? null) : null;
    const method = rule.endpoint.split(' ')[0]!;
    const allowedCommand = cell.verdict === 'A' && method !== 'GET';
    if (allowedCommand) await prepare(cell, subject, on);
    const req = await cellRequest(rule, { world, actor, subject, actorId, relation, target: on, read: readAs, newCaseHandler });
    const audit = allowedCommand ? auditQuery({ rule, actorId, target: on }) : null;
    const before = audit ? await auditTotal(audit) : 0;
    const res = await send(subject, method, req);
    let effect: string | null = null;
    if (cell.verdict === 'A' && res.status < 300) {
      effect = await effectProblem({ rule, actor, subject, actorId, target: on, world, req, res, read }, method);
      const added = audit ? (await auditTotal(audit)) - before : 1;
      if (!effect && added !== 1) effect = `${added} audit events (${audit}) where one was expected`;
    }
    return { res, method, effect };
  };

  it('has a row for every endpoint of the OpenAPI document, and none for an endpoint that is gone', () => {
    const live = operations.map((o) => o.key).sort();
    const table = PERMISSIONS.map((r) => r.endpoint).sort();
    expect({ unclassified: live.filter((k) => !table.includes(k)), stale: table.filter((k) => !live.includes(k)) }).toEqual({ unclassified: [], stale: [] });
    expect(new Set(table).size).toBe(table.length);
  });

  it('refuses a case to whoever may not read it with the same 403 in every stage, telling nothing about it', async () => {
    // Council members and other clusters' representatives, against every case of the world.
    const cells = PERMISSIONS.filter((r) => r.on === 'case').flatMap((rule) =>
      (['rep', 'council'] as const).filter((actor) => rule.verdicts[actor].other === 'R').map((actor): Cell => ({ rule, actor, relation: 'other', verdict: 'R' })),
    );
    const probes = cells.flatMap((cell) => {
      const own = cell.actor === 'rep' ? world.own[cell.rule.scene] : null;
      return allCases(world).filter((c) => c !== own).map((target) => ({ cell, target }));
    });
    const wrong: string[] = [];
    await inBatches(probes, CONCURRENCY, async ({ cell, target }) => {
      const { res } = await run(cell, target);
      if (!holds('R', 'POST', res)) wrong.push(`${cell.rule.endpoint} as ${cell.actor} on case ${target.label}: ${describeAnswer(res)}`);
    });
    console.log(`hidden cases: ${probes.length} requests by council members and other clusters' representatives`);
    expect(wrong).toEqual([]);
  }, 120_000);

  it('answers every cell as the table says', async () => {
    const started = Date.now();
    const cells: Cell[] = PERMISSIONS.flatMap((rule) =>
      ACTORS.flatMap((actor) => (Object.entries(rule.verdicts[actor]) as [Relation, Verdict][]).map(([relation, verdict]) => ({ rule, actor, relation, verdict }))),
    );
    const wrong: string[] = [];
    let applied = 0;
    let markedRead = 0;
    const check = async (cell: Cell) => {
      const { res, method, effect } = await run(cell);
      const where = `${cell.rule.endpoint} as ${cell.actor} on ${cell.relation}`;
      if (!holds(cell.verdict, method, res)) wrong.push(`${where}: expected ${cell.verdict}, got ${describeAnswer(res)}`);
      else if (effect) wrong.push(`${where}: answered ${res.status} but ${effect}`);
      else if (cell.verdict === 'A' && method !== 'GET') applied++;
      if (cell.verdict === 'A' && cell.rule.endpoint === 'POST /api/notifications/read' && res.status < 300) markedRead += (JSON.parse(res.text) as { marked: number }).marked;
    };
    // Refusals change nothing (when they are right), so they go first and side by side. Allowed
    // cells then run one at a time, so that each one's audit events can be counted; the shared
    // cases only see commands that can succeed again, and a handover, which moves every case its
    // user manages, comes last.
    await inBatches(cells.filter((c) => c.verdict !== 'A'), CONCURRENCY, check);
    const allowed = cells.filter((c) => c.verdict === 'A');
    for (const cell of allowed.filter((c) => !fixtureOf(c.rule).last)) await check(cell);
    for (const cell of allowed.filter((c) => fixtureOf(c.rule).last)) await check(cell);

    const count = (v: Verdict) => cells.filter((c) => c.verdict === v).length;
    console.log(
      [
        `permission matrix: ${PERMISSIONS.length} endpoints × ${ACTORS.length} actors × own/other objects = ${cells.length} cells`,
        `  allowed ${count('A')}, refused ${count('R')}, hidden ${count('H')}, unauthenticated ${count('U')}`,
        `  allowed commands: ${applied} of ${allowed.filter((c) => c.rule.endpoint.split(' ')[0] !== 'GET').length} applied with their effect; ${Object.keys(world.fresh).length} of them on a case of their own; ${markedRead} notifications marked read`,
        `  ${cells.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s; ${wrong.length} cells differ from the table`,
      ].join('\n'),
    );
    expect(wrong).toEqual([]);
  }, 240_000);

  it('shows each user only their own objects in the lists', async () => {
    const wrong: string[] = [];
    const list = async (subject: string, path: string) => {
      const res = await send(subject, 'GET', { path });
      if (res.status !== 200) throw new Error(`${subject} GET ${path}: ${describeAnswer(res)}`);
      return JSON.parse(res.text) as { items: Record<string, unknown>[]; total: number };
    };
    for (const own of Object.values(world.own)) {
      const cases = await list(own.representative, '/api/cases?limit=200');
      if (cases.items.map((c) => c.id).join() !== own.id) wrong.push(`${own.representative} lists cases ${cases.items.map((c) => c.clusterName).join(', ')}`);
      const tasks = await list(own.representative, '/api/tasks?limit=200');
      const foreign = tasks.items.filter((t) => t.caseId !== own.id);
      if (foreign.length) wrong.push(`${own.representative} has ${foreign.length} tasks of other cases`);
    }
    for (const query of ['', '?council=VRWI', `?caseId=${world.other.id}`]) {
      const requests = await list('council-ri', `/api/advice-requests${query}`);
      const foreign = requests.items.filter((r) => r.councilCode !== 'RI');
      if (foreign.length) wrong.push(`council-ri sees ${foreign.length} requests of other councils with "${query}"`);
    }
    expect((await list('council-ri', '/api/advice-requests')).total).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});
