import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../../api/client';
import { FormError } from '../../../components/FieldErrors';
import { ReasonField } from './ReasonField';
import type { UserAccount } from './types';

/** Deactivation takes effect with the user's next request: the form says so and asks to confirm it. */
export function DeactivateForm({ user, onDone, onClose }: { user: UserAccount; onDone: (u: UserAccount) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/api/users/{id}/deactivation', { params: { path: { id: user.id } }, body: { reason: reason.trim() } });
    setBusy(false);
    if (data) onDone(data);
    else setError(errorOf(error));
  };

  return (
    <section aria-labelledby="deactivate-user-title" className="cp-section">
      <h2 id="deactivate-user-title">{t('people.deactivateForm.title', { name: user.displayName })}</h2>
      <p>{t('people.deactivateForm.intro', { name: user.displayName })}</p>
      <form className="cl-form pu-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error && !error.fieldErrors?.length ? error : null} />
        <ReasonField prefix="deactivate-user" value={reason} onChange={setReason} error={error} />
        <div className="cl-check">
          <input id="deactivate-user-confirm" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <label htmlFor="deactivate-user-confirm">{t('people.deactivateForm.confirm')}</label>
        </div>
        <button type="submit" disabled={busy || !confirmed}>
          {busy ? t('people.deactivateForm.busy') : t('people.deactivateForm.submit')}
        </button>{' '}
        <button type="button" onClick={onClose}>
          {t('people.close')}
        </button>
      </form>
    </section>
  );
}
