import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';

/**
 * The overview's European part (issue 14, item 4): which European partnerships the Flemish
 * portfolio covers and where clusters overlap, in short, with the full table one link away. The
 * same query as the European alignment screen, so the two never disagree.
 */
export function EuropeanSection() {
  const { may } = useSession();
  if (!may('readEuropeanCoverage')) return null;
  return <EuropeanSummary />;
}

function EuropeanSummary() {
  const { t, i18n } = useTranslation();
  const read = useApiQuery(queryKeys.europeanCoverage(), () => api.GET('/api/portfolio/european-coverage'));
  const c = read.data;
  const nameOf = (code: string) => {
    const p = c?.partnerships.find((x) => x.partnership.code === code);
    if (!p) return code;
    return i18n.language.startsWith('en') ? p.partnership.name.en : p.partnership.name.nl;
  };
  const clusterOf = (caseId: string) => c?.partnerships.flatMap((p) => p.links).find((l) => l.caseId === caseId)?.clusterName ?? caseId;
  return (
    <section className="panel pf-section" aria-labelledby="pf-european">
      <h2 id="pf-european">{t('european.coverage.title')}</h2>
      {read.error ? <LoadError error={read.error} /> : null}
      {!c ? (
        read.error ? null : <Loading />
      ) : (
        <>
          <p>{t('european.coverage.summary', { covered: c.coveredCount, uncovered: c.uncoveredCount, overlaps: c.overlaps.length })}</p>
          {c.overlaps.length ? (
            <ul>
              {c.overlaps.map((o) => (
                <li key={o.partnershipCode}>
                  <strong>{nameOf(o.partnershipCode)}</strong>: {o.caseIds.map(clusterOf).join(', ')}
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('european.coverage.noOverlaps')}</p>
          )}
          <p>
            <Link to="/european-alignment">{t('portfolio.europeanLink')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
