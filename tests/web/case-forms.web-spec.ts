import type { Browser, Page } from 'playwright-core';
import { caseAt, userId, type StagedCase } from '../support/case-stages';
import { httpCalls } from '../support/http-calls';
import { checkA11y, launchBrowser, onCasePage, screenshot, startWebStack, type WebStack } from '../support/browser';

/**
 * The forms a civil servant uses on the case page, in a real browser: the account manager drafts
 * the partnership agreement with each party's commitments, and amends the case's lead actors and
 * partners; the API's validation messages appear beside the fields in the chosen language, and the
 * audit trail says in words what happened. The open forms pass axe-core (WCAG 2 A/AA, any impact).
 */
describe('the case forms in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let c: StagedCase;
  const { post, get } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    c = await caseAt(s, 'test_trajectory', { label: 'formulieren', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
    // The trajectory done, the agreement is the next step (and not drafted yet).
    expect((await post('handler', `cases/${c.id}/trajectory/milestones/${c.milestoneId}/evidence`, { evidence: 'Pilootlijn draait.' })).status).toBe(200);
    expect((await post('handler', `cases/${c.id}/trajectory/evaluation`, { outcome: 'proceed', evaluation: 'Klaar voor de overeenkomst.' })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const asHandler = (work: (page: Page) => Promise<void>) => onCasePage(browser, s, 'handler', c.id, 'case-forms', work);

  it("drafts the agreement with each party's commitments, financial and in kind", async () => {
    const representativeId = await userId(s, c.representative);
    await asHandler(async (page) => {
      await page.getByRole('heading', { name: 'Overeenkomst opstellen' }).waitFor();
      await page.getByLabel('Partij 1: gemachtigde ondertekenaar').selectOption(await userId(s, 'approver'));
      await page.getByLabel('Partij 2: gemachtigde ondertekenaar').selectOption(representativeId);
      await page.getByRole('button', { name: 'Engagement toevoegen voor partij 1' }).click();
      await page.getByLabel('Partij 1, engagement 1: soort').selectOption('in_kind');
      await page.getByLabel('Partij 1, engagement 1: wat de partij toezegt').fill('Een accountmanager en de lichte ondersteuningsstructuur.');
      await page.getByRole('button', { name: 'Engagement toevoegen voor partij 2' }).click();
      await page.getByLabel('Partij 2, engagement 1: wat de partij toezegt').fill('Cofinanciering van de pilootlijn.');
      await page.getByLabel('Partij 2, engagement 1: bedrag (euro)').fill('250.000,00');
      await page.getByLabel('Tekst van de overeenkomst').fill('Partnerschapsovereenkomst voor de speerpuntcluster formulieren.');
      await checkA11y(page, 'case-agreement-form');
      await page.getByRole('button', { name: 'Overeenkomst opstellen' }).click();
      await page.getByText(/Versie 1 opgesteld/).first().waitFor();
      await page.getByRole('cell', { name: /Financieel: Cofinanciering van de pilootlijn\. \(€\s250\.000,00\)/ }).waitFor();
    });
    const [version] = (await get('auditor', `cases/${c.id}/agreement`)).body as { content: { parties: { commitments: unknown[] }[] } }[];
    expect(version!.content.parties.map((p) => p.commitments)).toEqual([
      [{ kind: 'in_kind', description: 'Een accountmanager en de lichte ondersteuningsstructuur.' }],
      [{ kind: 'financial', description: 'Cofinanciering van de pilootlijn.', amountCents: 25_000_000 }],
    ]);
  });

  it("amends the case's lead actors and partners, says the API's refusals in Dutch or English, and shows it in words in the audit trail", async () => {
    await asHandler(async (page) => {
      await page.getByRole('button', { name: 'Trekkers en partners wijzigen' }).click();
      await page.getByLabel('Partners', { exact: true }).fill('VITO\nimec');
      // No reason: the API refuses, in Dutch beside the field.
      await page.getByRole('button', { name: 'Wijziging vastleggen' }).click();
      await page.locator('#parties-reason-error').getByText('Dit veld moet tussen 2 en 2000 tekens lang zijn.').waitFor();
      await checkA11y(page, 'case-parties-form');

      // The same refusal in English once the user chose English.
      await page.getByLabel('Taal').selectOption('en');
      await page.getByRole('button', { name: 'Record the amendment' }).click();
      await page.locator('#parties-reason-error').getByText('This field must be between 2 and 2000 characters long.').waitFor();
      await page.getByLabel('Language').selectOption('nl');

      await page.getByLabel('Reden', { exact: true }).fill('imec sluit aan als kennispartner.');
      await page.getByRole('button', { name: 'Wijziging vastleggen' }).click();
      await page.getByText('Wijziging 1 van de trekkers en partners is vastgelegd.').waitFor();
      await page.getByRole('heading', { name: 'Wijzigingen van trekkers en partners' }).waitFor();
      await page.getByRole('cell', { name: 'VITO → VITO, imec' }).waitFor();
      await page.getByRole('cell', { name: 'Trekkers en partners gewijzigd' }).first().waitFor();
      expect(await page.getByText('case.parties_amended').count()).toBe(0);
      await screenshot(page, 'case-parties-amended');
    });
    expect((await get('auditor', `cases/${c.id}`)).body).toMatchObject({ leadActors: ['Catalisti vzw'], partners: ['VITO', 'imec'] });
  });
});
