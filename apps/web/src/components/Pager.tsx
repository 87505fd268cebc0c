import { useTranslation } from 'react-i18next';

/**
 * Previous / next over a paged API list (limit + offset), with "1–50 of 120". Each area keeps its
 * own words under `<area>.pager.*`; `label` names the navigation (unique per page for landmarks).
 */
export function Pager({ area, label, total, limit, offset, onOffset }: { area: string; label: string; total: number; limit: number; offset: number; onOffset: (offset: number) => void }) {
  const { t } = useTranslation();
  if (total <= limit && offset === 0) return null;
  const last = Math.min(offset + limit, total);
  return (
    <nav aria-label={label} className="pager">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t(`${area}.pager.previous`)}
      </button>
      <span>{t(`${area}.pager.range`, { first: total === 0 ? 0 : offset + 1, last, total })}</span>
      <button type="button" disabled={last >= total} onClick={() => onOffset(offset + limit)}>
        {t(`${area}.pager.next`)}
      </button>
    </nav>
  );
}
