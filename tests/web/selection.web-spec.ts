import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { Database } from '@cluster/persistence';
import { caseAt, userId, type StagedCase } from '../support/case-stages';
import { assessment } from '../support/first-half';
import { callBody } from '../support/fixtures';
import { eventually, httpCalls } from '../support/http-calls';
import { checkA11y, launchBrowser, onCasePage, onPage, screenshot, settled, startWebStack, webText, type WebStack } from '../support/browser';

const ROOT = resolve(__dirname, '..', '..');
const text = (key: string) => webText('nl', key);
const fill = (key: string, values: Record<string, string | number>) => Object.entries(values).reduce((s, [k, v]) => s.replace(`{{${k}}}`, String(v)), text(key));

type Key = 'sterk' | 'goed' | 'zwak';
const KEYS: Key[] = ['sterk', 'goed', 'zwak'];
/** What each candidate's projects ask of each instrument (integer cents), and the score both assessors give it. */
const PROJECTS: Record<Key, [string, number][]> = { sterk: [['IWT', 150_000_000], ['PMV', 80_000_000]], goed: [['IWT', 120_000_000]], zwak: [['IWT', 90_000_000]] };
const SCORE: Record<Key, number> = { sterk: 5, goed: 4, zwak: 2 };
const name = (key: Key) => `Cluster web-selectie-${key}`;

/** The real offline verifier, as an auditor runs it: a separate process with no database settings. */
function verifyOffline(file: string): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['-r', '@swc-node/register', 'scripts/audit-verify-bundle.ts', file], { cwd: ROOT, env: { PATH: process.env.PATH, SWC_NODE_PROJECT: 'tsconfig.base.json' } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 2) : 0, stdout: stdout + stderr }),
    );
  });
}

/**
 * A call's selection in a real browser (issue 14, "Tests that must exist"): three candidates are
 * assessed over HTTP and registration closes; then on the call page the policy owner sees them
 * side by side, ranked and sortable, with the budget against the envelope; proposes two selected
 * and one not (first one too many, then without the reason: the API's messages show beside the
 * count and that candidate's field, nothing is proposed; then the answer is lost and the retry,
 * with the same request id, proposes once); an approver sends the proposal back on the call page, the policy owner
 * proposes again and the approver approves on the approvals screen. Two candidates go on to the
 * councils' advice, the third is closed with its reason on its case page; an auditor downloads
 * its evidence bundle in the browser and it verifies offline.
 */
