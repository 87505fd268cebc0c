import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { FormError } from '../../../../components/FieldErrors';
import { ActionStatus } from '../form/ActionStatus';
import { TextAreaField } from '../form/Field';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';

/** An assigned assessor first declares whether they have a conflict of interest with the cluster. */
export function ConflictDeclarationForm({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const { busy, error, run } = useAction();

  const declare = async (hasConflict: boolean) => {
    const body = { hasConflict, ...(note.trim() ? { note } : {}) };
    const result = await run(() => api.POST('/api/cases/{id}/assessment/conflict-declaration', { params: { path: { id: view.id } }, body }));
    if (!result) return;
    onDone(t(result.hasConflict ? 'actions.conflict.declaredConflict' : 'actions.conflict.declaredNone'));
  };

  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate aria-labelledby="conflict-title">
      <h3 id="conflict-title">{t('actions.conflict.title')}</h3>
      <p>{t('actions.conflict.intro', { cluster: view.clusterName })}</p>
      <TextAreaField id="conflict-note" label={t('actions.conflict.note')} field="note" error={error} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      <FormError error={error} />
      <div className="action-buttons">
        <button type="button" disabled={busy} onClick={() => void declare(false)}>
          {t('actions.conflict.none')}
        </button>
        <button type="button" disabled={busy} onClick={() => void declare(true)}>
          {t('actions.conflict.conflict')}
        </button>
      </div>
      <ActionStatus message={busy ? t('actions.busy') : null} />
    </form>
  );
}
