import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { HandoverForm } from './handover/HandoverForm';
import './case/case.css';

/** Handover for case handlers (their own cases) and administrators (anyone's; `?from=` preselects). */
export function HandoverPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <section aria-labelledby="handover-title">
      <h1 id="handover-title">{t('people.handover.title')}</h1>
      <p>{t('people.handover.intro')}</p>
      <HandoverForm from={params.get('from') ?? undefined} />
    </section>
  );
}
