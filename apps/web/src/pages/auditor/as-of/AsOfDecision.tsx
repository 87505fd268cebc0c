import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';

/** The latest government decision proposal and its approval (four eyes), as they stood. */
export function AsOfDecision({ state: s }: { state: CaseAsOf }) {
  const { t } = useTranslation();
  const d = s.decision;
  return (
    <section aria-labelledby="asof-decision">
      <h5 id="asof-decision">{t('auditor.asOf.decision')}</h5>
      {!d ? (
        <p className="empty">{t('auditor.asOf.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('auditor.asOf.outcome')}</dt>
          <dd>
            {t(`auditor.decisionOutcome.${d.outcome}`)} ({t('auditor.asOf.proposalVersion', { version: d.version })})
            {d.conditions ? ` — ${d.conditions}` : ''}
          </dd>
          <dt>{t('auditor.asOf.status')}</dt>
          <dd>{t(`auditor.decisionStatus.${d.status}`)}</dd>
          <dt>{t('auditor.asOf.proposed')}</dt>
          <dd>
            <Person person={d.proposedBy} />, {formatDateTime(d.proposedAt)}
          </dd>
          <dt>{t('auditor.asOf.decided')}</dt>
          <dd>
            {d.decidedBy ? (
              <>
                <Person person={d.decidedBy} />, {formatDateTime(d.decidedAt)}
                {d.comment ? ` — ${d.comment}` : ''}
              </>
            ) : (
              '—'
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}
