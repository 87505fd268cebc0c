import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../../api/client';
import type { Role } from '../../../auth/session';
import { FormError } from '../../../components/FieldErrors';
import { ReasonField } from './ReasonField';
import { RoleFields, type RoleValues } from './RoleFields';
import type { Choices, UserAccount } from './types';

/** New roles and bindings for one person, with the reason; sent whole, so what is shown is what is kept. */
export function EditUserForm({ user, choices, onSaved, onClose }: { user: UserAccount; choices: Choices; onSaved: (u: UserAccount) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<RoleValues>({ roles: user.roles as Role[], councilCode: user.councilCode ?? '', caseIds: user.caseIds });
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.PATCH('/api/users/{id}', {
      params: { path: { id: user.id } },
      body: { roles: values.roles, councilCode: values.councilCode || null, caseIds: values.caseIds, reason: reason.trim() },
    });
    setBusy(false);
    if (data) onSaved(data);
    else setError(errorOf(error));
  };

  return (
    <section aria-labelledby="edit-user-title" className="cp-section">
      <h2 id="edit-user-title">{t('people.editForm.title', { name: user.displayName })}</h2>
      <form className="cl-form pu-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error && !error.fieldErrors?.length ? error : null} />
        <RoleFields prefix="edit-user" values={values} onChange={setValues} choices={choices} error={error} />
        <ReasonField prefix="edit-user" value={reason} onChange={setReason} error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('people.editForm.busy') : t('people.editForm.submit')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('people.close')}
        </button>
      </form>
    </section>
  );
}
