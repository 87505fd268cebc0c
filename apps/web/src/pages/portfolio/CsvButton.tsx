import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { downloadWithToken } from '../../api/download';
import { FormError } from '../../components/FieldErrors';
import { queryString } from './usePortfolioFilter';
import type { PortfolioQuery, PortfolioSection } from './types';

/** Downloads one section as CSV for Excel, with the filter on screen. */
export function CsvButton({ section, query }: { section: PortfolioSection; query: PortfolioQuery }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const name = `portfolio-${section}.csv`;
  const download = async () => {
    setBusy(true);
    setError(null);
    const qs = queryString(query);
    const failed = await downloadWithToken(`/api/portfolio/export?section=${section}${qs ? `&${qs}` : ''}`, name);
    setBusy(false);
    setError(failed);
    setDone(failed ? '' : t('portfolio.csv.saved', { name }));
  };
  return (
    <div className="pf-csv">
      <button type="button" disabled={busy} onClick={() => void download()}>
        {t('portfolio.csv.download', { section: t(`portfolio.${section}.title`) })}
      </button>
      <span role="status" className="hint">
        {busy ? t('portfolio.csv.busy') : done}
      </span>
      <FormError error={error} />
    </div>
  );
}
