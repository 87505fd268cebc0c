import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './guidance.css';
import type { EuropeanNames, HandbookSection } from '../../../european/europeanNames';

/**
 * A field of the roadmap with the handbook's guidance for its section beside it (below it on a
 * narrow screen). The guidance is reference data of the case's policy version; without it the
 * field stands alone.
 */
export function WithGuidance({ section, names, children }: { section: HandbookSection; names: EuropeanNames; children: ReactNode }) {
  const { t } = useTranslation();
  const text = names.guidance(section);
  if (!text) return <>{children}</>;
  const id = `handbook-${section}`;
  return (
    <div className="roadmap-guided">
      <div className="roadmap-guided-field">{children}</div>
      <aside className="roadmap-guidance" aria-labelledby={id}>
        <h3 id={id}>{t('european.handbook.label', { section: t(`european.handbook.sections.${section}`) })}</h3>
        <p>{text}</p>
      </aside>
    </div>
  );
}
