import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { FormError } from '../../components/FieldErrors';
import { formatDateTime } from '../../format';
import type { ChainVerification as Result } from './types';

/** Recomputes the case's hash chain on the server and says plainly whether it is intact, and if not, where it breaks. */
export function ChainVerification({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const verify = async () => {
    setBusy(true);
    setResult(null);
    const { data, error } = await api.GET('/api/cases/{id}/audit/verify', { params: { path: { id: caseId } } });
    setBusy(false);
    setResult(data ?? null);
    setError(error ? errorOf(error) : null);
  };

  return (
    <section aria-labelledby="verify-title">
      <h3 id="verify-title">{t('auditor.verify.title')}</h3>
      <p>{t('auditor.verify.intro')}</p>
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {t('auditor.verify.button')}
      </button>
      <div aria-live="polite">
        {busy ? <p role="status">{t('auditor.verify.busy')}</p> : null}
        <FormError error={error} />
        {result ? <VerificationResult result={result} /> : null}
      </div>
    </section>
  );
}

function VerificationResult({ result: r }: { result: Result }) {
  const { t } = useTranslation();
  return (
    <div className={`panel ${r.ok ? 'chain-ok' : 'chain-broken'}`}>
      <p>
        <strong className={`tag ${r.ok ? 'ok' : 'late'}`}>{r.ok ? t('auditor.verify.intact') : t('auditor.verify.broken')}</strong>
      </p>
      {r.firstBreak ? (
        <dl className="facts" aria-label={t('auditor.verify.firstBreak')}>
          <dt>{t('auditor.verify.breakSeq')}</dt>
          <dd>{r.firstBreak.seq}</dd>
          <dt>{t('auditor.verify.problem')}</dt>
          <dd>{t(`auditor.verify.problems.${r.firstBreak.problem}`)}</dd>
          <dt>{t('auditor.verify.explanation')}</dt>
          <dd>{r.firstBreak.explanation}</dd>
          {r.firstBreak.eventId ? (
            <>
              <dt>{t('auditor.verify.eventId')}</dt>
              <dd>
                <code className="hash">{r.firstBreak.eventId}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      <dl className="facts">
        <dt>{t('auditor.verify.checked')}</dt>
        <dd>{r.checked}</dd>
        <dt>{t('auditor.verify.head')}</dt>
        <dd>
          {r.headSeq} — <code className="hash">{r.headHash}</code>
        </dd>
        <dt>{t('auditor.verify.keptHead')}</dt>
        <dd>
          {t(`auditor.verify.kept.${r.keptHead.state}`)}
          {r.keptHead.seq != null ? (
            <>
              {' '}
              — {r.keptHead.seq} <code className="hash">{r.keptHead.hash}</code>
            </>
          ) : null}
          {r.keptHead.why ? ` (${r.keptHead.why})` : null}
        </dd>
        <dt>{t('auditor.verify.unanchored')}</dt>
        <dd>{r.unanchored}</dd>
        <dt>{t('auditor.verify.verifiedAt')}</dt>
        <dd>{formatDateTime(r.verifiedAt)}</dd>
        <dt>{t('auditor.verify.duration')}</dt>
        <dd>{t('auditor.verify.ms', { ms: r.durationMs })}</dd>
      </dl>
    </div>
  );
}
