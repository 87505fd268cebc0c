import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y, launchBrowser, newPage, screenshot, settled, signIn, startWebStack, webText, type WebStack } from '../support/browser';
import { demoUser } from '../support/fixtures';

const nl = (key: string) => webText('nl', key);
const named = (key: string, name: string) => nl(key).replace('{{name}}', name);

/**
 * The users screen in a real browser: an administrator creates a person, gives them a second
 * role, deactivates them, and hands over what they leave; the deactivated person's next API
 * request with the token they held is 401. Each form passes axe-core as it is shown.
 */
describe('people in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    ({ context, page } = await newPage(browser, s));
    await signIn(page, 'admin');
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await s?.stop();
  });

  const api = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
  const region = (name: string) => page.getByRole('region', { name, exact: true });
  const notice = (text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
  const step = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      const shot = await screenshot(page, `failed-people-${name}`);
      throw new Error(`${name} at ${page.url()} (see ${shot}): ${error instanceof Error ? error.message : error}`);
    }
  };

  it('an administrator creates a user, changes their roles, deactivates them; their token then gets 401', async () => {
    let userId = '';
    let token = '';
    let caseId = '';

    await step('create', async () => {
      await page.getByRole('link', { name: nl('people.nav.users'), exact: true }).click();
      await settled(page);
      await checkA11y(page, 'admin-users');
      const form = region(nl('people.create.title'));
      await form.getByLabel(nl('people.fields.subject'), { exact: true }).fill('els.peeters');
      await form.getByLabel(nl('people.fields.displayName'), { exact: true }).fill('Els Peeters');
      await form.getByLabel(nl('people.fields.email'), { exact: true }).fill('els.peeters@example.be');
      await form.getByLabel(nl('people.fields.organisation'), { exact: true }).fill('Departement EWI');
      await form.getByLabel(nl('role.case_handler'), { exact: true }).check();
      await form.getByLabel(nl('people.fields.reason'), { exact: true }).fill('Indiensttreding als dossierbeheerder');
      await form.getByRole('button', { name: nl('people.create.submit') }).click();
      await notice(named('people.create.done', 'Els Peeters'));
      const users = (await s.http().get('/api/users').set(await api('admin')).expect(200)).body as { id: string; subject: string; roles: string[] }[];
      const els = users.find((u) => u.subject === 'els.peeters');
      expect(els?.roles).toEqual(['case_handler']);
      userId = els!.id;
    });

    // She signs in and takes over a case before she leaves: a token in hand, work to hand over.
    token = await s.tokenFor('els.peeters');
    caseId = (
      await s.http().post('/api/cases').set(await api('handler')).send({ clusterName: 'Cluster Els', domain: 'Logistiek', leadActors: ['VIL'], partners: [], accountManagerId: userId }).expect(201)
    ).body.id;
    await s.http().get(`/api/cases/${caseId}`).set({ authorization: `Bearer ${token}` }).expect(200);

    await step('edit', async () => {
      await page.getByLabel(nl('people.filters.search'), { exact: true }).fill('els.peeters');
      await page.getByRole('search').getByRole('button', { name: nl('people.filters.searchButton') }).click();
      await page.getByRole('cell', { name: 'An Peeters' }).waitFor({ state: 'detached' });
      await page.getByRole('button', { name: new RegExp(`^${nl('people.edit')} .*Els Peeters$`) }).click();
      const form = region(webText('nl', 'people.editForm.title').replace('{{name}}', 'Els Peeters'));
      await form.getByLabel(nl('role.approver'), { exact: true }).check();
      await form.getByLabel(nl('people.fields.reason'), { exact: true }).fill('Ook goedkeurder voor het budget');
      await checkA11y(page, 'admin-users-edit');
      await form.getByRole('button', { name: nl('people.editForm.submit') }).click();
      await notice(named('people.editForm.done', 'Els Peeters'));
      const me = (await s.http().get('/api/auth/me').set({ authorization: `Bearer ${token}` }).expect(200)).body;
      expect(me.roles).toEqual(['case_handler', 'approver']);
    });

    await step('deactivate', async () => {
      await page.getByRole('button', { name: new RegExp(`^${nl('people.deactivate')} Els Peeters`) }).click();
      const form = region(webText('nl', 'people.deactivateForm.title').replace('{{name}}', 'Els Peeters'));
      await form.getByLabel(nl('people.fields.reason'), { exact: true }).fill('Overgeplaatst naar een ander departement');
      await form.getByLabel(nl('people.deactivateForm.confirm'), { exact: true }).check();
      await checkA11y(page, 'admin-users-deactivate');
      await form.getByRole('button', { name: nl('people.deactivateForm.submit') }).click();
      await notice(named('people.deactivateForm.done', 'Els Peeters'));
    });
    // At once: the very next request with the token she still holds.
    await s.http().get(`/api/cases/${caseId}`).set({ authorization: `Bearer ${token}` }).expect(401);
    await s.http().get('/api/auth/me').set({ authorization: `Bearer ${token}` }).expect(401);

    await step('hand over', async () => {
      const work = region(webText('nl', 'people.openWork.title').replace('{{name}}', 'Els Peeters'));
      await work.getByRole('link', { name: 'Cluster Els' }).first().waitFor();
      await checkA11y(page, 'admin-users-open-work');
      await work.getByLabel(nl('people.handover.to'), { exact: true }).selectOption({ label: demoUser('handler2').displayName });
      await work.getByLabel(nl('people.handover.reason'), { exact: true }).fill('Vertrek van Els Peeters');
      await work.getByRole('button', { name: nl('people.handover.submit') }).click();
      await work.getByText(nl('people.openWork.none')).waitFor();
      const after = (await s.http().get(`/api/cases/${caseId}`).set(await api('auditor')).expect(200)).body;
      expect(after.accountManagerId).toBe(demoUser('handler2').id);
    });

    // The administrator's own row offers no deactivation: nobody locks themself out.
    await page.getByLabel(nl('people.filters.search'), { exact: true }).fill('admin');
    await page.getByRole('search').getByRole('button', { name: nl('people.filters.searchButton') }).click();
    await page.getByRole('cell', { name: 'hans.desmet@example.be' }).waitFor();
    expect(await page.getByRole('button', { name: new RegExp(`^${nl('people.deactivate')} ${demoUser('admin').displayName}`) }).count()).toBe(0);
  });
});
