import { minimalPdf } from '../support/documents';
import { startHttpStack, type HttpStack } from '../support/http-stack';
import { multipartBody } from '../support/multipart';
import { liveOperations, type ApiOperation } from '../support/openapi-operations';
import { inBatches, rawHttpTo, type RawHttp, type RawResponse } from '../support/raw-http';
import type { StagedCase } from '../support/case-stages';
import { cellRequest, type CellRequest } from './permissions.requests';
import { ACTORS, PERMISSIONS, type Actor, type PermissionRule, type Relation, type Verdict } from './permissions.table';
import { allCases, buildPermissionWorld, caseFor, subjectFor, type PermissionWorld } from './permissions.world';

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
      // A read is answered; a command may still fail for a business reason (400/409), never for who you are.
      return method === 'GET' ? res.status === 200 : (res.status >= 200 && res.status < 300) || res.status === 400 || res.status === 409;
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
    console.log(`permission matrix: ${allCases(world).length} cases driven to their stages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 240_000);
  afterAll(async () => {
    raw?.close();
    await s?.stop();
  });

  const read = async (path: string) => {
    const res = await raw.send({ method: 'GET', path, headers: { authorization: `Bearer ${await s.tokenFor('admin')}` } });
    return res.status === 200 ? JSON.parse(res.text) : undefined;
  };

  const send = async (subject: string | null, method: string, req: CellRequest): Promise<RawResponse> => {
    const headers: Record<string, string> = subject ? { authorization: `Bearer ${await s.tokenFor(subject)}` } : {};
    let body: Buffer | string | undefined;
    if (req.upload) {
      const form = multipartBody([{ name: 'file', filename: 'bijlage.pdf', contentType: 'application/pdf', data: minimalPdf(`Bijlage ${Math.random()}`) }]);
      headers['content-type'] = form.contentType;
      body = form.body;
    } else if (req.body) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    return raw.send({ method, path: req.path, headers, body });
  };

  /** Sends one cell as its actor against `target` (by default the case the cell's relation names). */
  const run = async (cell: Cell, target?: StagedCase) => {
    const { rule, actor, relation } = cell;
    const subject = subjectFor(world, actor, rule.scene);
    const req = await cellRequest(rule, {
      world,
      actor,
      actorId: subject ? (world.userIds[subject] ?? null) : null,
      relation,
      target: target ?? caseFor(world, rule.scene, relation),
      read,
    });
    const method = rule.endpoint.split(' ')[0]!;
    return { res: await send(subject, method, req), method };
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
    const commands = { applied: 0, refusedForBusiness: 0 };
    const check = async (cell: Cell) => {
      const { res, method } = await run(cell);
      if (!holds(cell.verdict, method, res)) {
        wrong.push(`${cell.rule.endpoint} as ${cell.actor} on ${cell.relation}: expected ${cell.verdict}, got ${describeAnswer(res)}`);
      } else if (cell.verdict === 'A' && method !== 'GET') {
        if (res.status < 300) commands.applied++;
        else commands.refusedForBusiness++;
      }
    };
    // Refusals change nothing (when they are right), so they go first and side by side; allowed
    // commands then run one by one in table order, as their effects build on each other. Within a
    // row the representative goes first: theirs is the narrower right, worth seeing applied.
    await inBatches(cells.filter((c) => c.verdict !== 'A'), CONCURRENCY, check);
    const allowed = cells.filter((c) => c.verdict === 'A');
    const repFirst = (c: Cell) => PERMISSIONS.indexOf(c.rule) * 2 + (c.actor === 'rep' ? 0 : 1);
    for (const cell of allowed.sort((a, b) => repFirst(a) - repFirst(b))) await check(cell);

    const count = (v: Verdict) => cells.filter((c) => c.verdict === v).length;
    console.log(
      [
        `permission matrix: ${PERMISSIONS.length} endpoints × ${ACTORS.length} actors × own/other objects = ${cells.length} cells`,
        `  allowed ${count('A')}, refused ${count('R')}, hidden ${count('H')}, unauthenticated ${count('U')}`,
        `  allowed commands: ${commands.applied} applied, ${commands.refusedForBusiness} refused for a business reason (400/409)`,
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
