import { useTranslation } from 'react-i18next';

/** Previous / next with where the page stands in the total ("21–40 of 45"). */
export function Pager({ page, size, total, onPage }: { page: number; size: number; total: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const from = total === 0 ? 0 : page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return (
    <div className="cp-pager">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>
        {t('cases.pager.previous')}
      </button>
      <span role="status">{t('cases.pager.position', { from, to, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={to >= total}>
        {t('cases.pager.next')}
      </button>
    </div>
  );
}
