import type { Browser } from 'playwright-core';
import { POLICY_V1 } from '@cluster/reference-data';
import { caseAt, type StagedCase } from '../support/case-stages';
import { httpCalls } from '../support/http-calls';
import { demoUser, roadmap } from '../support/fixtures';
import { checkA11y, launchBrowser, onCasePage, onPage, screenshot, settled, startWebStack, webText, type WebStack } from '../support/browser';

const nl = (key: string) => webText('nl', key);
const en = (key: string) => webText('en', key);
const guidance = (section: string) => POLICY_V1.roadmapHandbook!.find((g) => g.section === section)!.guidance;

/**
 * The roadmap handbook and the European links in a real browser (issue 14): the cluster's
 * representative sees the handbook's guidance beside each section of the roadmap editor, in the
 * interface language; fills the baseline and links the roadmap to European partnerships chosen
 * from the reference data (a partnership given twice is refused beside the field); submits it.
 * The policy owner's "Europese afstemming" then shows the partnership two clusters share.
 */
describe('the roadmap handbook and the European links editor in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let c: StagedCase;
  let other: string;
  const { post, get } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    c = await caseAt(s, 'drafting', { label: 'web-handbook', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
    // A second cluster, submitted over HTTP, that links to Processes4Planet too.
    const created = await post('handler', 'cases', { clusterName: 'Cluster web-havens', domain: 'Logistiek', leadActors: ['VIL'], partners: ['UAntwerpen'], accountManagerId: demoUser('handler').id });
    other = created.body.id;
    expect((await post('handler', `cases/${other}/roadmap/drafts`, roadmap({ europeanLinks: [{ partnershipCode: 'HE-P4PLANET', nature: 'joint_projects' }] }))).status).toBe(201);
    expect((await post('handler', `cases/${other}/roadmap/submit`)).status).toBe(200);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  it('shows the handbook beside each section, in Dutch and in English', async () => {
    await onCasePage(browser, s, c.representative, c.id, 'handbook-guidance', async (page) => {
      const baseline = page.getByRole('complementary', { name: `Handleiding: ${nl('european.handbook.sections.baseline')}` });
      await baseline.getByText(guidance('baseline').nl).waitFor();
      for (const section of ['objectives', 'milestones', 'commitments', 'projects', 'internationalPositioning', 'societalChallenges', 'vision']) {
        await page.getByRole('complementary', { name: `Handleiding: ${nl(`european.handbook.sections.${section}`)}` }).getByText(guidance(section).nl).waitFor();
      }
      // The saved draft's baseline is in its field.
      expect(await page.getByLabel(nl('european.editor.baseline')).inputValue()).toBe(roadmap().baseline);
      await checkA11y(page, 'roadmap-handbook-nl');

      await page.getByLabel(nl('nav.language')).selectOption('en');
      await page.getByRole('complementary', { name: `Handbook: ${en('european.handbook.sections.baseline')}` }).getByText(guidance('baseline').en).waitFor();
      expect(await page.getByText(guidance('baseline').nl).count()).toBe(0);
      await screenshot(page, 'roadmap-handbook-en');
      await page.getByLabel(en('nav.language')).selectOption('nl');
    });
  });

  it('links the roadmap to European partnerships from the reference data, refuses one given twice beside the field, and submits', async () => {
    await onCasePage(browser, s, c.representative, c.id, 'european-links', async (page) => {
      const links = page.getByRole('group', { name: nl('european.editor.links.legend') });
      await links.getByRole('button', { name: nl('european.editor.links.add') }).click();
      await links.getByLabel('Koppeling 1: partnerschap').selectOption({ label: 'Processes4Planet (procesindustrie)' });
      await links.getByLabel('Koppeling 1: aard van de koppeling').selectOption({ label: 'Lid (de cluster of haar trekkers zijn formeel lid)' });
      await links.getByLabel('Koppeling 1: toelichting (optioneel)').fill('Catalisti is lid van A.SPIRE');
      await links.getByRole('button', { name: nl('european.editor.links.add') }).click();
      await links.getByLabel('Koppeling 2: partnerschap').selectOption({ label: 'Processes4Planet (procesindustrie)' });
      await links.getByLabel('Koppeling 2: aard van de koppeling').selectOption({ label: 'Waarnemer' });
      await checkA11y(page, 'roadmap-european-links');

      const before = (await get('auditor', `cases/${c.id}/roadmap/versions`)).body.length;
      await page.getByRole('button', { name: 'Concept bewaren' }).click();
      const second = links.getByLabel('Koppeling 2: partnerschap');
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(q: string): { length: number } } }).document.querySelectorAll('select[aria-invalid="true"]').length > 0);
      expect(await second.getAttribute('aria-invalid')).toBe('true');
      await links.getByText(/staat al in de lijst; een partnerschap komt één keer voor/).waitFor();
      expect((await get('auditor', `cases/${c.id}/roadmap/versions`)).body.length).toBe(before);
      await checkA11y(page, 'roadmap-european-links-refused');

      await links.getByRole('button', { name: 'Koppeling 2 verwijderen' }).click();
      await page.getByRole('button', { name: 'Concept bewaren' }).click();
      await page.getByText(/Concept bewaard als versie \d+/).first().waitFor();
      const latest = (await get('auditor', `cases/${c.id}/roadmap/versions`)).body.at(-1);
      expect(latest.content.europeanLinks).toEqual([{ partnershipCode: 'HE-P4PLANET', nature: 'member', note: 'Catalisti is lid van A.SPIRE' }]);

      await page.getByRole('button', { name: 'Routekaart indienen' }).click();
      await page.getByRole('button', { name: 'Definitief indienen' }).click();
      await page.getByText(/Routekaart versie \d+ is ingediend/).first().waitFor();
      await screenshot(page, 'roadmap-european-links-submitted');
    });
    expect((await get('auditor', `cases/${c.id}`)).body.stage).toBe('quality_assessment');
  });

  it("shows the policy owner the partnership both clusters share; the cluster's representative is not offered the screen", async () => {
    await onPage(browser, s, 'policy-owner', '/', 'european-coverage', async (page) => {
      await page.getByRole('navigation').getByRole('link', { name: nl('european.nav') }).click();
      await settled(page);
      await page.getByRole('heading', { level: 1, name: nl('european.coverage.title') }).waitFor();
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Processes4Planet (procesindustrie)' }) });
      await row.getByText('Ja, 2 clusters').waitFor();
      await row.getByRole('link', { name: 'Cluster web-handbook' }).waitFor();
      await row.getByText(/Cluster web-havens: Gezamenlijke projecten/).waitFor();
      await page.getByRole('region', { name: nl('european.coverage.overlaps') }).getByText(/Processes4Planet \(procesindustrie\)/).first().waitFor();
      await checkA11y(page, 'european-coverage');
      await screenshot(page, 'european-coverage');
    });
    await onPage(browser, s, c.representative, '/', 'european-coverage-rep', async (page) => {
      expect(await page.getByRole('navigation').getByRole('link', { name: nl('european.nav') }).count()).toBe(0);
    });
  });
});
