import { useTranslation } from 'react-i18next';
import type { components } from '../../api/schema';

type Coverage = components['schemas']['EuropeanCoverageDto'];

/** The partnerships two or more clusters link to, each with those clusters: the alignment screen and the overview both show it. */
export function OverlapList({ coverage: c }: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const nameOf = (code: string) => {
    const p = c.partnerships.find((x) => x.partnership.code === code);
    if (!p) return code;
    return i18n.language.startsWith('en') ? p.partnership.name.en : p.partnership.name.nl;
  };
  const clusterOf = (caseId: string) => c.partnerships.flatMap((p) => p.links).find((l) => l.caseId === caseId)?.clusterName ?? caseId;
  if (!c.overlaps.length) return <p className="empty">{t('european.coverage.noOverlaps')}</p>;
  return (
    <ul>
      {c.overlaps.map((o) => (
        <li key={o.partnershipCode}>
          <strong>{nameOf(o.partnershipCode)}</strong>: {o.caseIds.map(clusterOf).join(', ')}
        </li>
      ))}
    </ul>
  );
}
