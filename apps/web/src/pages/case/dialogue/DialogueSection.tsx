import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { formatDate, formatDateTime } from '../../../format';
import type { May } from '../actions/who';
import { CaseSection, ScrollTable } from '../CaseSection';
import { OwnerDocuments } from '../documents/OwnerDocuments';
import type { CaseDocuments } from '../documents/useCaseDocuments';
import { list, openOf, text, type Open } from '../open';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';

/** The structured dialogue: each cycle's term, report, outcome, agreed actions and documents; then the closure. */
export function DialogueSection({ caseId, documents, may, onChanged }: { caseId: string; documents: CaseDocuments; may: May | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const overview = useApiQuery(queryKeys.caseDialogue(caseId), () => api.GET('/api/cases/{id}/dialogue', { params: { path: { id: caseId } } }));
  const cycles = (overview.data?.cycles ?? []).map(openOf);
  const closure = overview.data?.closure ? openOf(overview.data.closure) : null;

  return (
    <CaseSection id="dialogue" title={t('casePage.dialogue.title')} state={overview} notYet={cycles.length === 0 && !closure && t('casePage.dialogue.notYet')}>
      {() => (
        <>
          {cycles.length > 0 ? (
            <ScrollTable label={t('casePage.dialogue.cycles')}>
              <table>
                <caption className="visually-hidden">{t('casePage.dialogue.cycles')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('casePage.dialogue.cycle')}</th>
                    <th scope="col">{t('casePage.dialogue.due')}</th>
                    <th scope="col">{t('casePage.dialogue.status')}</th>
                    <th scope="col">{t('casePage.dialogue.report')}</th>
                    <th scope="col">{t('casePage.dialogue.outcome')}</th>
                    <th scope="col">{t('casePage.dialogue.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cycles.map((c, i) => (
                    <Cycle key={text(c, 'id') ?? i} cycle={c} />
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          ) : null}
          {cycles.map((c, i) => {
            const id = text(c, 'id');
            const canUpload = Boolean(may?.attachDialogueDocument) && text(c, 'status') !== 'concluded';
            if (!id || (!canUpload && documents('dialogue_cycle', id).length === 0)) return null;
            return (
              <OwnerDocuments
                key={id ?? i}
                documents={documents('dialogue_cycle', id)}
                caption={t('casePage.documents.dialogueCaption', { cycle: c.cycle })}
                idPrefix={`dialogue-${String(c.cycle)}`}
                path={`/api/cases/${caseId}/dialogue/cycles/${String(c.cycle)}/documents`}
                uploadTitle={t('casePage.documents.dialogueUpload', { cycle: c.cycle })}
                hint={t('casePage.documents.dialogueHint')}
                canUpload={canUpload}
                onUploaded={onChanged}
              />
            );
          })}
          {closure ? (
            <>
              <h3>{t('casePage.dialogue.closure')}</h3>
              <dl className="cp-facts">
                <dt>{t('casePage.dialogue.closureReason')}</dt>
                <dd>{t(`casePage.dialogue.closureReasons.${text(closure, 'reason')}`, { defaultValue: text(closure, 'reason') ?? '' })}</dd>
                <dt>{t('casePage.dialogue.closedAt')}</dt>
                <dd>{formatDateTime(text(closure, 'closedAt'))}</dd>
                <dt>{t('casePage.dialogue.explanation')}</dt>
                <dd className="cp-pre">{text(closure, 'explanation')}</dd>
                <dt>{t('casePage.dialogue.finalReport')}</dt>
                <dd className="cp-pre">{text(closure, 'finalReport')}</dd>
              </dl>
            </>
          ) : null}
        </>
      )}
    </CaseSection>
  );
}

function Cycle({ cycle: c }: { cycle: Open }) {
  const { t } = useTranslation();
  const report = c.report ? openOf(c.report) : null;
  const outcome = text(c, 'outcome');
  const actions = list(c, 'actions');
  return (
    <tr>
      <th scope="row">{String(c.cycle ?? '—')}</th>
      <td>{formatDate(text(c, 'dueAt'))}</td>
      <td>
        {t(`casePage.dialogue.statuses.${text(c, 'status')}`, { defaultValue: text(c, 'status') ?? '' })}
        {text(c, 'reportMissingAt') ? <strong className="badge"> {t('casePage.dialogue.reportMissing')}</strong> : null}
      </td>
      <td>
        {report ? (
          <>
            <span className="cp-line">
              <strong>{t('casePage.dialogue.milestoneProgress')}:</strong> {text(report, 'milestoneProgress')}
            </span>
            <span className="cp-line">
              <strong>{t('casePage.dialogue.portfolioProgress')}:</strong> {text(report, 'portfolioProgress')}
            </span>
            <span className="cp-note">{formatDateTime(text(c, 'reportedAt'))}</span>
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{outcome ? t(`casePage.dialogue.outcomes.${outcome}`, { defaultValue: outcome }) : '—'}</td>
      <td>
        {actions.length === 0 ? (
          '—'
        ) : (
          <ul className="cp-lines">
            {actions.map((a, i) => (
              <li key={i}>
                {text(a, 'description')} — {text(a, 'owner')}, {formatDate(text(a, 'dueDate'))}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
