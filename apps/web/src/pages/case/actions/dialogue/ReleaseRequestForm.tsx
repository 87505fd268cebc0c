import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { AsyncState } from '../../../../components/AsyncState';
import { formatCents } from '../../../../format';
import { SelectField, TextAreaField, TextField } from '../form/Field';
import { eurosToCents } from '../form/money';
import { useAction } from '../form/useAction';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';
import type { CaseView } from '../who';
import { SubmitRow } from '../form/SubmitRow';

/** A tranche against one instrument's earmark; another budget holder approves it elsewhere. */
export function ReleaseRequestForm({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const budget = useApiQuery(queryKeys.caseBudget(view.id), () => api.GET('/api/cases/{id}/budget', { params: { path: { id: view.id } } }));
  const [instrumentCode, setInstrumentCode] = useState('');
  const [euros, setEuros] = useState('');
  const [justification, setJustification] = useState('');
  const [basis, setBasis] = useState('');
  const { busy, error, run } = useAction();
  const cents = eurosToCents(euros);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { instrumentCode, amountCents: cents, justification, basis };
    const result = await run(() => api.POST('/api/cases/{id}/budget/releases', { params: { path: { id: view.id } }, body }));
    if (result) {
      setEuros('');
      setJustification('');
      setBasis('');
      onDone(t('actions.release.requested', { amount: formatCents(body.amountCents), instrument: instrumentCode }));
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="release-title">
      <h3 id="release-title">{t('actions.release.title')}</h3>
      <AsyncState loading={budget.pending} error={budget.error}>
        <SelectField id="release-instrument" label={t('actions.release.instrument')} field="instrumentCode" error={error} value={instrumentCode} onChange={(e) => setInstrumentCode(e.target.value)}>
          <option value="">{t('actions.choose')}</option>
          {(budget.data ?? []).map((b) => (
            <option key={b.instrumentCode} value={b.instrumentCode}>
              {t('actions.release.instrumentOption', { code: b.instrumentCode, remaining: formatCents(b.remainingCents), requested: formatCents(b.requestedCents) })}
            </option>
          ))}
        </SelectField>
        <TextField id="release-amount" inputMode="decimal" label={t('actions.release.amount')} hint={Number.isNaN(cents) ? t('actions.amountHint') : formatCents(cents)} field="amountCents" error={error} value={euros} onChange={(e) => setEuros(e.target.value)} />
        <TextAreaField id="release-justification" label={t('actions.release.justification')} field="justification" error={error} rows={3} value={justification} onChange={(e) => setJustification(e.target.value)} />
        <TextField id="release-basis" label={t('actions.release.basis')} hint={t('actions.release.basisHint')} field="basis" error={error} value={basis} onChange={(e) => setBasis(e.target.value)} />
        <SubmitRow label={t('actions.release.submit')} error={error} busy={busy} />
      </AsyncState>
    </form>
  );
}
