import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useRequestId } from '../../../data/useRequestId';
import { TextAreaField } from '../../case/actions/form/Field';
import { FormError } from '../../../components/FieldErrors';
import { ActionStatus } from '../../case/actions/form/ActionStatus';
import { useAction } from '../../case/actions/form/useAction';
import type { Selection } from './types';

/**
 * An approver other than the proposer approves the proposed selection or sends it back, with a
 * comment either way (the same decision as on the approvals screen, through the call's endpoint).
 */
export function DecideSelectionForm({ selection, onDecided }: { selection: Selection; onDecided: () => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const request = useRequestId();
  const { busy, error, run } = useAction();

  const decide = async (decision: 'approve' | 'send_back') => {
    let answered = false;
    const done = await run(async () => {
      const answer = await api.POST('/api/call-selections/{id}/decision', { params: { path: { id: selection.id } }, body: { decision, comment }, headers: request.headers });
      answered = true;
      return answer;
    });
    // As in the proposal form: a new request id after a refusal, the same one after a lost answer.
    if (!done) {
      if (answered) request.renew();
      return;
    }
    request.renew();
    onDecided();
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-labelledby="call-decide-title" className="action-section">
      <h3 id="call-decide-title">{t('callPage.selection.decide.title')}</h3>
      <TextAreaField id="selection-comment" label={t('callPage.selection.decide.comment')} hint={t('callPage.selection.decide.commentHint')} field="comment" error={error} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      <FormError error={error && !error.fieldErrors?.length ? error : null} />
      <div className="action-buttons">
        <button type="button" disabled={busy} onClick={() => void decide('approve')}>
          {t('callPage.selection.decide.approve')}
        </button>
        <button type="button" disabled={busy} onClick={() => void decide('send_back')}>
          {t('callPage.selection.decide.sendBack')}
        </button>
      </div>
      <ActionStatus message={busy ? t('actions.busy') : null} />
    </form>
  );
}
