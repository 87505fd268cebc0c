import type { Browser, Page } from 'playwright-core';
import { caseAt, type StagedCase } from '../support/case-stages';
import { httpCalls } from '../support/http-calls';
import { checkA11y, launchBrowser, onCasePage, onPage, screenshot, settled, startWebStack, webText, type WebStack } from '../support/browser';

const text = (key: string) => webText('nl', key);

/**
 * A withdrawal in a real browser, four eyes: the account manager (who also holds the approver
 * role, so only four eyes stops them) proposes it on the case page with the reason; their own
 * approvals page says it is their request and offers no buttons, a second approver's offers them
 * and approves; the case page then shows the case closed and the proposal approved by that
 * approver, and the decision proposal that was still waiting shows as lapsed with its reason.
 */
describe('withdrawing a case in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let c: StagedCase;
  const reason = 'De cluster heeft haar kandidatuur ingetrokken na de fusie van de trekkers.';
  const cluster = 'Cluster web-withdraw';
  const { post } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    const dual = await post('admin', 'users', { subject: 'dual-web', displayName: 'Dirk Dubbel', email: 'dual-web@example.be', organisation: 'EWI', roles: ['case_handler', 'approver'], reason: 'Accountmanager die ook goedkeurt' });
    expect(dual.status).toBe(201);
    // At the decision: the account manager's decision proposal waits on an approver too.
    c = await caseAt(s, 'decision', { label: 'web-withdraw', accountManager: 'dual-web', assessors: ['assessor-a', 'assessor-b'] });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  /** The approvals page as `subject`, showing `status`. */
  const onApprovals = (subject: string, label: string, work: (page: Page) => Promise<void>, status?: string) =>
    onPage(browser, s, subject, '/approvals', label, async (page) => {
      if (status) {
        await page.getByLabel(text('approvals.show')).selectOption(status);
        await settled(page);
      }
      await work(page);
    });
  const withdrawalRow = (page: Page) => page.getByRole('row').filter({ hasText: text('approvals.kind.case_withdrawal') }).filter({ hasText: cluster });

  it('the account manager proposes the withdrawal with the reason; nothing closes yet', async () => {
    await onCasePage(browser, s, 'dual-web', c.id, 'withdrawal-propose', async (page) => {
      const section = page.getByRole('region', { name: text('casePage.termination.title') });
      await section.getByText(text('casePage.termination.withdraw.title'), { exact: true }).first().click();
      const form = page.getByRole('form', { name: text('casePage.termination.withdraw.title') });
      const submit = form.getByRole('button', { name: text('casePage.termination.withdraw.submit') });
      // Not before the four-eyes confirmation is ticked.
      expect(await submit.isDisabled()).toBe(true);
      await form.getByLabel(text('casePage.termination.withdraw.confirm')).check();
      // Too short a reason: the API's message shows beside the field.
      await form.getByLabel(text('casePage.termination.withdraw.reason')).fill('Te kort');
      await submit.click();
      await form.locator('#withdrawal-reason-error').waitFor();
      expect(await form.getByLabel(text('casePage.termination.withdraw.reason')).getAttribute('aria-invalid')).toBe('true');
      await checkA11y(page, 'case-withdrawal-form-error');

      await form.getByLabel(text('casePage.termination.withdraw.reason')).fill(reason);
      await submit.click();
      await section.getByText(text('casePage.termination.withdraw.proposed')).waitFor();
      const table = section.getByRole('table', { name: text('casePage.termination.listTitle') });
      const row = table.getByRole('row').filter({ hasText: reason });
      await row.getByText(text('approvals.kind.case_withdrawal')).waitFor();
      await row.getByText(text('approvals.status.pending')).waitFor();
      await row.getByText('Dirk Dubbel').waitFor();
      // One proposal at a time: the form gives way to a note while it waits.
      await section.getByText(text('casePage.termination.waiting')).waitFor();
      expect(await page.getByRole('form', { name: text('casePage.termination.withdraw.title') }).count()).toBe(0);
      await page.getByText(text('casePage.standsAt').replace('{{stage}}', text('stage.decision'))).waitFor();
      await checkA11y(page, 'case-withdrawal-proposed');
      await screenshot(page, 'case-withdrawal-proposed');
    });
  });

  it("the proposer's approvals page says it is their own request, without buttons", async () => {
    await onApprovals('dual-web', 'withdrawal-own-request', async (page) => {
      const row = withdrawalRow(page);
      await row.getByText(text('approvals.ownRequest')).waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      await checkA11y(page, 'approvals-own-request');
      await screenshot(page, 'approvals-own-request');
    });
  });

  it('a second approver decides: approved, the case closes and the proposal says by whom', async () => {
    const comment = 'Akkoord met de intrekking, vier ogen.';
    await onApprovals('approver', 'withdrawal-approve', async (page) => {
      const row = withdrawalRow(page);
      await row.getByText('Dirk Dubbel').waitFor();
      await row.getByRole('button', { name: new RegExp(`^${text('approvals.decide')}`) }).click();
      await page.getByLabel(text('approvals.form.comment'), { exact: true }).fill(comment);
      await page.getByRole('button', { name: text('approvals.form.approve') }).click();
      await page.getByText(new RegExp(`^${text('approvals.form.done.approve').replace('{{summary}}', '')}`)).waitFor();
      expect(await withdrawalRow(page).count()).toBe(0);
    });

    await onCasePage(browser, s, 'dual-web', c.id, 'withdrawal-closed', async (page) => {
      await page.getByText(text('casePage.standsAt').replace('{{stage}}', text('stage.closed'))).waitFor();
      const section = page.getByRole('region', { name: text('casePage.termination.title') });
      const row = section.getByRole('table', { name: text('casePage.termination.listTitle') }).getByRole('row').filter({ hasText: reason });
      await row.getByText(text('approvals.status.approved')).waitFor();
      await row.getByText('Chris Maes').waitFor();
      await row.getByText(comment).waitFor();
      // Every status in words, none a translation key (a decision that lapsed, the closure's reason).
      expect(await page.locator('main').innerText()).not.toMatch(/\b(casePage|approvals)\.[\w.]+/);
      await page.getByRole('region', { name: text('casePage.dialogue.title') }).getByText(text('casePage.dialogue.closureReasons.withdrawn'), { exact: true }).waitFor();
      // Closed: nothing more to withdraw.
      expect(await section.getByText(text('casePage.termination.withdraw.title'), { exact: true }).count()).toBe(0);
      await checkA11y(page, 'case-withdrawal-approved');
      await screenshot(page, 'case-withdrawal-approved');
    });
  });

  it('the decision proposal that waited lapses, with the reason in words', async () => {
    await onApprovals(
      'approver',
      'withdrawal-lapsed',
      async (page) => {
        const row = page.getByRole('row').filter({ hasText: text('approvals.kind.decision') }).filter({ hasText: cluster });
        await row.getByText(`Vervallen: het dossier is ingetrokken (${reason}).`, { exact: false }).waitFor();
        expect(await row.getByRole('button').count()).toBe(0);
        expect(await page.locator('main').innerText()).not.toMatch(/\bapprovals\.[\w.]+/);
        await checkA11y(page, 'approvals-lapsed');
        await screenshot(page, 'approvals-lapsed');
      },
      'superseded',
    );
  });
});