describe("a call's selection in the browser", () => {
  let s: WebStack;
  let browser: Browser;
  let dir: string;
  let callId: string;
  const cases = {} as Record<Key, StagedCase>;
  const { post, get } = httpCalls(() => s);
  const title = 'Oproep speerpuntclusters selectie web';
  const weakReason = 'Zwakkere scores op internationale positionering en hefboom dan de twee geselecteerde kandidaten.';
  const overall = 'De twee sterkste routekaarten volgens de tien criteria.';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'selection-web-'));
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    const opened = await post('policy-owner', 'calls', callBody(title, { maxSelected: 2, envelopes: [{ instrumentCode: 'IWT', amountCents: 300_000_000 }, { instrumentCode: 'PMV', amountCents: 100_000_000 }] }));
    expect(opened.status).toBe(201);
    callId = opened.body.id;
    const staged = await Promise.all(KEYS.map((key) => caseAt(s, 'drafting', { label: `web-selectie-${key}`, accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] })));
    KEYS.forEach((key, i) => (cases[key] = staged[i]!));
    const assessorIds = await Promise.all(['assessor-a', 'assessor-b'].map((a) => userId(s, a)));
    const ok = async (res: PromiseLike<{ status: number; body: unknown }>, step: string) => {
      const r = await res;
      if (r.status >= 300) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    for (const key of KEYS) {
      const id = cases[key].id;
      await ok(post(cases[key].representative, `cases/${id}/call`, { callId }), `${key} registers`);
      await ok(post('handler', `cases/${id}/roadmap/submit`), `${key} submits`);
      for (const [instrumentCode, requestedCents] of PROJECTS[key]) {
        await ok(post('handler', `cases/${id}/projects`, { title: `Project ${key} ${instrumentCode}`, leadOrganisation: 'Catalisti vzw', serves: { kind: 'milestone', index: 0 }, instrumentCode, requestedCents }), `${key} project`);
      }
      await ok(post('handler', `cases/${id}/assessors`, { assessorIds }), `${key} assessors`);
      for (const a of ['assessor-a', 'assessor-b']) {
        await ok(post(a, `cases/${id}/assessment/conflict-declaration`, { hasConflict: false }), `${key} ${a} conflict`);
        await ok(post(a, `cases/${id}/assessments`, assessment(SCORE[key])), `${key} ${a} assesses`);
      }
      await ok(post('handler', `cases/${id}/assessment/conclusion`, { outcome: 'proceed', remarks: 'Voldoet aan de criteria.' }), `${key} concluded`);
    }
    // Registration closes by the clock (here: the row set as the call's timer would).
    await s.app.get(Database).transaction((repos) => repos.calls.update(callId, { status: 'registration_closed' }));
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const comparison = (page: Page) => page.getByRole('region', { name: text('callPage.selection.title') });
  const table = (page: Page) => comparison(page).getByRole('table', { name: text('callPage.selection.caption') });
  /** The cluster names in the comparison's rows, top to bottom. */
  const order = async (page: Page) => (await table(page).locator('tbody th[scope="row"]').allInnerTexts()).map((t) => t.trim());
  const header = (page: Page, key: string) => table(page).locator('thead th').filter({ has: page.getByRole('button', { name: text(`callPage.selection.sort.${key}`) }) });
  const proposalForm = (page: Page) => page.getByRole('form', { name: text('callPage.selection.propose.title') });
  const candidateGroup = (form: Locator, key: Key, rank: number) => form.getByRole('group', { name: fill('callPage.selection.propose.candidate', { name: name(key), rank }) });

  it("a candidate's case page says it waits for the call's selection, with the way to the call", async () => {
    await onCasePage(browser, s, 'handler', cases.zwak.id, 'selection-waiting', async (page) => {
      await page.getByText(text('casePage.selectionWaiting')).waitFor();
      await page.getByRole('link', { name: text('casePage.selectionWaitingLink') }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
    });
  });

  it('the policy owner sees the three side by side, ranked, sortable, with the budget against the envelope', async () => {
    await onPage(browser, s, 'policy-owner', `/calls/${callId}`, 'selection-comparison', async (page) => {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await comparison(page).getByText(fill('callPage.selection.ready', { count: 2 })).waitFor();
      await table(page).waitFor();
      expect(await order(page)).toEqual([name('sterk'), name('goed'), name('zwak')]);
      expect(await header(page, 'rank').getAttribute('aria-sort')).toBe('ascending');
      const strongRow = table(page).getByRole('row').filter({ hasText: name('sterk') });
      await strongRow.getByText(text('callPage.selection.standing.eligible')).waitFor();
      await strongRow.getByText('5,00').waitFor();
      await strongRow.getByText('€ 2.300.000,00').waitFor();

      // Sorted by name: A–Z, announced on the column and in the status line.
      await header(page, 'name').getByRole('button').click();
      expect(await order(page)).toEqual([name('goed'), name('sterk'), name('zwak')]);
      expect(await header(page, 'name').getAttribute('aria-sort')).toBe('ascending');
      expect(await header(page, 'rank').getAttribute('aria-sort')).toBeNull();
      await header(page, 'name').getByRole('button').click();
      expect(await order(page)).toEqual([name('zwak'), name('sterk'), name('goed')]);
      expect(await header(page, 'name').getAttribute('aria-sort')).toBe('descending');
      await comparison(page).getByText(fill('callPage.selection.sortedBy', { column: text('callPage.selection.sort.name').toLowerCase(), direction: text('callPage.selection.direction.descending') })).waitFor();
      // By weighted score: the best first; by requested total: the largest first.
      await header(page, 'score').getByRole('button').click();
      expect(await order(page)).toEqual([name('sterk'), name('goed'), name('zwak')]);
      expect(await header(page, 'score').getAttribute('aria-sort')).toBe('descending');
      await header(page, 'requested').getByRole('button').click();
      expect(await order(page)).toEqual([name('sterk'), name('goed'), name('zwak')]);

      // Per assessor, by name, on demand.
      const api = (await get('auditor', `calls/${callId}/candidates`)).body as { candidates: { caseId: string; assessorNames: Record<string, string> }[] };
      const assessorNames = Object.values(api.candidates.find((c) => c.caseId === cases.zwak.id)!.assessorNames);
      expect(assessorNames).toHaveLength(2);
      await comparison(page).getByText(fill('callPage.selection.detailsSummary', { name: name('zwak') })).click();
      const scores = comparison(page).getByRole('table', { name: fill('callPage.selection.scoresOf', { name: name('zwak') }) });
      for (const assessor of assessorNames) await scores.getByRole('columnheader', { name: assessor }).waitFor();
      await comparison(page).getByRole('table', { name: fill('callPage.selection.gatesOf', { name: name('zwak') }) }).waitFor();

      // The budget: IWT over the envelope (in words), PMV within it.
      const budget = comparison(page).getByRole('table', { name: text('callPage.selection.budgetTitle') });
      await budget.getByRole('row').filter({ hasText: 'IWT' }).getByText(fill('callPage.selection.over', { amount: '€ 600.000,00' })).waitFor();
      await budget.getByRole('row').filter({ hasText: 'PMV' }).getByText(fill('callPage.selection.within', { amount: '€ 200.000,00' })).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/\b(calls|callPage)\.[\w.]+/);
      await checkA11y(page, 'call-selection-comparison');
      await screenshot(page, 'call-selection-comparison');
    });
  }, 60_000);

  it('proposes two selected and one not: one too many and a missing reason are refused beside their fields, nothing proposed; a lost answer sent again proposes once', async () => {
    await onPage(browser, s, 'policy-owner', `/calls/${callId}`, 'selection-propose', async (page) => {
      const attempts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/calls/${callId}/selection`) attempts.push(r.headers()['x-request-id'] ?? '');
      });
      const form = proposalForm(page);
      await form.waitFor();
      // Preset from the ranking: the top two selected, the third not.
      expect(await candidateGroup(form, 'sterk', 1).getByLabel(text('callPage.selection.outcome.selected'), { exact: true }).isChecked()).toBe(true);
      expect(await candidateGroup(form, 'goed', 2).getByLabel(text('callPage.selection.outcome.selected'), { exact: true }).isChecked()).toBe(true);
      expect(await candidateGroup(form, 'zwak', 3).getByLabel(text('callPage.selection.outcome.not_selected'), { exact: true }).isChecked()).toBe(true);
      await form.getByText(fill('callPage.selection.propose.count', { count: 2, max: 2 })).waitFor();
      await form.getByLabel(text('callPage.selection.propose.reason'), { exact: true }).fill(overall);

      // All three selected: one too many, refused by the call's rules under the count, in words.
      await candidateGroup(form, 'zwak', 3).getByLabel(text('callPage.selection.outcome.selected'), { exact: true }).check();
      await form.getByText(fill('callPage.selection.propose.count', { count: 3, max: 2 })).waitFor();
      await form.getByRole('button', { name: text('callPage.selection.propose.submit') }).click();
      const tooMany = form.locator('#proposal-selected-error');
      await tooMany.waitFor();
      expect(await tooMany.innerText()).toContain('hoogstens 2 speerpuntclusters');

      // The third not selected, but without a reason: the API's message beside its reason field.
      await candidateGroup(form, 'zwak', 3).getByLabel(text('callPage.selection.outcome.not_selected'), { exact: true }).check();
      await form.getByRole('button', { name: text('callPage.selection.propose.submit') }).click();

      const reasonField = form.getByLabel(fill('callPage.selection.propose.notSelectedReason', { name: name('zwak') }));
      const reasonError = form.locator(`#proposal-${cases.zwak.id}-reason-error`);
      await reasonError.waitFor();
      expect(await reasonError.innerText()).toMatch(/10.*2000 tekens/);
      expect(await reasonField.getAttribute('aria-invalid')).toBe('true');
      expect((await get('auditor', `calls/${callId}/selection`)).body).toEqual([]);
      await checkA11y(page, 'call-selection-field-error');
      await screenshot(page, 'call-selection-field-error');

      expect(await tooMany.count()).toBe(0);

      // Corrected and sent, but the answer is lost on the way back (the API did propose it).
      await reasonField.fill(weakReason);
      await page.route(`**/api/calls/${callId}/selection`, async (route) => {
        await route.fetch();
        await route.abort('connectionreset');
      }, { times: 1 });
      await form.getByRole('button', { name: text('callPage.selection.propose.submit') }).click();
      await form.getByRole('alert').filter({ hasText: text('common.refused').split('{{message}}')[0]!.trim() }).waitFor();
      // Sent again: the same request id, so the API answers what it did, and proposes once.
      await form.getByRole('button', { name: text('callPage.selection.propose.submit') }).click();
      const history = page.getByRole('region', { name: text('callPage.selection.history.title') });
      await history.getByText(text('callPage.selection.status.proposed'), { exact: true }).waitFor();
      await proposalForm(page).waitFor({ state: 'detached' });
      // A refused attempt applied nothing, so the next one has a new id; the retry after the lost answer kept it.
      expect(attempts).toHaveLength(4);
      expect(new Set(attempts.slice(0, 3)).size).toBe(3);
      expect(attempts[3]).toBe(attempts[2]);
      // The proposer is not offered the decision (four eyes).
      expect(await page.getByRole('button', { name: text('callPage.selection.decide.approve') }).count()).toBe(0);
    });
    const proposals = (await get('auditor', `calls/${callId}/selection`)).body as { status: string; selected: string[]; notSelected: { caseId: string; reason: string }[] }[];
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ status: 'proposed', selected: [cases.sterk.id, cases.goed.id], notSelected: [{ caseId: cases.zwak.id, reason: weakReason }] });
  }, 60_000);

  it('an approver sends it back on the call page; the policy owner proposes again', async () => {
    const comment = 'Motiveer ook waarom de envelop voor IWT overschreden wordt.';
    await onPage(browser, s, 'approver', `/calls/${callId}`, 'selection-send-back', async (page) => {
      const decide = page.getByRole('form', { name: text('callPage.selection.decide.title') });
      await decide.waitFor();
      await checkA11y(page, 'call-selection-decide');
      await decide.getByLabel(text('callPage.selection.decide.comment'), { exact: true }).fill(comment);
      await decide.getByRole('button', { name: text('callPage.selection.decide.sendBack') }).click();
      const history = page.getByRole('region', { name: text('callPage.selection.history.title') });
      await history.getByText(text('callPage.selection.status.sent_back'), { exact: true }).waitFor();
      await history.getByText(comment).waitFor();
      await decide.waitFor({ state: 'detached' });
    });
    await onPage(browser, s, 'policy-owner', `/calls/${callId}`, 'selection-propose-again', async (page) => {
      const form = proposalForm(page);
      await form.getByLabel(fill('callPage.selection.propose.notSelectedReason', { name: name('zwak') })).fill(weakReason);
      await form.getByLabel(text('callPage.selection.propose.reason'), { exact: true }).fill(`${overall} De overschrijding voor IWT wordt in de partnerschapsovereenkomsten opgevangen.`);
      await form.getByRole('button', { name: text('callPage.selection.propose.submit') }).click();
      await page.getByRole('region', { name: text('callPage.selection.history.title') }).getByText(text('callPage.selection.status.proposed'), { exact: true }).waitFor();
    });
  }, 60_000);

  it('the approver approves on the approvals screen; two candidates go on to advice, the third is closed with its reason', async () => {
    const comment = 'Akkoord met de selectie.';
    await onPage(browser, s, 'approver', '/approvals', 'selection-approve', async (page) => {
      const row = page.getByRole('row').filter({ hasText: title });
      await row.getByRole('button', { name: new RegExp(`^${text('approvals.decide')}`) }).click();
      await page.getByLabel(text('approvals.form.comment'), { exact: true }).fill(comment);
      await page.getByRole('button', { name: text('approvals.form.approve') }).click();
      await page.getByText(new RegExp(`^${text('approvals.form.done.approve').replace('{{summary}}', '')}`)).waitFor();
    });
    for (const key of ['sterk', 'goed'] as const) await eventually(() => get('auditor', `cases/${cases[key].id}`), (r) => r.body.stage === 'advice');
    await eventually(() => get('auditor', `cases/${cases.zwak.id}`), (r) => r.body.stage === 'closed');

    const [approved] = (await get('auditor', `calls/${callId}/selection`)).body as { status: string; comparisonSha256: string }[];
    expect(approved!.status).toBe('approved');
    await onPage(browser, s, 'approver', `/calls/${callId}`, 'selection-approved', async (page) => {
      const record = page.getByRole('article', { name: new RegExp(text('callPage.selection.status.approved')) });
      await record.waitFor();
      await record.getByText(comment).waitFor();
      expect(await record.locator('[data-sha256]').getAttribute('data-sha256')).toBe(approved!.comparisonSha256);
      const outcomes = record.getByRole('table', { name: text('callPage.selection.history.outcomes') });
      await outcomes.getByRole('row').filter({ hasText: name('zwak') }).getByText(weakReason).waitFor();
      await outcomes.getByRole('row').filter({ hasText: name('sterk') }).getByText(text('callPage.selection.outcome.selected'), { exact: true }).waitFor();
      await page.getByRole('region', { name: text('callPage.facts') }).getByText(text('calls.status.selection_decided')).waitFor();
      // The comparison shown is the one the approved selection was made on: still ranked as it was.
      await comparison(page).getByText(text('callPage.selection.asApproved').split('{{at}}')[0]!, { exact: false }).waitFor();
      expect(await order(page)).toEqual([name('sterk'), name('goed'), name('zwak')]);
      await comparison(page).getByRole('table', { name: text('callPage.selection.budgetTitle') }).getByText(fill('callPage.selection.over', { amount: '€ 600.000,00' })).waitFor();
      expect(await page.getByRole('form', { name: text('callPage.selection.propose.title') }).count()).toBe(0);
      await checkA11y(page, 'call-selection-approved');
      await screenshot(page, 'call-selection-approved');
    });

    for (const key of ['sterk', 'goed'] as const) {
      await onCasePage(browser, s, 'handler', cases[key].id, `selection-advice-${key}`, async (page) => {
        await page.getByText(fill('casePage.standsAt', { stage: text('stage.advice') })).waitFor();
      });
    }
    await onCasePage(browser, s, 'handler', cases.zwak.id, 'selection-closed', async (page) => {
      await page.getByText(fill('casePage.standsAt', { stage: text('stage.closed') })).waitFor();
      await page.getByText(text('casePage.dialogue.closureReasons.not_selected')).first().waitFor();
      await page.getByText(weakReason).first().waitFor();
      await screenshot(page, 'selection-closed-case');
    });
  }, 120_000);

  it("an auditor downloads the not-selected candidate's evidence bundle in the browser; it verifies offline", async () => {
    const file = join(dir, 'zwak.jsonl');
    await onPage(browser, s, 'auditor', '/audit', 'selection-evidence', async (page) => {
      await page.getByLabel(text('auditor.picker.search')).fill('web-selectie-zwak');
      await page.getByRole('button', { name: text('auditor.picker.find'), exact: true }).click();
      await page.getByRole('list', { name: text('auditor.picker.results') }).getByRole('button', { name: new RegExp(name('zwak')) }).click();
      await settled(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: text('auditor.export.bundle') }).click()]);
      expect(download.suggestedFilename()).toBe(`case-${cases.zwak.id}-evidence.jsonl`);
      await copyFile((await download.path())!, file);
    });
    const verified = await verifyOffline(file);
    expect({ code: verified.code, stdout: verified.stdout }).toMatchObject({ code: 0 });
    // The bundle records why it was closed and the comparison it was not selected on.
    const [selection] = (await get('auditor', `calls/${callId}/selection`)).body as { comparisonSha256: string }[];
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { action?: string; payload?: Record<string, unknown>; event?: { action: string; payload: Record<string, unknown> } });
    const closed = lines.map((l) => l.event ?? l).find((e) => e.action === 'case.closed');
    expect(closed?.payload).toMatchObject({ reason: 'not_selected', comparisonSha256: selection!.comparisonSha256 });
  }, 60_000);
});
