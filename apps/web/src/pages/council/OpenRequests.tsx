import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AsyncState } from '../../components/AsyncState';
import { formatDate, formatDateTime } from '../../format';
import { Pager } from '../../components/Pager';
import { RemainingDays } from './RemainingDays';
import { requestPath, termPassed } from './types';
import { PAGE_SIZE, useAdviceRequests } from './useAdviceRequests';

/** Requests still waiting on this council's advice, nearest term first; each opens its own view (advice is given there while the term runs). */
export function OpenRequests() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const { page, error } = useAdviceRequests('open', offset);
  return (
    <section aria-labelledby="council-open-title">
      <h2 id="council-open-title">{t('council.open.title')}</h2>
      <AsyncState loading={page === null} error={error} empty={page?.items.length === 0}>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('council.open.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('council.col.case')}</th>
                <th scope="col">{t('council.col.round')}</th>
                <th scope="col">{t('council.col.requestedAt')}</th>
                <th scope="col">{t('council.col.due')}</th>
                <th scope="col">{t('council.col.remaining')}</th>
                <th scope="col">{t('council.col.action')}</th>
              </tr>
            </thead>
            <tbody>
              {page?.items.map((r) => (
                <tr key={r.id} className={termPassed(r) ? 'overdue' : undefined}>
                  <th scope="row">{r.clusterName ?? r.caseId}</th>
                  <td>{t('council.roundOf', { round: r.round, version: r.roadmapVersion })}</td>
                  <td>{formatDate(r.requestedAt)}</td>
                  <td>{formatDateTime(r.dueAt)}</td>
                  <td>
                    <RemainingDays request={r} />
                  </td>
                  <td>
                    <Link to={requestPath(r.id)}>
                      {termPassed(r) ? t('council.open.read') : t('council.open.give')}
                      <span className="visually-hidden"> {t('council.open.giveFor', { name: r.clusterName ?? r.caseId })}</span>
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager area="council" label={t('council.open.pager')} total={page?.total ?? 0} limit={PAGE_SIZE} offset={offset} onOffset={setOffset} />
      </AsyncState>
    </section>
  );
}
