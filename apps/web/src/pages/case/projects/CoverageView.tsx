import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../CaseSection';
import { entryWords, type Coverage } from './projectWords';

/**
 * Which objectives and milestones of the current roadmap have a project, and which have none (or
 * only stopped ones): flagged in words and colour, with a summary at the top that the account
 * manager is addressed by (it is theirs to follow up in the dialogue).
 */
export function CoverageView({ coverage, isAccountManager }: { coverage: Coverage; isAccountManager: boolean }) {
  const { t } = useTranslation();
  const entries = [...coverage.objectives, ...coverage.milestones];
  return (
    <>
      <h3 id="project-coverage-title">{t('projects.coverage.title', { version: coverage.roadmapVersion })}</h3>
      {coverage.uncoveredCount > 0 ? (
        <div className="panel projects-uncovered" role="note" aria-label={t('projects.coverage.flagLabel')}>
          <p>
            <strong>{t('projects.coverage.uncovered', { count: coverage.uncoveredCount })}</strong>
          </p>
          {isAccountManager ? <p>{t('projects.coverage.forAccountManager')}</p> : null}
        </div>
      ) : (
        <p className="status-note">{t('projects.coverage.allCovered')}</p>
      )}
      <ScrollTable label={t('projects.coverage.caption')}>
        <table>
          <caption className="visually-hidden">{t('projects.coverage.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.coverage.entry')}</th>
              <th scope="col">{t('projects.coverage.projects')}</th>
              <th scope="col">{t('projects.coverage.state')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={`${e.kind}-${e.index}`} className={e.uncovered ? 'overdue' : undefined}>
                <th scope="row">{entryWords(t, e)}</th>
                <td>{e.projects.length === 0 ? '—' : e.projects.map((p) => t('projects.coverage.project', { title: p.title, status: t(`projects.status.${p.status}`) })).join('; ')}</td>
                <td>{e.uncovered ? <strong className="tag late">{t('projects.coverage.noProject')}</strong> : <span className="tag ok">{t('projects.coverage.covered')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {coverage.onEarlierVersion.length > 0 ? (
        <>
          <h4>{t('projects.coverage.earlierTitle')}</h4>
          <ul>
            {coverage.onEarlierVersion.map((p) => (
              <li key={p.id}>{t('projects.coverage.earlier', { title: p.title, version: p.roadmapVersion })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
