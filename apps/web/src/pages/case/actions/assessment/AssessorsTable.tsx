import { useTranslation } from 'react-i18next';
import type { Assignment } from './useAssessmentOverview';
import type { User } from './useCaseHandlers';

/** The assessors of the submitted version and how far each is. */
export function AssessorsTable({ assignments, handlers, submittedCount, requiredCount }: { assignments: Assignment[]; handlers: User[]; submittedCount: number; requiredCount: number }) {
  const { t } = useTranslation();
  const name = (id: string) => handlers.find((h) => h.id === id)?.displayName ?? id;
  return (
    <>
      <p>{t('actions.assessment.progress', { submitted: submittedCount, required: requiredCount })}</p>
      {assignments.length === 0 ? (
        <p className="empty">{t('actions.assessment.noAssessors')}</p>
      ) : (
        <table>
          <caption className="visually-hidden">{t('actions.assessment.assessorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actions.assessment.assessor')}</th>
              <th scope="col">{t('actions.assessment.status')}</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.assessorId}>
                <td>{name(a.assessorId)}</td>
                <td>{t(`actions.assessment.statuses.${a.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
