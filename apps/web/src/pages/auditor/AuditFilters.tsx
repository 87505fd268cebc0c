import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { FieldError } from '../../components/FieldErrors';
import { NO_FILTERS, type AuditFilterValues, type User } from './types';

/**
 * Filters of an audit list: action or family ("advice."), actor, (organisation), and a period of
 * Brussels dates. `idPrefix` keeps ids unique when two lists are on one page.
 */
export function AuditFilters({ idPrefix, users, withOrganisation, error, onApply }: { idPrefix: string; users: User[]; withOrganisation?: boolean; error: ApiError | null; onApply: (f: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<AuditFilterValues>(NO_FILTERS);
  const set = (key: keyof AuditFilterValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const id = (name: string) => `${idPrefix}-${name}`;
  const invalid = (field: string) => Boolean(error?.fieldErrors?.some((f) => f.field === field));
  const described = (field: string, hint?: string) => [hint, invalid(field) ? id(`${field}-error`) : undefined].filter(Boolean).join(' ') || undefined;
  const organisations = [...new Set(users.map((u) => u.organisation))].sort();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(values);
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('auditor.filters.label')}>
      <div className="filters">
        <div>
          <label htmlFor={id('action')}>{t('auditor.filters.action')}</label>
          <input id={id('action')} value={values.action} onChange={set('action')} placeholder="advice." aria-describedby={described('action', id('action-hint'))} aria-invalid={invalid('action') || undefined} />
          <span id={id('action-hint')} className="hint">
            {t('auditor.filters.actionHint')}
          </span>
          <FieldError error={error} field="action" id={id('action-error')} />
        </div>
        <div>
          <label htmlFor={id('actor')}>{t('auditor.filters.actor')}</label>
          <select id={id('actor')} value={values.actorId} onChange={set('actorId')} aria-describedby={described('actorId')}>
            <option value="">{t('auditor.filters.anyone')}</option>
            <option value="system">{t('auditor.filters.system')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName} — {u.organisation}
              </option>
            ))}
          </select>
          <FieldError error={error} field="actorId" id={id('actorId-error')} />
        </div>
        {withOrganisation ? (
          <div>
            <label htmlFor={id('organisation')}>{t('auditor.filters.organisation')}</label>
            <input id={id('organisation')} list={id('organisations')} value={values.organisation} onChange={set('organisation')} aria-describedby={described('organisation')} aria-invalid={invalid('organisation') || undefined} />
            <datalist id={id('organisations')}>
              {organisations.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
            <FieldError error={error} field="organisation" id={id('organisation-error')} />
          </div>
        ) : null}
        <div>
          <label htmlFor={id('from')}>{t('auditor.filters.from')}</label>
          <input id={id('from')} type="date" value={values.from} onChange={set('from')} aria-describedby={described('from')} aria-invalid={invalid('from') || undefined} />
          <FieldError error={error} field="from" id={id('from-error')} />
        </div>
        <div>
          <label htmlFor={id('until')}>{t('auditor.filters.until')}</label>
          <input id={id('until')} type="date" value={values.until} onChange={set('until')} aria-describedby={described('to')} aria-invalid={invalid('to') || undefined} />
          <FieldError error={error} field="to" id={id('to-error')} />
        </div>
        <div>
          <button type="submit">{t('auditor.filters.apply')}</button>{' '}
          <button
            type="button"
            onClick={() => {
              setValues(NO_FILTERS);
              onApply(NO_FILTERS);
            }}
          >
            {t('auditor.filters.clear')}
          </button>
        </div>
      </div>
    </form>
  );
}
