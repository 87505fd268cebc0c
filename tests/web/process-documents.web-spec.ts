import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { brusselsDate } from '@cluster/domain';
import { caseAt, type StagedCase } from '../support/case-stages';
import { minimalPdf } from '../support/documents';
import { checkA11y, launchBrowser, onCasePage, screenshot, startWebStack, webText, type WebStack } from '../support/browser';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const text = (key: string) => webText('nl', key);

/**
 * The documents of the later steps in a real browser: the account manager records the Flemish
 * Government's decision (number, date, signed PDF) through the case page and downloads it again,
 * the bytes' SHA-256 being the one the page shows; then attaches the signed partnership agreement
 * to its version and downloads that. The case is driven to the agreement over HTTP first.
 */
describe('documents of the process in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let c: StagedCase;
  const today = brusselsDate(new Date());
  const number = `VR ${today.slice(0, 4)} ${today.slice(8, 10)}${today.slice(5, 7)} DOC.0123`;

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    c = await caseAt(s, 'partnership_agreement', { label: 'web-docs', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const asHandler = (work: (page: Page) => Promise<void>) => onCasePage(browser, s, 'handler', c.id, 'process-documents', work);

  /** Clicks the download button of `fileName` and answers the saved file's SHA-256. */
  async function downloaded(page: Page, fileName: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `${text('council.request.download')} ${fileName}` }).first().click()]);
    expect(download.suggestedFilename()).toBe(fileName);
    return sha256(readFileSync((await download.path())!));
  }

  it("records the government's decision with its signed PDF, and downloads exactly those bytes", async () => {
    const signed = minimalPdf('Besluit van de Vlaamse Regering – ondertekend (browser)');
    await asHandler(async (page) => {
      const form = page.getByRole('form', { name: text('casePage.decision.government.recordTitle') });
      // A number not in the government's form: the API's message shows beside the field.
      await form.getByLabel(text('casePage.decision.government.number')).fill('2026-123');
      await form.getByLabel(text('casePage.decision.government.decidedOn')).fill(today);
      await form.getByLabel(text('casePage.decision.government.file')).setInputFiles({ name: 'besluit-vr.pdf', mimeType: 'application/pdf', buffer: signed });
      await form.getByRole('button', { name: text('casePage.decision.government.record') }).click();
      await page.getByText(/^Het nummer van de beslissing heeft de vorm van de Vlaamse Regering/).waitFor();
      await checkA11y(page, 'case-government-decision-form-error');

      await form.getByLabel(text('casePage.decision.government.number')).fill(number);
      await form.getByLabel(text('casePage.decision.government.file')).setInputFiles({ name: 'besluit-vr.pdf', mimeType: 'application/pdf', buffer: signed });
      await form.getByRole('button', { name: text('casePage.decision.government.record') }).click();
      await page.getByText(`Beslissing ${number} is vastgelegd.`).waitFor();
      const record = page.getByRole('listitem', { name: number });
      await record.waitFor();
      const shown = await record.locator('[data-sha256]').getAttribute('data-sha256');
      expect(shown).toBe(sha256(signed));
      expect(await record.locator('[data-sha256]').textContent()).toBe(`${sha256(signed).slice(0, 12)}…`);
      expect(await downloaded(page, 'besluit-vr.pdf')).toBe(shown);
      // Once recorded, the form corrects the record instead.
      await page.getByRole('form', { name: `Beslissing ${number} corrigeren` }).waitFor();
      await checkA11y(page, 'case-government-decision-recorded');
      await screenshot(page, 'case-government-decision-recorded');
    });
  });

  it('attaches the signed partnership agreement to its version and downloads it', async () => {
    const agreement = minimalPdf('Partnerschapsovereenkomst – getekend');
    await asHandler(async (page) => {
      const form = page.getByRole('form', { name: webText('nl', 'casePage.documents.agreementUpload').replace('{{version}}', '1') });
      await form.getByLabel(text('council.upload.file')).setInputFiles({ name: 'overeenkomst-getekend.pdf', mimeType: 'application/pdf', buffer: agreement });
      await form.getByRole('button', { name: text('council.upload.submit') }).click();
      const table = page.getByRole('table', { name: webText('nl', 'casePage.documents.agreementCaption').replace('{{version}}', '1') });
      await table.waitFor();
      const shown = await table.locator('[data-sha256]').first().getAttribute('data-sha256');
      expect(shown).toBe(sha256(agreement));
      expect(await downloaded(page, 'overeenkomst-getekend.pdf')).toBe(shown);
      await checkA11y(page, 'case-agreement-documents');
    });
  });
});
