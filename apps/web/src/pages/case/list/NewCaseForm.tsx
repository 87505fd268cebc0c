import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../../api/client';
import type { Person } from '../../../auth/session';
import { FieldError, FormError } from '../../../components/FieldErrors';
import { useCaseCreated } from '../../../data/useInvalidate';

/** Names typed as one line, separated by commas ("Catalisti vzw, BASF Antwerpen"). */
const namesOf = (line: string): string[] =>
  line
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);

/**
 * Opens a case (case handlers): cluster, domain, lead actors, partners and the account manager,
 * by default the signed-in case handler. The API's messages appear beside the fields; on success
 * the new case opens.
 */
export function NewCaseForm({ me, handlers }: { me: Person; handlers: Person[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const caseCreated = useCaseCreated();
  const [clusterName, setClusterName] = useState('');
  const [domain, setDomain] = useState('');
  const [leadActors, setLeadActors] = useState('');
  const [partners, setPartners] = useState('');
  const [accountManagerId, setAccountManagerId] = useState(me.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const managers = handlers.some((h) => h.id === me.id) ? handlers : [me, ...handlers];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { data, error } = await api.POST('/api/cases', {
        body: { clusterName: clusterName.trim(), domain: domain.trim(), leadActors: namesOf(leadActors), partners: namesOf(partners), accountManagerId },
      });
      if (data) {
        caseCreated();
        navigate(`/cases/${data.id}`);
      }
      else setError(errorOf(error));
    } catch (e) {
      setError({ message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  // A field's hint and the API's message for it, both read out with the field.
  const described = (field: string, hint?: boolean) => {
    const ids = [hint ? `new-case-${field}-hint` : '', error?.fieldErrors?.some((f) => f.field === field || f.field.startsWith(`${field}.`)) ? `new-case-${field}-error` : ''].filter(Boolean);
    return { 'aria-describedby': ids.join(' ') || undefined, 'aria-invalid': ids.some((i) => i.endsWith('-error')) || undefined };
  };

  return (
    <section aria-labelledby="new-case-title" className="cp-section">
      <h2 id="new-case-title">{t('cases.new.title')}</h2>
      <form className="cl-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError error={error} />
        <label htmlFor="new-case-clusterName">{t('cases.new.clusterName')}</label>
        <input id="new-case-clusterName" value={clusterName} onChange={(e) => setClusterName(e.target.value)} required {...described('clusterName')} />
        <FieldError error={error} field="clusterName" id="new-case-clusterName-error" />

        <label htmlFor="new-case-domain">{t('cases.new.domain')}</label>
        <input id="new-case-domain" value={domain} onChange={(e) => setDomain(e.target.value)} required {...described('domain')} />
        <FieldError error={error} field="domain" id="new-case-domain-error" />

        <label htmlFor="new-case-leadActors">{t('cases.new.leadActors')}</label>
        <input id="new-case-leadActors" value={leadActors} onChange={(e) => setLeadActors(e.target.value)} required {...described('leadActors', true)} />
        <span id="new-case-leadActors-hint" className="cl-hint">
          {t('cases.new.commaHint')}
        </span>
        <FieldError error={error} field="leadActors" id="new-case-leadActors-error" />

        <label htmlFor="new-case-partners">{t('cases.new.partners')}</label>
        <input id="new-case-partners" value={partners} onChange={(e) => setPartners(e.target.value)} {...described('partners', true)} />
        <span id="new-case-partners-hint" className="cl-hint">
          {t('cases.new.commaHint')}
        </span>
        <FieldError error={error} field="partners" id="new-case-partners-error" />

        <label htmlFor="new-case-accountManagerId">{t('cases.new.accountManager')}</label>
        <select id="new-case-accountManagerId" value={accountManagerId} onChange={(e) => setAccountManagerId(e.target.value)} {...described('accountManagerId')}>
          {managers.map((h) => (
            <option key={h.id} value={h.id}>
              {h.id === me.id ? t('cases.new.me', { name: h.displayName }) : h.displayName}
            </option>
          ))}
        </select>
        <FieldError error={error} field="accountManagerId" id="new-case-accountManagerId-error" />

        <p>
          <button type="submit" disabled={busy}>
            {t('cases.new.submit')}
          </button>
          {busy ? (
            <span role="status" className="cl-hint">
              {t('cases.new.busy')}
            </span>
          ) : null}
        </p>
      </form>
    </section>
  );
}
