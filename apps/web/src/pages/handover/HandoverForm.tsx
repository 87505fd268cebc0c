import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { useSession, type Person } from '../../auth/session';
import { useUsersChanged } from '../../data/useInvalidate';
import { useUsers } from '../../data/useUsers';
import { FieldError, FormError } from '../../components/FieldErrors';

/**
 * Hands someone's cases (as account manager) and open tasks to a colleague in one go. A case
 * handler hands over their own; an administrator anyone's (`from` preselects whose). The API
 * refuses a colleague who assesses one of the cases' current roadmap, naming the case.
 */
export function HandoverForm({ from, onDone }: { from?: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const { user, mayForAll } = useSession();
  const admin = mayForAll('handOver');
  const users = useUsers();
  const usersChanged = useUsersChanged();
  const [fromUserId, setFromUserId] = useState(from ?? (admin ? '' : (user?.id ?? '')));
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (from) setFromUserId(from);
  }, [from]);

  const handlers = users.filter((u) => u.roles.includes('case_handler'));
  const fromOptions = admin ? users.filter((u) => u.roles.includes('case_handler') || u.id === from) : handlers.filter((u) => u.id === user?.id);
  const colleagues = handlers.filter((u) => u.active && u.id !== fromUserId);
  const nameOf = (u: Person) => (u.id === user?.id ? t('people.handover.me', { name: u.displayName }) : u.active ? u.displayName : t('people.handover.inactive', { name: u.displayName }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setNotice('');
    const { data, error } = await api.POST('/api/handovers', { body: { fromUserId, toUserId, reason: reason.trim() } });
    setBusy(false);
    if (data) {
      setError(null);
      setReason('');
      setNotice(t('people.handover.done', { count: data.caseIds.length, tasks: data.tasksMoved, name: users.find((u) => u.id === toUserId)?.displayName ?? '' }));
      usersChanged();
      onDone?.();
    } else setError(errorOf(error));
  };

  const described = (field: string) => {
    const invalid = Boolean(error?.fieldErrors?.some((f) => f.field === field));
    return { 'aria-invalid': invalid || undefined, 'aria-describedby': invalid ? `handover-${field}-error` : undefined };
  };

  return (
    <form className="cl-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('people.handover.title')}>
      <p role="status" className="status-note">
        {notice}
      </p>
      <FormError error={error && !error.fieldErrors?.length ? error : null} />
      <label htmlFor="handover-fromUserId">{t('people.handover.from')}</label>
      <select id="handover-fromUserId" value={fromUserId} onChange={(e) => setFromUserId(e.target.value)} disabled={!admin || Boolean(from)} {...described('fromUserId')}>
        {admin && !from ? <option value="">{t('people.handover.choose')}</option> : null}
        {fromOptions.map((u) => (
          <option key={u.id} value={u.id}>
            {nameOf(u)}
          </option>
        ))}
      </select>
      <FieldError error={error} field="fromUserId" id="handover-fromUserId-error" />

      <label htmlFor="handover-toUserId">{t('people.handover.to')}</label>
      <select id="handover-toUserId" value={toUserId} onChange={(e) => setToUserId(e.target.value)} required {...described('toUserId')}>
        <option value="">{t('people.handover.choose')}</option>
        {colleagues.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </select>
      <FieldError error={error} field="toUserId" id="handover-toUserId-error" />

      <label htmlFor="handover-reason">{t('people.handover.reason')}</label>
      <input id="handover-reason" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} {...described('reason')} />
      <FieldError error={error} field="reason" id="handover-reason-error" />

      <button type="submit" disabled={busy}>
        {busy ? t('people.handover.busy') : t('people.handover.submit')}
      </button>
    </form>
  );
}
