import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { Disclosure } from '../actions/form/Disclosure';
import { TextAreaField, TextField } from '../actions/form/Field';
import { useAction } from '../actions/form/useAction';
import type { CaseView } from '../stages';
import { linesOf, namesFromLines } from './partyLists';
import { SubmitRow } from '../actions/form/SubmitRow';

/**
 * The account manager amends who the case is about (an alliance grows, a partner leaves): the
 * whole lists, one name per line, with the reason. The API keeps before and after on the record.
 */
export function PartiesAmendmentForm({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { t } = useTranslation();
  const [leadActors, setLeadActors] = useState(() => linesOf(view.leadActors));
  const [partners, setPartners] = useState(() => linesOf(view.partners));
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const body = { leadActors: namesFromLines(leadActors), partners: namesFromLines(partners), reason };
    const result = await run(() => api.POST('/api/cases/{id}/parties/amendments', { params: { path: { id: view.id } }, body }));
    if (!result) return;
    setReason('');
    setMessage(t('casePage.parties.amended', { seq: result.seq }));
    onChanged();
  };

  return (
    <Disclosure open={false} label={t('casePage.parties.open')}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="parties-form-title" className="cp-card">
        <h3 id="parties-form-title">{t('casePage.parties.title')}</h3>
        <p className="action-hint">{t('casePage.parties.intro')}</p>
        <TextAreaField id="parties-lead-actors" label={t('casePage.leadActors')} hint={t('casePage.parties.onePerLine')} field="leadActors" error={error} rows={4} value={leadActors} onChange={(e) => setLeadActors(e.target.value)} />
        <TextAreaField id="parties-partners" label={t('casePage.partners')} hint={t('casePage.parties.onePerLine')} field="partners" error={error} rows={4} value={partners} onChange={(e) => setPartners(e.target.value)} />
        <TextField id="parties-reason" label={t('casePage.parties.reason')} field="reason" error={error} value={reason} onChange={(e) => setReason(e.target.value)} />
        <SubmitRow label={t('casePage.parties.submit')} error={error} busy={busy} message={message} />
      </form>
    </Disclosure>
  );
}
