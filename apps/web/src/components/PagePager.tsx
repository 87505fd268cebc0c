import { useTranslation } from 'react-i18next';

/**
 * Previous / next over numbered pages, with where the page stands in the total ("21–40 of 45").
 * Each area keeps its own words under `<area>.pager.*`; `announce` makes the position a live
 * status (off where the screen already has its own status line).
 */
export function PagePager({ area, page, size, total, onPage, announce = true }: { area: string; page: number; size: number; total: number; onPage: (page: number) => void; announce?: boolean }) {
  const { t } = useTranslation();
  const from = total === 0 ? 0 : page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return (
    <div className="cp-pager">
      <button type="button" onClick={() => onPage(page - 1)} disabled={page === 0}>
        {t(`${area}.pager.previous`)}
      </button>
      <span role={announce ? 'status' : undefined}>{t(`${area}.pager.position`, { from, to, total })}</span>
      <button type="button" onClick={() => onPage(page + 1)} disabled={to >= total}>
        {t(`${area}.pager.next`)}
      </button>
    </div>
  );
}
