import type { Browser, Page } from 'playwright-core';
import { caseAt, type StagedCase } from '../support/case-stages';
import { httpCalls } from '../support/http-calls';
import { checkA11y, launchBrowser, onCasePage, screenshot, startWebStack, webText, type WebStack } from '../support/browser';

const text = (key: string) => webText('nl', key);

/**
 * The project portfolio on the case page, in a real browser: the account manager adds a project to
 * the roadmap's objective; the coverage then flags the roadmap's milestone as having no project;
 * the status changes only along the transitions the API names (a grant above the request is
 * refused beside its field), each change in the case's audit trail.
 */
describe('the project portfolio in the browser', () => {
  let s: WebStack;
  let browser: Browser;
  let c: StagedCase;
  const project = 'Pilootlijn bio-aromaten';
  const { get } = httpCalls(() => s);

  beforeAll(async () => {
    s = await startWebStack();
    ({ browser } = await launchBrowser());
    // A submitted roadmap (fixtures: one objective, one milestone "Pilootinstallatie").
    c = await caseAt(s, 'assessors_assigned', { label: 'web-projecten', accountManager: 'handler', assessors: ['assessor-a', 'assessor-b'] });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await s?.stop();
  });

  const section = (page: Page) => page.getByRole('region', { name: text('casePage.sections.projects') });
  const row = (page: Page) => section(page).getByRole('table', { name: text('projects.caption') }).getByRole('row').filter({ hasText: project });
  /** The status choices the edit form offers, in words. */
  const statusChoices = async (page: Page) => (await page.getByRole('form', { name: new RegExp(project) }).getByLabel(text('projects.fields.status')).locator('option').allInnerTexts()).map((o) => o.trim());
  const edit = async (page: Page) => {
    await row(page).getByRole('button', { name: new RegExp(`^${text('projects.edit')}`) }).click();
    return page.getByRole('form', { name: new RegExp(project) });
  };

  it('the account manager adds a project; the milestone without one is flagged', async () => {
    await onCasePage(browser, s, 'handler', c.id, 'projects-add', async (page) => {
      const projects = section(page);
      await projects.getByText(text('projects.none')).waitFor();
      await projects.getByText(text('projects.add'), { exact: true }).first().click();
      const f = page.getByRole('form', { name: text('projects.add') });
      await f.getByLabel(text('projects.fields.title'), { exact: true }).fill(project);
      await f.getByLabel(text('projects.fields.leadOrganisation')).fill('Catalisti vzw');
      await f.getByLabel(text('projects.fields.serves')).selectOption({ label: 'Doelstelling 1: 30% minder CO2-uitstoot' });
      await f.getByLabel(text('projects.fields.instrument')).selectOption('IWT');
      await f.getByLabel(text('projects.fields.requested')).fill('500.000,00');
      await f.getByRole('button', { name: text('projects.addSubmit') }).click();
      await projects.getByText(text('projects.added').replace('{{title}}', project)).waitFor();

      const r = row(page);
      await r.getByText('Catalisti vzw').waitFor();
      await r.getByText('Doelstelling 1: 30% minder CO2-uitstoot').waitFor();
      await r.getByText('IWT – innovatiesteun').waitFor();
      await r.getByText('€ 500.000,00').waitFor();
      await r.getByText(text('projects.status.idea'), { exact: true }).waitFor();

      // Coverage: the objective has its project; the milestone has none, flagged for the account manager.
      const flag = projects.getByRole('note', { name: text('projects.coverage.flagLabel') });
      await flag.getByText(text('projects.coverage.uncovered_one').replace('{{count}}', '1')).waitFor();
      await flag.getByText(text('projects.coverage.forAccountManager')).waitFor();
      const coverage = projects.getByRole('table', { name: text('projects.coverage.caption') });
      await coverage.getByRole('row').filter({ hasText: 'Mijlpaal 1: Pilootinstallatie' }).getByText(text('projects.coverage.noProject')).waitFor();
      await coverage.getByRole('row').filter({ hasText: 'Doelstelling 1' }).getByText(text('projects.coverage.covered')).waitFor();
      expect(await page.locator('main').innerText()).not.toMatch(/\bprojects\.[\w.]+/);
      await checkA11y(page, 'projects-added');
      await screenshot(page, 'projects-added');
    });
    const page = (await get('handler', `cases/${c.id}/projects`)).body;
    expect(page.items).toEqual([expect.objectContaining({ title: project, requestedCents: 50_000_000, status: 'idea', serves: { kind: 'objective', index: 0 } })]);
  });

  it('the status changes only along the allowed transitions; a grant above the request is refused beside its field', async () => {
    await onCasePage(browser, s, 'handler', c.id, 'projects-status', async (page) => {
      let f = await edit(page);
      // From an idea: submitted, or stopped (the API's nextStatuses), never straight to running.
      expect(await statusChoices(page)).toEqual([text('projects.status.idea'), text('projects.status.submitted'), text('projects.status.stopped')]);
      await f.getByLabel(text('projects.fields.status')).selectOption('submitted');
      await f.getByLabel(text('projects.fields.reason'), { exact: false }).fill('Ingediend bij VLAIO.');
      await f.getByRole('button', { name: text('projects.editSubmit') }).click();
      await section(page).getByText(text('projects.changed').replace('{{title}}', project)).waitFor();
      await row(page).getByText(text('projects.status.submitted'), { exact: true }).waitFor();

      f = await edit(page);
      expect(await statusChoices(page)).toEqual([text('projects.status.submitted'), text('projects.status.running'), text('projects.status.idea'), text('projects.status.stopped')]);
      await f.getByLabel(text('projects.fields.status')).selectOption('running');
      await f.getByLabel(text('projects.fields.granted')).fill('600.000,00');
      await f.getByRole('button', { name: text('projects.editSubmit') }).click();
      const grantedError = f.locator('#project-edit-granted-error');
      await grantedError.waitFor();
      expect(await grantedError.innerText()).toMatch(/^Het toegekende bedrag is hoger dan het gevraagde bedrag/);
      await checkA11y(page, 'projects-grant-refused');

      await f.getByLabel(text('projects.fields.granted')).fill('400.000,00');
      await f.getByRole('button', { name: text('projects.editSubmit') }).click();
      await section(page).getByText(text('projects.changed').replace('{{title}}', project)).waitFor();
      await row(page).getByText(text('projects.status.running'), { exact: true }).waitFor();
      await row(page).getByText('€ 400.000,00').waitFor();
      await checkA11y(page, 'projects-running');
      await screenshot(page, 'projects-running');
    });
    const trail = (await get('auditor', `cases/${c.id}/audit?limit=200`)).body.items as { action: string; reason: string | null; payload: { changes?: Record<string, unknown> } }[];
    const changes = trail.filter((e) => e.action.startsWith('project.') && e.action !== 'project.created');
    expect(changes.map((e) => e.payload.changes)).toEqual([{ status: { from: 'idea', to: 'submitted' } }, { status: { from: 'submitted', to: 'running' }, grantedCents: { from: null, to: 40_000_000 } }]);
    expect(changes[0]!.reason).toBe('Ingediend bij VLAIO.');
  });
});
