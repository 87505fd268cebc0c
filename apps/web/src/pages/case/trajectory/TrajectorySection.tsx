import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { formatCents, formatDate, formatDateTime } from '../../../format';
import { CaseSection, ScrollTable } from '../CaseSection';
import { OwnerDocuments } from '../documents/OwnerDocuments';
import type { DocumentStepProps } from '../documents/stepProps';
import { num, openOf, text, texts } from '../open';
import type { CaseView } from '../stages';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';

/** The test trajectory: the action × instrument matrix of amounts foreseen, the milestones, the evaluations. */
interface Props extends DocumentStepProps {
  view: CaseView;
}

export function TrajectorySection({ view, policy, people, documents, may, onChanged }: Props) {
  const { t } = useTranslation();
  const overview = useApiQuery(queryKeys.caseTrajectory(view.id), () => api.GET('/api/cases/{id}/trajectory', { params: { path: { id: view.id } } }));
  const milestones = (overview.data?.milestones ?? []).map(openOf);
  const matrix = openOf(overview.data?.matrix);
  const actions = texts(matrix, 'actions');
  const instruments = texts(matrix, 'instruments');
  const cells = openOf(matrix.cells);
  const cell = (action: string, instrument: string) => num(openOf(cells[action]), instrument) ?? 0;
  const evaluations = (overview.data?.evaluations ?? []).map(openOf);
  const now = Date.now();

  return (
    <CaseSection id="trajectory" title={t('casePage.trajectory.title')} state={overview} notYet={milestones.length === 0 && t('casePage.trajectory.notYet')}>
      {() => (
        <>
          {view.pilot ? <p className="cp-badge">{t('casePage.trajectory.pilot')}</p> : null}
          <h3>{t('casePage.trajectory.matrix')}</h3>
          <ScrollTable label={t('casePage.trajectory.matrix')}>
            <table className="cp-matrix">
              <caption className="visually-hidden">{t('casePage.trajectory.matrixCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('casePage.trajectory.action')}</th>
                  {instruments.map((i) => (
                    <th scope="col" key={i} className="cp-num">
                      {policy.instrument(i)}
                    </th>
                  ))}
                  <th scope="col" className="cp-num">
                    {t('casePage.trajectory.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a}>
                    <th scope="row">{a}</th>
                    {instruments.map((i) => (
                      <td key={i} className="cp-num">
                        {cell(a, i) ? formatCents(cell(a, i)) : '—'}
                      </td>
                    ))}
                    <td className="cp-num">{formatCents(instruments.reduce((sum, i) => sum + cell(a, i), 0))}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('casePage.trajectory.total')}</th>
                  {instruments.map((i) => (
                    <td key={i} className="cp-num">
                      {formatCents(actions.reduce((sum, a) => sum + cell(a, i), 0))}
                    </td>
                  ))}
                  <td className="cp-num">{formatCents(actions.reduce((sum, a) => sum + instruments.reduce((s, i) => s + cell(a, i), 0), 0))}</td>
                </tr>
              </tfoot>
            </table>
          </ScrollTable>

          <h3>{t('casePage.trajectory.milestones')}</h3>
          <ScrollTable label={t('casePage.trajectory.milestones')}>
            <table>
              <caption className="visually-hidden">{t('casePage.trajectory.milestones')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('casePage.trajectory.action')}</th>
                  <th scope="col">{t('casePage.trajectory.instrument')}</th>
                  <th scope="col" className="cp-num">
                    {t('casePage.trajectory.amount')}
                  </th>
                  <th scope="col">{t('casePage.trajectory.due')}</th>
                  <th scope="col">{t('casePage.trajectory.status')}</th>
                  <th scope="col">{t('casePage.trajectory.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {milestones.map((m, i) => {
                  const met = text(m, 'status') === 'met';
                  const due = text(m, 'dueAt');
                  const overdue = !met && due !== null && new Date(due).getTime() < now;
                  return (
                    <tr key={text(m, 'id') ?? i} className={overdue ? 'overdue' : undefined}>
                      <td>{text(m, 'action')}</td>
                      <td>{policy.instrument(text(m, 'instrumentCode') ?? '')}</td>
                      <td className="cp-num">{formatCents(num(m, 'amountForeseenCents'))}</td>
                      <td>{formatDate(due)}</td>
                      <td>
                        {met ? t('casePage.trajectory.met', { date: formatDate(text(m, 'metAt')) }) : t('casePage.trajectory.planned')}
                        {overdue ? <strong className="badge"> {t('casePage.overdue')}</strong> : null}
                      </td>
                      <td>
                        {text(m, 'evidence') ?? '—'}
                        {text(m, 'evidenceBy') && people.name(text(m, 'evidenceBy')) ? <span className="cp-note">{people.name(text(m, 'evidenceBy'))}</span> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollTable>

          {milestones.map((m, i) => {
            const id = text(m, 'id');
            const canUpload = Boolean(may?.attachMilestoneDocument);
            if (!id || (!canUpload && documents('trajectory_milestone', id).length === 0)) return null;
            const name = text(m, 'action') ?? String(i + 1);
            return (
              <OwnerDocuments
                key={id}
                documents={documents('trajectory_milestone', id)}
                caption={t('casePage.documents.milestoneCaption', { milestone: name })}
                idPrefix={`milestone-${i}`}
                path={`/api/cases/${view.id}/trajectory/milestones/${id}/documents`}
                uploadTitle={t('casePage.documents.milestoneUpload', { milestone: name })}
                hint={t('casePage.documents.milestoneHint')}
                canUpload={canUpload}
                onUploaded={onChanged}
              />
            );
          })}

          <h3>{t('casePage.trajectory.evaluations')}</h3>
          {evaluations.length === 0 ? (
            <p className="empty">{t('casePage.trajectory.noEvaluation')}</p>
          ) : (
            <ul>
              {evaluations.map((e, i) => (
                <li key={text(e, 'id') ?? i}>
                  <strong>{t(`casePage.trajectory.outcomes.${text(e, 'outcome')}`, { defaultValue: text(e, 'outcome') ?? '' })}</strong> — {formatDateTime(text(e, 'evaluatedAt'))}
                  {people.name(text(e, 'evaluatedBy')) ? `, ${people.name(text(e, 'evaluatedBy'))}` : null}
                  <p className="cp-note cp-pre">{text(e, 'evaluation')}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </CaseSection>
  );
}
