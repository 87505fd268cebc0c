import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { minimalPdf } from '../support/documents';
import { roadmap } from '../support/fixtures';
import { caseToAdvice } from '../support/http-calls';
import { checkA11y, launchBrowser, newPage, screenshot, settled, signIn, startWebStack, webText, type WebStack } from '../support/browser';

const CLUSTER = 'Slimme Vlaamse Havens';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const nl = (key: string, values: Record<string, string> = {}) => webText('nl', key).replace(/\{\{(\w+)\}\}/g, (_m, k: string) => values[k] ?? '');

/**
 * A council reads what it advises on, in the browser: the RI secretary signs in, follows the
 * inbox's link to the request, reads the frozen roadmap (its content and SHA-256, the attachment
 * downloaded by hash), adds a document and gives final advice; then the account manager finds
 * both from the case page. No answer the council member's screens get is a 403.
 */
describe('a council reads the roadmap under advice and advises with a document', () => {
  let s: WebStack;
  let browser: Browser;
  let caseId: string;
  let requestId: string;
  let frozenSha: string;
  const attachment = minimalPdf('Financieel plan bij de roadmap van de havens');
  const councilDocument = minimalPdf('Werknota van de RI bij het advies');
  const content = roadmap();
  const adviceText = 'De RI adviseert gunstig: de mijlpalen zijn haalbaar en de engagementen zijn concreet.';

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    caseId = await caseToAdvice(s, CLUSTER, { roadmapAttachment: { bytes: attachment, name: 'financieel-plan.pdf' } });
    const auth = async (subject: string) => ({ authorization: `Bearer ${await s.tokenFor(subject)}` });
    // What the case's own readers see (not the endpoint under test): the version frozen for advice.
    const versions = (await s.http().get(`/api/cases/${caseId}/roadmap/versions`).set(await auth('handler')).expect(200)).body as { version: number; kind: string; sha256: string }[];
    frozenSha = versions.filter((v) => v.kind === 'submitted').at(-1)!.sha256;
    const requests = (await s.http().get(`/api/advice-requests?caseId=${caseId}`).set(await auth('handler')).expect(200)).body.items as { id: string; councilCode: string }[];
    requestId = requests.find((r) => r.councilCode === 'RI')!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  /** One user's session; every 403 an API call of theirs gets is collected. */
  async function as(subject: string, work: (page: Page, refused: string[]) => Promise<void>): Promise<void> {
    const { context, page } = await newPage(browser, s);
    const refused: string[] = [];
    page.on('response', (res) => {
      if (res.status() === 403) refused.push(`${res.request().method()} ${res.url()}`);
    });
    try {
      await signIn(page, subject);
      await work(page, refused);
    } catch (error) {
      const shot = await screenshot(page, `failed-council-${subject}`);
      throw new Error(`${subject} at ${page.url()} (see ${shot}): ${error instanceof Error ? error.message : error}`);
    } finally {
      await context.close();
    }
  }

  it('the RI secretary follows the inbox link to the request and reads the frozen roadmap, its hash and its attachment', async () => {
    await as('council-ri', async (page, refused) => {
      await settled(page);
      const main = page.getByRole('main');
      // Every link the inbox gives a council member opens (today's bug: a case page answering 403).
      const links = await main.getByRole('link').evaluateAll((as) => as.map((a) => (a as unknown as { getAttribute(n: string): string }).getAttribute('href')));
      expect(links).toContain(`/council/requests/${requestId}`);
      expect(links.filter((href) => href.startsWith('/cases'))).toEqual([]);

      await main.getByRole('link', { name: CLUSTER }).click();
      await page.waitForURL(`**/council/requests/${requestId}`);
      await settled(page);
      await page.getByRole('heading', { level: 1, name: nl('council.request.title', { council: 'RI', name: CLUSTER }) }).waitFor();

      // The content of the submitted version, field by field, and its SHA-256 in full.
      await main.getByText(content.vision).waitFor();
      await main.getByText(content.objectives[0]!).waitFor();
      const milestone = main.getByRole('row', { name: new RegExp(content.milestones[0]!.title) });
      expect(await milestone.textContent()).toContain('30/06/2028');
      await main.getByRole('row', { name: new RegExp(content.commitments[0]!.commitment) }).waitFor();
      await main.getByText('Catalisti vzw', { exact: false }).first().waitFor();
      expect(await page.getByTestId('roadmap-sha256').textContent()).toBe(frozenSha);

      // The attachment, by its hash, downloaded byte for byte.
      const row = main.getByRole('row', { name: /financieel-plan\.pdf/ });
      expect(await row.textContent()).toContain(sha256(attachment));
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: /Downloaden/ }).click()]);
      expect(sha256(readFileSync((await download.path())!))).toBe(sha256(attachment));

      await checkA11y(page, 'council-request');
      await screenshot(page, 'council-request-read');
      expect(refused).toEqual([]);
    });
  });

  it('adds a document and gives final advice from the request view', async () => {
    await as('council-ri', async (page, refused) => {
      await page.goto(`/council/requests/${requestId}`);
      await settled(page);
      await page.getByLabel(nl('council.upload.file'), { exact: true }).setInputFiles({ name: 'werknota-ri.pdf', mimeType: 'application/pdf', buffer: councilDocument });
      await page.getByLabel(nl('council.upload.reason')).fill('Werknota bij het advies');
      await page.getByRole('button', { name: nl('council.upload.submit') }).click();
      await page.getByText(nl('council.upload.done', { name: 'werknota-ri.pdf' })).waitFor();
      const docRow = page.getByRole('row', { name: /werknota-ri\.pdf/ });
      expect(await docRow.textContent()).toContain(sha256(councilDocument));

      await page.getByLabel(nl('council.form.position')).selectOption('positive');
      await page.getByLabel(nl('council.form.text')).fill(adviceText);
      const submit = page.getByRole('button', { name: nl('council.form.submit') });
      expect(await submit.isDisabled()).toBe(true);
      await page.getByLabel(nl('council.form.confirm')).check();
      await submit.click();
      await page.getByRole('heading', { name: nl('council.request.advice') }).waitFor();
      await page.getByText(adviceText).waitFor();
      // Advice is final: no form, no more uploads.
      expect(await page.getByRole('button', { name: nl('council.form.submit') }).count()).toBe(0);
      expect(await page.getByRole('button', { name: nl('council.upload.submit') }).count()).toBe(0);
      await screenshot(page, 'council-request-advised');
      expect(refused).toEqual([]);
    });
  });

  it('the account manager finds the advice and the council’s document from the case page', async () => {
    await as('handler', async (page, refused) => {
      await page.goto(`/cases/${caseId}`);
      await settled(page);
      await page.locator(`a[href="/council/requests/${requestId}"]`).click();
      await page.waitForURL(`**/council/requests/${requestId}`);
      await settled(page);
      await page.getByText(adviceText).waitFor();
      const docRow = page.getByRole('row', { name: /werknota-ri\.pdf/ });
      expect(await docRow.textContent()).toContain(sha256(councilDocument));
      const [download] = await Promise.all([page.waitForEvent('download'), docRow.getByRole('button', { name: /Downloaden/ }).click()]);
      expect(sha256(readFileSync((await download.path())!))).toBe(sha256(councilDocument));
      // A civil servant reads; only the council acts.
      expect(await page.getByRole('button', { name: nl('council.upload.submit') }).count()).toBe(0);
      expect(refused).toEqual([]);
    });
  });
});
