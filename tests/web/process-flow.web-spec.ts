import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { verifyEvidenceBundleFile } from '@cluster/audit';
import { checkA11y, launchBrowser, newPage, screenshot, settled, signIn, startWebStack, type WebStack } from '../support/browser';

const CLUSTER = 'Slimme Vlaamse Havens';

/**
 * The first half of the process in a real browser, through the screens only, each step by the
 * user whose step it is: a case handler opens the case, its cluster representative writes and
 * submits the roadmap, two assessors declare no conflict and score it, the account manager
 * concludes, the three councils advise (final), the account manager proposes the decision, an
 * approver approves it, and an auditor verifies the chain and downloads the signed evidence bundle.
 * The forms on the way pass axe-core too (no serious or critical violation).
 * (The cluster representative's account is made by an administrator over the API; the users
 * screen has its own test, people.web-spec.ts.)
 */
describe('a case from creation to decision in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
  });
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  /** One user's session in its own browser context; closed afterwards. */
  async function as(subject: string, work: (page: Page) => Promise<void>): Promise<void> {
    const { context, page } = await newPage(browser, s);
    try {
      await signIn(page, subject);
      await work(page);
    } catch (error) {
      const shot = await screenshot(page, `failed-flow-${subject}`);
      throw new Error(`${subject} at ${page.url()} (see ${shot}): ${error instanceof Error ? error.message : error}`);
    } finally {
      await context.close();
    }
  }
  const openCase = async (page: Page) => {
    await page.goto(`/cases/${caseId}`);
    await settled(page);
  };
  const confirmation = (page: Page, text: RegExp) => page.getByText(text).first().waitFor();

  it('a case handler opens the case', async () => {
    await as('handler', async (page) => {
      await page.getByRole('link', { name: 'Dossiers' }).click();
      await settled(page);
      await page.getByLabel('Clusternaam').fill(CLUSTER);
      await page.getByLabel('Domein').fill('Logistiek en havens');
      await page.getByLabel('Trekkers').fill('Port of Antwerp-Bruges, VIL');
      await page.getByLabel('Partners').fill('KU Leuven, imec');
      await page.getByRole('button', { name: 'Dossier aanmaken' }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      caseId = page.url().split('/').pop()!;
      await settled(page);
      await screenshot(page, 'flow-1-case-created');
    });
    const admin = { authorization: `Bearer ${await s.tokenFor('admin')}` };
    await s.http().post('/api/users').set(admin).send({ subject: 'rep-havens', displayName: 'Hanne Havens', email: 'hanne@havens.example.be', organisation: 'VIL', roles: ['cluster_representative'], caseIds: [caseId], reason: 'Vertegenwoordiger van de cluster' }).expect(201);
  });

  it('its cluster representative writes and submits the roadmap', async () => {
    await as('rep-havens', async (page) => {
      await openCase(page);
      await checkA11y(page, 'flow-roadmap-form');
      await page.getByLabel('Visie', { exact: true }).fill('Vlaamse havens als slimste en duurzaamste knooppunt van Europa tegen 2035.');
      await page.getByLabel('Horizonjaar').fill('2035');
      // A draft may be incomplete; the submission waits for the baseline, objectives, milestones and commitments.
      await page.getByRole('button', { name: 'Concept bewaren' }).click();
      await confirmation(page, /Concept bewaard als versie 1/);
      await page.getByText(/Om in te dienen ontbreekt nog: de beschrijving van vandaag \(de uitgangssituatie\), minstens één doelstelling, minstens één mijlpaal/).waitFor();
      expect(await page.getByRole('button', { name: 'Routekaart indienen' }).isDisabled()).toBe(true);
      await page.getByLabel('Vandaag: waar staat de cluster nu?').fill('Vandaag: de Vlaamse havens verwerken 300 miljoen ton goederen met 60.000 directe banen.');
      await page.getByRole('button', { name: 'Doelstelling toevoegen' }).click();
      await page.getByLabel('Doelstelling 1', { exact: true }).fill('De slimste haven van Europa worden.');
      await page.getByRole('button', { name: 'Mijlpaal toevoegen' }).click();
      await page.getByLabel('Mijlpaal 1: titel').fill('Digitale tweeling van de haven');
      await page.getByLabel('Mijlpaal 1: uiterste datum').fill('2028-06-30');
      await page.getByRole('button', { name: 'Engagement toevoegen' }).click();
      await page.getByLabel('Engagement 1: actor').fill('Port of Antwerp-Bruges');
      await page.getByLabel('Engagement 1: wat de actor toezegt').fill('Stelt zijn data ter beschikking.');
      await page.getByRole('button', { name: 'Routekaart indienen' }).click();
      await page.getByRole('button', { name: 'Definitief indienen' }).click();
      await confirmation(page, /Routekaart versie \d+ is ingediend/);
      await screenshot(page, 'flow-2-roadmap-submitted');
    });
  });

  it('the account manager assigns two assessors, who declare no conflict and score it; the assessment is concluded', async () => {
    await as('handler', async (page) => {
      await openCase(page);
      await page.getByLabel('Karel Jacobs').check();
      await page.getByLabel('Lies Mertens').check();
      await page.getByRole('button', { name: 'Beoordelaars toewijzen' }).click();
      await page.getByRole('button', { name: 'Conclusie vastleggen' }).waitFor();
    });
    for (const assessor of ['assessor-a', 'assessor-b']) {
      await as(assessor, async (page) => {
        await openCase(page);
        await page.getByRole('button', { name: 'Geen belangenconflict verklaren' }).click();
        await page.getByRole('button', { name: 'Beoordeling indienen' }).waitFor();
        for (const gate of await page.locator('select[id^="gate-"]').all()) await gate.selectOption('yes');
        for (const score of await page.locator('select[id^="criterion-"]').all()) {
          const values = await score.locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value).filter(Boolean));
          await score.selectOption(values[values.length - 1]!);
        }
        for (const why of await page.locator('textarea[id^="gate-"], textarea[id^="criterion-"]').all()) await why.fill('Goed onderbouwd in de roadmap en de bijlagen.');
        if (assessor === 'assessor-a') {
          await checkA11y(page, 'flow-assessment-form');
          await screenshot(page, 'flow-3-assessment');
        }
        await page.getByRole('button', { name: 'Beoordeling indienen' }).click();
        await page.getByRole('button', { name: 'Beoordeling indienen' }).waitFor({ state: 'detached' });
      });
    }
    await as('handler', async (page) => {
      await openCase(page);
      await page.getByLabel('Verder naar het advies van de raden').check();
      await page.getByLabel('Opmerkingen of reden').fill('Beide beoordelingen zijn positief.');
      await page.getByRole('button', { name: 'Conclusie vastleggen' }).click();
      await page.getByRole('button', { name: 'Conclusie vastleggen' }).waitFor({ state: 'detached' });
    });
  });

  it('the three councils give their final advice in the council portal', async () => {
    for (const council of ['council-ri', 'council-vrwi', 'council-serv']) {
      await as(council, async (page) => {
        await page.getByRole('link', { name: 'Adviesraad' }).click();
        await settled(page);
        await page.getByRole('link', { name: new RegExp(`Lezen en advies geven.*${CLUSTER}`) }).click();
        await settled(page);
        await page.getByLabel('Standpunt').selectOption({ index: 1 });
        await page.getByLabel('Adviestekst').fill(`Advies van ${council}: de roadmap is ambitieus en haalbaar.`);
        const submit = page.getByRole('button', { name: 'Advies definitief indienen' });
        expect(await submit.isDisabled()).toBe(true);
        await page.getByLabel('Ik begrijp dat dit advies definitief is').check();
        if (council === 'council-ri') {
          await checkA11y(page, 'flow-advice-form');
          await screenshot(page, 'flow-4-council-advice');
        }
        await submit.click();
        await submit.waitFor({ state: 'detached' });
      });
    }
  });

  it('the account manager proposes the decision and an approver approves it', async () => {
    await as('handler', async (page) => {
      await openCase(page);
      await page.getByRole('button', { name: 'Besluit voorstellen' }).waitFor({ timeout: 20_000 });
      await page.getByLabel('Goedkeuren', { exact: true }).check();
      await page.getByLabel('Motivering', { exact: true }).fill('De cluster is klaar voor een testtraject.');
      for (const council of ['RI', 'VRWI', 'SERV']) await page.getByLabel(`Afweging advies ${council}`).fill(`Het advies van de ${council} is gevolgd.`);
      await page.getByRole('button', { name: 'Besluit voorstellen' }).click();
      await page.getByRole('button', { name: 'Besluit voorstellen' }).waitFor({ state: 'detached' });
    });
    await as('approver', async (page) => {
      await page.getByRole('link', { name: 'Goedkeuringen' }).click();
      await settled(page);
      await page.getByRole('button', { name: 'Beslissen' }).first().click();
      await page.getByLabel('Commentaar').fill('Akkoord, vier ogen.');
      await checkA11y(page, 'flow-approval-form');
      await screenshot(page, 'flow-5-approval');
      await page.getByRole('button', { name: 'Goedkeuren', exact: true }).click();
      await page.getByRole('button', { name: 'Goedkeuren', exact: true }).waitFor({ state: 'detached' });
      await openCase(page);
      await page.locator('[aria-current="step"]').filter({ hasText: /testtraject/i }).waitFor();
    });
  });

  it('an auditor verifies the chain and downloads the signed evidence bundle', async () => {
    await as('auditor', async (page) => {
      await page.getByRole('link', { name: 'Audit' }).click();
      await settled(page);
      await page.getByLabel('Dossier zoeken').fill(CLUSTER);
      await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
      await page.getByRole('button', { name: new RegExp(CLUSTER) }).first().click();
      await page.getByRole('button', { name: 'Keten verifiëren' }).click();
      await page.getByText('Keten intact').waitFor();
      await checkA11y(page, 'flow-auditor-verified');
      await screenshot(page, 'flow-6-auditor-verified');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Bewijsbundel downloaden' }).click()]);
      expect(download.suggestedFilename()).toBe(`case-${caseId}-evidence.jsonl`);
      const file = join(mkdtempSync(join(tmpdir(), 'bundle-')), download.suggestedFilename());
      await download.saveAs(file);
      // Pinned to the server's key, as an auditor would.
      const key = (await s.http().get('/api/audit/signing-key').set({ authorization: `Bearer ${await s.tokenFor('auditor')}` }).expect(200)).body;
      const verified = await verifyEvidenceBundleFile(file, { pinnedFingerprint: key.fingerprint });
      expect(verified).toMatchObject({ ok: true, problem: null, caseId, keyPinned: true });
      expect(verified.events).toBeGreaterThan(15);
    });
  });
});
