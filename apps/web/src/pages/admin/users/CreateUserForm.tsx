import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../../api/client';
import { FieldError, FormError } from '../../../components/FieldErrors';
import { ReasonField } from './ReasonField';
import { RoleFields, type RoleValues } from './RoleFields';
import type { Choices, UserAccount } from './types';

const EMPTY: RoleValues = { roles: [], councilCode: '', caseIds: [] };

/** A new person: who they are (subject, name, e-mail, organisation), their roles and bindings, and why. */
export function CreateUserForm({ choices, onCreated }: { choices: Choices; onCreated: (u: UserAccount) => void }) {
  const { t } = useTranslation();
  const [who, setWho] = useState({ subject: '', displayName: '', email: '', organisation: '' });
  const [roles, setRoles] = useState<RoleValues>(EMPTY);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/api/users', {
      body: {
        subject: who.subject.trim(),
        displayName: who.displayName.trim(),
        email: who.email.trim(),
        organisation: who.organisation.trim(),
        roles: roles.roles,
        ...(roles.councilCode ? { councilCode: roles.councilCode } : {}),
        ...(roles.caseIds.length ? { caseIds: roles.caseIds } : {}),
        reason: reason.trim(),
      },
    });
    setBusy(false);
    if (data) {
      setError(null);
      setWho({ subject: '', displayName: '', email: '', organisation: '' });
      setRoles(EMPTY);
      setReason('');
      onCreated(data);
    } else setError(errorOf(error));
  };

  const field = (name: keyof typeof who, type = 'text') => {
    const invalid = Boolean(error?.fieldErrors?.some((f) => f.field === name));
    return (
      <>
        <label htmlFor={`new-user-${name}`}>{t(`people.fields.${name}`)}</label>
        <input
          id={`new-user-${name}`}
          type={type}
          value={who[name]}
          onChange={(e) => setWho({ ...who, [name]: e.target.value })}
          required
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `new-user-${name}-error` : undefined}
        />
        <FieldError error={error} field={name} id={`new-user-${name}-error`} />
      </>
    );
  };

  return (
    <section aria-labelledby="new-user-title" className="cp-section">
      <h2 id="new-user-title">{t('people.create.title')}</h2>
      <form className="cl-form pu-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error && !error.fieldErrors?.length ? error : null} />
        {field('subject')}
        {field('displayName')}
        {field('email', 'email')}
        {field('organisation')}
        <RoleFields prefix="new-user" values={roles} onChange={setRoles} choices={choices} error={error} />
        <ReasonField prefix="new-user" value={reason} onChange={setReason} error={error} />
        <button type="submit" disabled={busy}>
          {busy ? t('people.create.busy') : t('people.create.submit')}
        </button>
      </form>
    </section>
  );
}
