import type { Browser } from 'playwright-core';
import { checkA11y, launchBrowser, newPage, screenshot, settled, signIn, startWebStack, webText, type WebStack } from '../support/browser';

/**
 * Publishing reference data is four eyes, in the browser: an administrator proposes a version
 * under Beheer; it is not published and its proposer is not offered the decision; a second
 * administrator reviews the proposal on the same screen (no axe violation), approves it, and the
 * version is published with both names.
 */
describe('four eyes on reference data in the web app', () => {
  let stack: WebStack;
  let browser: Browser;
  beforeAll(async () => {
    stack = await startWebStack();
    browser = (await launchBrowser()).browser;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const t = (key: string) => webText('nl', key);

  it('one administrator proposes, the other approves and publishes', async () => {
    const first = await newPage(browser, stack);
    await signIn(first.page, 'admin');
    await first.page.goto('/admin');
    await settled(first.page);
    await first.page.getByLabel(t('admin.publish.reason')).fill('SERV: zomerreces 2027');
    await first.page.getByRole('button', { name: t('admin.publish.submit') }).click();
    await first.page.getByRole('status').filter({ hasText: t('admin.publish.done') }).waitFor();
    // Proposed by me: readable, but the decision is someone else's.
    await first.page.getByRole('button', { name: /^Voorstel van Hans De Smet beoordelen/ }).click();
    await first.page.getByText(t('admin.proposal.own')).waitFor();
    expect(await first.page.getByRole('button', { name: t('admin.proposal.approve') }).count()).toBe(0);
    await first.context.close();

    const second = await newPage(browser, stack);
    await signIn(second.page, 'admin2');
    await second.page.goto('/admin');
    await settled(second.page);
    await second.page.getByRole('button', { name: /^Voorstel van Hans De Smet beoordelen/ }).click();
    await second.page.getByRole('heading', { name: t('admin.proposal.title') }).waitFor();
    await second.page.getByText('SERV: zomerreces 2027').first().waitFor();
    await settled(second.page);
    await screenshot(second.page, 'admin2-proposal-review');
    await checkA11y(second.page, 'admin2-proposal-review');
    await second.page.getByLabel(t('admin.proposal.comment')).fill('Nagekeken tegen de beslissing van de SERV.');
    await second.page.getByRole('button', { name: t('admin.proposal.approve') }).click();
    await second.page.getByRole('status').filter({ hasText: 'versie 2 is gepubliceerd' }).waitFor();
    const row = second.page.getByRole('row').filter({ has: second.page.getByRole('rowheader', { name: /^2/ }) });
    await row.getByText('Hans De Smet').waitFor();
    await row.getByText('Ine Vermeulen').waitFor();
    await second.context.close();

    const latest = (await stack.http().get('/api/policy-versions/latest').set({ authorization: `Bearer ${await stack.tokenFor('auditor')}` }).expect(200)).body;
    expect(latest.version).toBe(2);
  }, 60_000);
});
