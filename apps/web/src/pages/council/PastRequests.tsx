import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AsyncState } from '../../components/AsyncState';
import { formatDateTime } from '../../format';
import { Pager } from '../../components/Pager';
import { requestPath } from './types';
import { PAGE_SIZE, useAdviceRequests } from './useAdviceRequests';

type PastStatus = 'advised' | 'lapsed';

/** Requests this council answered, or whose term lapsed without advice (shown apart, so a lapse is never missed). */
export function PastRequests() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PastStatus>('advised');
  const [offset, setOffset] = useState(0);
  const { page, error } = useAdviceRequests(status, offset);
  return (
    <section aria-labelledby="council-past-title">
      <h2 id="council-past-title">{t('council.past.title')}</h2>
      <label htmlFor="council-past-status">{t('council.past.show')}</label>
      <select
        id="council-past-status"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as PastStatus);
          setOffset(0);
        }}
      >
        <option value="advised">{t('council.past.advised')}</option>
        <option value="lapsed">{t('council.past.lapsed')}</option>
      </select>
      <AsyncState loading={page === null} error={error} empty={page?.items.length === 0}>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t(`council.past.${status}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('council.col.case')}</th>
                <th scope="col">{t('council.col.round')}</th>
                <th scope="col">{t('council.col.due')}</th>
                <th scope="col">{t('council.col.status')}</th>
                <th scope="col">{t('council.col.position')}</th>
                <th scope="col">{t('council.col.text')}</th>
              </tr>
            </thead>
            <tbody>
              {page?.items.map((r) => (
                <tr key={r.id} className={r.status === 'lapsed' ? 'overdue' : undefined}>
                  <th scope="row">
                    <Link to={requestPath(r.id)}>{r.clusterName ?? r.caseId}</Link>
                  </th>
                  <td>{t('council.roundOf', { round: r.round, version: r.roadmapVersion })}</td>
                  <td>{formatDateTime(r.dueAt)}</td>
                  <td>
                    <strong className={`tag ${r.status === 'lapsed' ? 'late' : 'ok'}`}>{t(`council.status.${r.status}`)}</strong>
                  </td>
                  <td>{r.position ? t(`council.position.${r.position}`) : '—'}</td>
                  <td>
                    {r.adviceText ? (
                      <details>
                        <summary>{t('council.past.showText')}</summary>
                        <p>{r.adviceText}</p>
                      </details>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager area="council" label={t('council.past.pager')} total={page?.total ?? 0} limit={PAGE_SIZE} offset={offset} onOffset={setOffset} />
      </AsyncState>
    </section>
  );
}
