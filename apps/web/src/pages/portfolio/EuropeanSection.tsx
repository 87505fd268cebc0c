import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import { OverlapList } from '../european/OverlapList';

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
  const { t } = useTranslation();
  const read = useApiQuery(queryKeys.europeanCoverage(), () => api.GET('/api/portfolio/european-coverage'));
  const c = read.data;
  return (
    <section className="panel pf-section" aria-labelledby="pf-european">
      <h2 id="pf-european">{t('european.coverage.title')}</h2>
      {read.error ? <LoadError error={read.error} /> : null}
      {!c ? (
        read.error ? null : <Loading />
      ) : (
        <>
          <p>{t('european.coverage.summary', { covered: c.coveredCount, uncovered: c.uncoveredCount, overlaps: c.overlaps.length })}</p>
          <OverlapList coverage={c} />
          <p>
            <Link to="/european-alignment">{t('portfolio.europeanLink')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
