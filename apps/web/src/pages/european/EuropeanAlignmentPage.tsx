import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { AsyncState } from '../../components/AsyncState';
import { DataTable } from '../../components/DataTable';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import { OverlapList } from './OverlapList';
import '../case/case.css';
import './european.css';

type Coverage = components['schemas']['EuropeanCoverageDto'];
type Localized = components['schemas']['LocalizedTextDto'];

/**
 * Europese afstemming / European alignment (issue 14): which European strategic partnerships the
 * Flemish portfolio covers, by each open case's latest submitted roadmap, and where clusters
 * overlap. For civil servants, policy owners and auditors (the API says who).
 */
export function EuropeanAlignmentPage() {
  const { t } = useTranslation();
  const read = useApiQuery(queryKeys.europeanCoverage(), () => api.GET('/api/portfolio/european-coverage'));
  const c = read.data;
  return (
    <section aria-labelledby="european-title">
      <h1 id="european-title">{t('european.coverage.title')}</h1>
      <p>{t('european.coverage.intro')}</p>
      <AsyncState loading={read.pending} error={read.error} empty={c !== null && c.partnerships.length === 0}>
        {c ? <CoverageTables coverage={c} /> : null}
      </AsyncState>
    </section>
  );
}

function CoverageTables({ coverage: c }: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const say = (text: Localized) => (i18n.language.startsWith('en') ? text.en : text.nl);
  return (
    <>
      <p className="status-note">{t('european.coverage.summary', { covered: c.coveredCount, uncovered: c.uncoveredCount, overlaps: c.overlaps.length })}</p>

      <section aria-labelledby="european-partnerships">
        <h2 id="european-partnerships">{t('european.coverage.partnerships')}</h2>
        <DataTable caption={t('european.coverage.partnerships')} columns={[t('european.coverage.partnership'), t('european.coverage.kind'), t('european.coverage.clusters'), t('european.coverage.links'), t('european.coverage.overlap')]}>
          {c.partnerships.map((p) => (
            <tr key={p.partnership.code} className={p.overlap ? 'european-overlap' : undefined}>
              <th scope="row">
                {say(p.partnership.name)} {p.inLatestCatalogue ? null : <span className="action-hint">{t('european.coverage.retired')}</span>}
              </th>
              <td>{t(`european.kinds.${p.kind}`)}</td>
              <td>{p.clusterCount}</td>
              <td>
                {p.links.length ? (
                  <ul className="european-links">
                    {p.links.map((l) => (
                      <li key={l.caseId}>
                        <Link to={`/cases/${l.caseId}`}>{l.clusterName}</Link>: {say(l.natureName)}
                        {l.note ? ` — ${l.note}` : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t('european.coverage.notCovered')
                )}
              </td>
              <td>{p.overlap ? t('european.coverage.overlapYes', { count: p.clusterCount }) : t('european.coverage.overlapNo')}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="european-overlaps">
        <h2 id="european-overlaps">{t('european.coverage.overlaps')}</h2>
        <OverlapList coverage={c} />
      </section>

      <section aria-labelledby="european-without">
        <h2 id="european-without">{t('european.coverage.withoutLinks')}</h2>
        {c.casesWithoutLinks.length ? (
          <ul>
            {c.casesWithoutLinks.map((w) => (
              <li key={w.caseId}>
                <Link to={`/cases/${w.caseId}`}>{w.clusterName}</Link> ({t('european.coverage.roadmapVersion', { version: w.roadmapVersion })})
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('european.coverage.noneWithoutLinks')}</p>
        )}
      </section>
    </>
  );
}
