import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import type { components } from '../../../api/schema';
import { FormError } from '../../../components/FieldErrors';
import { Sha256 } from '../../../components/Sha256';
import { formatDate, formatDateTime } from '../../../format';
import { downloadWithToken } from '../../../api/download';
import type { UserNames } from '../useUserNames';

export type GovernmentDecisionRecord = components['schemas']['GovernmentDecisionDto'];

/** The government's decision as recorded, oldest first; a correction says which record it supersedes and why. */
export function GovernmentDecisions({ records, people }: { records: GovernmentDecisionRecord[]; people: UserNames }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  const numberOf = (id: string | null) => records.find((r) => r.id === id)?.number ?? '—';
  return (
    <>
      <h3>{t('casePage.decision.government.recorded')}</h3>
      <FormError error={error} />
      <ul className="cp-lines">
        {records.map((r) => (
          <li key={r.id} className="cp-card" aria-label={r.number}>
            <dl className="cp-facts">
              <dt>{t('casePage.decision.government.number')}</dt>
              <dd>
                {r.number}
                {r.current ? null : <strong className="badge"> {t('casePage.decision.government.superseded')}</strong>}
              </dd>
              <dt>{t('casePage.decision.government.decidedOn')}</dt>
              <dd>{formatDate(r.decidedOn)}</dd>
              <dt>{t('casePage.decision.government.recordedBy')}</dt>
              <dd>
                {people.name(r.recordedBy) ?? '—'}, {formatDateTime(r.recordedAt)}
              </dd>
              {r.supersedesId ? (
                <>
                  <dt>{t('casePage.decision.government.corrects')}</dt>
                  <dd>
                    {numberOf(r.supersedesId)}: “{r.correctionReason}”
                  </dd>
                </>
              ) : null}
              <dt>{t('casePage.decision.government.document')}</dt>
              <dd>
                {r.document.fileName} <Sha256 hash={r.document.sha256} />{' '}
                <button type="button" onClick={() => void downloadWithToken(r.document.downloadUrl, r.document.fileName).then(setError)}>
                  {t('council.request.download')}
                  <span className="visually-hidden"> {r.document.fileName}</span>
                </button>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
