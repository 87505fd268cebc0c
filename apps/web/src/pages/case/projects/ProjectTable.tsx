import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../CaseSection';
import { formatCents, formatDate } from '../../../format';
import type { PolicyNames } from '../usePolicyVersion';
import { servesWords, type Coverage, type Project } from './projectWords';

/** One row per project: what it is, whom it is led by, what in the roadmap it serves, money and status in words, dates. */
export function ProjectTable({ projects, coverage, names, onEdit }: { projects: Project[]; coverage: Coverage | null; names: PolicyNames; onEdit?: (project: Project) => void }) {
  const { t } = useTranslation();
  const columns = [t('projects.fields.title'), t('projects.fields.leadOrganisation'), t('projects.fields.serves'), t('projects.fields.instrument'), t('projects.fields.requested'), t('projects.fields.granted'), t('projects.fields.status'), t('projects.dates'), ...(onEdit ? [t('projects.actions')] : [])];
  // A table that scrolls on a tablet, reachable by keyboard even where no row holds a button.
  return (
    <ScrollTable label={t('projects.caption')}>
      <table>
        <caption className="visually-hidden">{t('projects.caption')}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id}>
              <th scope="row">{p.title}</th>
              <td>{p.leadOrganisation}</td>
              <td>{servesWords(t, p, coverage)}</td>
              <td>{names.instrument(p.instrumentCode)}</td>
              <td>{formatCents(p.requestedCents)}</td>
              <td>{formatCents(p.grantedCents)}</td>
              <td>{t(`projects.status.${p.status}`)}</td>
              <td>{p.startDate || p.endDate ? t('projects.dateRange', { from: formatDate(p.startDate), to: formatDate(p.endDate) }) : '—'}</td>
              {onEdit ? (
                <td>
                  {/* Named with the project (a hidden span would stick out of the scrolling table). */}
                  <button type="button" aria-label={t('projects.editLabel', { title: p.title })} onClick={() => onEdit(p)}>
                    {t('projects.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
