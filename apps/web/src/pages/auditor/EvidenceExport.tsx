import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../../api/client';
import { FormError } from '../../components/FieldErrors';
import { Loading } from '../../components/Loading';
import { downloadWithToken } from '../../api/download';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import type { SigningKey } from './types';

/**
 * The evidence for outside the application: the signed bundle (JSON Lines, Ed25519) and the CSV
 * timeline, plus the server's key fingerprint to pin when verifying a bundle offline.
 */
export function EvidenceExport({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<'bundle' | 'csv' | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const key: SigningKey | null = useApiQuery(queryKeys.auditSigningKey(), () => api.GET('/api/audit/signing-key'), { staleTime: Infinity }).data;

  const download = async (kind: 'bundle' | 'csv') => {
    setBusy(kind);
    setError(null);
    setDone('');
    const [path, name] = kind === 'bundle' ? [`/api/cases/${caseId}/audit/export`, `case-${caseId}-evidence.jsonl`] : [`/api/cases/${caseId}/audit/export.csv`, `case-${caseId}-audit.csv`];
    const failed = await downloadWithToken(path, name);
    setBusy(null);
    if (failed) setError(failed);
    else setDone(t('auditor.export.saved', { name }));
  };

  return (
    <section aria-labelledby="export-title">
      <h3 id="export-title">{t('auditor.export.title')}</h3>
      <p>{t('auditor.export.intro')}</p>
      <div className="form-actions">
        <button type="button" disabled={busy !== null} onClick={() => void download('bundle')}>
          {t('auditor.export.bundle')}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void download('csv')}>
          {t('auditor.export.csv')}
        </button>
      </div>
      <p role="status">{busy ? t('auditor.export.busy') : done}</p>
      <FormError error={error} />
      <h4>{t('auditor.export.keyTitle')}</h4>
      {key ? (
        <dl className="facts">
          <dt>{t('auditor.export.algorithm')}</dt>
          <dd>{key.algorithm}</dd>
          <dt>{t('auditor.export.fingerprint')}</dt>
          <dd>
            <code className="hash">{key.fingerprint}</code>
          </dd>
          <dt>{t('auditor.export.publicKey')}</dt>
          <dd>
            <pre className="payload">{key.publicKeyPem}</pre>
          </dd>
        </dl>
      ) : (
        <Loading />
      )}
      <p className="hint">{t('auditor.export.verifyHint', { fingerprint: key?.fingerprint ?? '<fingerprint>' })}</p>
    </section>
  );
}
