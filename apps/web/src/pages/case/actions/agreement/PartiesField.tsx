import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { FieldError } from '../../../../components/FieldErrors';
import { SelectField, TextField } from '../form/Field';
import { describedBy, onlyField } from '../form/fieldErrors';
import { row, type Row } from '../form/rows';
import { PARTY_KINDS, partyIdOf, type PartyRow } from './agreementDraft';
import { PartyCommitmentsField } from './PartyCommitmentsField';

type User = components['schemas']['UserSummaryDto'];

/** The parties: kind, name, the authorised representative who signs for each, and what each commits to. */
export function PartiesField({ rows, users, onChange, error }: { rows: Row<PartyRow>[]; users: User[]; onChange: (rows: Row<PartyRow>[]) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<PartyRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'parties'), 'parties', 'agreement-parties-error')}>
      <legend>{t('actions.agreement.parties')}</legend>
      {rows.map((r, i) => {
        const n = i + 1;
        return (
          <div key={r.key} className="action-item">
            <SelectField id={`party-${r.key}-kind`} label={t('actions.agreement.partyKind', { n })} field={`parties.${i}.kind`} error={error} value={r.kind} onChange={(e) => change(r.key, { kind: e.target.value as PartyRow['kind'] })}>
              {PARTY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`actions.agreement.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
            <TextField id={`party-${r.key}-name`} label={t('actions.agreement.partyName', { n })} hint={t('actions.agreement.partyId', { id: partyIdOf(r.name) || '—' })} field={`parties.${i}.name`} error={error} value={r.name} onChange={(e) => change(r.key, { name: e.target.value })} />
            <FieldError error={error} field={`parties.${i}.partyId`} id={`party-${r.key}-id-error`} />
            <SelectField id={`party-${r.key}-rep`} label={t('actions.agreement.representative', { n })} field={`parties.${i}.representativeUserId`} error={error} value={r.representativeUserId} onChange={(e) => change(r.key, { representativeUserId: e.target.value })}>
              <option value="">{t('actions.choose')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName} ({u.organisation})
                </option>
              ))}
            </SelectField>
            <PartyCommitmentsField party={n} index={i} rows={r.commitments} onChange={(commitments) => change(r.key, { commitments })} error={error} />
            <button type="button" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t('actions.agreement.removeParty', { n })}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, row({ kind: 'lead_actor', name: '', representativeUserId: '', commitments: [] })])}>
        {t('actions.agreement.addParty')}
      </button>
      <FieldError error={onlyField(error, 'parties')} field="parties" id="agreement-parties-error" />
    </fieldset>
  );
}
