import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../case/CaseSection';
import { formatDate } from '../../../format';
import type { PolicyDocument } from '../types';
import { CodedTexts } from './CodedTexts';
import { localized } from './localized';

/** The European partnerships, the natures of a link and the roadmap handbook of a version (issue 14); absent in older versions. */
export function EuropeanReference({ id, content: c }: { id: string; content: PolicyDocument }) {
  const { t, i18n } = useTranslation();
  const partnerships = c.europeanPartnerships ?? [];
  const handbook = c.roadmapHandbook ?? [];
  const period = (from?: string, to?: string) =>
    [from ? t('european.admin.from', { date: formatDate(from) }) : null, to ? t('european.admin.until', { date: formatDate(to) }) : null].filter(Boolean).join(' ') || '—';
  return (
    <>
      {partnerships.length ? (
        <section aria-labelledby={`admin-${id}-partnerships`}>
          <h3 id={`admin-${id}-partnerships`}>{t('european.admin.partnerships')}</h3>
          <ScrollTable label={t('european.admin.partnerships')}>
            <table>
              <caption className="visually-hidden">{t('european.admin.partnerships')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.version.code')}</th>
                  <th scope="col">{t('admin.version.name')}</th>
                  <th scope="col">{t('european.coverage.kind')}</th>
                  <th scope="col">{t('european.admin.period')}</th>
                  <th scope="col">{t('european.admin.website')}</th>
                </tr>
              </thead>
              <tbody>
                {partnerships.map((p) => (
                  <tr key={p.code}>
                    <th scope="row">{p.code}</th>
                    <td>{localized(p.name, i18n.language)}</td>
                    <td>{t(`european.kinds.${p.kind}`)}</td>
                    <td>{period(p.activeFrom, p.activeTo)}</td>
                    <td>{p.url ? <a href={p.url} rel="noreferrer noopener" target="_blank">{new URL(p.url).host}</a> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ) : null}
      {c.linkNatures?.length ? <CodedTexts id={`${id}-natures`} title={t('european.admin.natures')} items={c.linkNatures.map((n) => ({ code: n.code, text: n.name }))} /> : null}
      {handbook.length ? (
        <section aria-labelledby={`admin-${id}-handbook`}>
          <h3 id={`admin-${id}-handbook`}>{t('european.admin.handbook')}</h3>
          <p>
            {t('european.admin.baselineRequired')}: {c.roadmapBaselineRequired ? t('european.admin.yes') : t('european.admin.no')}
          </p>
          <dl className="facts">
            {handbook.map((g) => (
              <Fragment key={g.section}>
                <dt>{t(`european.handbook.sections.${g.section}`)}</dt>
                <dd>{localized(g.guidance, i18n.language)}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}
