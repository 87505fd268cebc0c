import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import { FieldError } from '../../../../components/FieldErrors';
import { describedBy, onlyField } from '../form/fieldErrors';
import { SelectField, TextField } from '../form/Field';
import { row, type Row } from '../form/rows';
import type { EuropeanNames, Partnership } from '../../../european/europeanNames';

export interface EuropeanLinkRow {
  partnershipCode: string;
  nature: string;
  note: string;
}

const KINDS = ['s3_thematic_platform', 'eit_kic', 'horizon_europe_partnership', 'ipcei', 'other'] as const;

/**
 * The roadmap's links to European strategic partnerships (criterion 2): per row a partnership of
 * the case's reference data (grouped by kind), the nature of the link and a note. The API checks
 * each against the case's policy version and answers per row and field.
 */
export function EuropeanLinksField({ rows, onChange, error, names }: { rows: Row<EuropeanLinkRow>[]; onChange: (rows: Row<EuropeanLinkRow>[]) => void; error: ApiError | null; names: EuropeanNames }) {
  const { t, i18n } = useTranslation();
  const say = (p: Partnership) => (i18n.language.startsWith('en') ? p.name.en : p.name.nl);
  const change = (key: number, patch: Partial<EuropeanLinkRow>) => onChange(rows.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const groups = KINDS.map((kind) => ({ kind, items: names.partnerships.filter((p) => p.kind === kind).sort((a, b) => say(a).localeCompare(say(b))) })).filter((g) => g.items.length);
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'europeanLinks'), 'europeanLinks', 'roadmap-european-links-error')}>
      <legend>{t('european.editor.links.legend')}</legend>
      {names.partnerships.length === 0 ? <p className="action-hint">{t('european.editor.links.none')}</p> : null}
      {names.partnerships.length > 0 && rows.length === 0 ? <p className="action-hint">{t('actions.roadmap.noRows')}</p> : null}
      {rows.map((r, i) => {
        const n = i + 1;
        const known = names.partnerships.some((p) => p.code === r.partnershipCode);
        return (
          <div key={r.key} className="action-row european-link-row">
            <SelectField id={`roadmap-european-${r.key}-partnership`} label={t('european.editor.links.partnership', { n })} field={`europeanLinks.${i}.partnershipCode`} error={error} value={r.partnershipCode} onChange={(e) => change(r.key, { partnershipCode: e.target.value })}>
              <option value="">{t('european.editor.links.choose')}</option>
              {/* A link saved under codes this version does not know stays visible, so it can be replaced. */}
              {r.partnershipCode && !known ? <option value={r.partnershipCode}>{names.partnership(r.partnershipCode)}</option> : null}
              {groups.map((g) => (
                <optgroup key={g.kind} label={t(`european.kinds.${g.kind}`)}>
                  {g.items.map((p) => (
                    <option key={p.code} value={p.code}>
                      {say(p)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
            <SelectField id={`roadmap-european-${r.key}-nature`} label={t('european.editor.links.nature', { n })} field={`europeanLinks.${i}.nature`} error={error} value={r.nature} onChange={(e) => change(r.key, { nature: e.target.value })}>
              <option value="">{t('european.editor.links.chooseNature')}</option>
              {names.natures.map((nature) => (
                <option key={nature.code} value={nature.code}>
                  {names.nature(nature.code)}
                </option>
              ))}
            </SelectField>
            <TextField id={`roadmap-european-${r.key}-note`} label={t('european.editor.links.note', { n })} field={`europeanLinks.${i}.note`} error={error} value={r.note} onChange={(e) => change(r.key, { note: e.target.value })} />
            <button type="button" className="action-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t('actions.roadmap.remove', { item: t('european.editor.links.item', { n }) })}
            </button>
          </div>
        );
      })}
      {names.partnerships.length > 0 ? (
        <button type="button" onClick={() => onChange([...rows, row({ partnershipCode: '', nature: '', note: '' })])}>
          {t('european.editor.links.add')}
        </button>
      ) : null}
      <FieldError error={onlyField(error, 'europeanLinks')} field="europeanLinks" id="roadmap-european-links-error" />
    </fieldset>
  );
}
