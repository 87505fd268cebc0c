import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import type { Role } from '../../../auth/session';
import { FieldError } from '../../../components/FieldErrors';
import { localized } from '../policy/localized';
import { ROLES, type Choices } from './types';

export interface RoleValues {
  roles: Role[];
  councilCode: string;
  caseIds: string[];
}

/**
 * Roles and the bindings that go with them: a council for a council member, cases for a cluster
 * representative. The API decides whether they fit together and names the field when not.
 */
export function RoleFields({ prefix, values, onChange, choices, error }: { prefix: string; values: RoleValues; onChange: (v: RoleValues) => void; choices: Choices; error: ApiError | null }) {
  const { t, i18n } = useTranslation();
  const invalid = (field: string) => Boolean(error?.fieldErrors?.some((f) => f.field === field || f.field.startsWith(`${field}.`)));
  const described = (field: string, hint?: string) => {
    const ids = [hint ?? '', invalid(field) ? `${prefix}-${field}-error` : ''].filter(Boolean).join(' ');
    return { 'aria-describedby': ids || undefined, 'aria-invalid': invalid(field) || undefined };
  };
  const toggle = (role: Role, on: boolean) => onChange({ ...values, roles: on ? [...values.roles, role] : values.roles.filter((r) => r !== role) });
  return (
    <>
      <fieldset {...described('roles')}>
        <legend>{t('people.fields.roles')}</legend>
        {ROLES.map((role) => (
          <div key={role} className="cl-check">
            <input id={`${prefix}-role-${role}`} type="checkbox" checked={values.roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
            <label htmlFor={`${prefix}-role-${role}`}>{t(`role.${role}`)}</label>
          </div>
        ))}
        <FieldError error={error} field="roles" id={`${prefix}-roles-error`} />
      </fieldset>

      <label htmlFor={`${prefix}-councilCode`}>{t('people.fields.council')}</label>
      <select id={`${prefix}-councilCode`} value={values.councilCode} onChange={(e) => onChange({ ...values, councilCode: e.target.value })} {...described('councilCode')}>
        <option value="">{t('people.fields.noCouncil')}</option>
        {choices.councils.map((c) => (
          <option key={c.code} value={c.code}>
            {c.code} — {localized(c.name, i18n.language)}
          </option>
        ))}
      </select>
      <FieldError error={error} field="councilCode" id={`${prefix}-councilCode-error`} />

      <label htmlFor={`${prefix}-caseIds`}>{t('people.fields.cases')}</label>
      <select
        id={`${prefix}-caseIds`}
        multiple
        size={Math.min(6, Math.max(2, choices.cases.length))}
        value={values.caseIds}
        onChange={(e) => onChange({ ...values, caseIds: [...e.target.selectedOptions].map((o) => o.value) })}
        {...described('caseIds', `${prefix}-caseIds-hint`)}
      >
        {choices.cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.clusterName}
          </option>
        ))}
      </select>
      <span id={`${prefix}-caseIds-hint`} className="cl-hint">
        {t('people.fields.casesHint')}
      </span>
      <FieldError error={error} field="caseIds" id={`${prefix}-caseIds-error`} />
    </>
  );
}
