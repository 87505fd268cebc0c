import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { FormError } from '../../components/FieldErrors';
import { Sha256 } from '../../components/Sha256';
import { formatDateTime } from '../../format';
import { downloadWithToken } from '../../api/download';
import type { AdviceDocument } from './types';

const size = new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 1 });
const kilobytes = (bytes: number) => `${size.format(bytes / 1024)} kB`;

/**
 * Documents with their SHA-256 (what a signature or a citation binds to) and a download each: in
 * full, or with `short` shortened (full hash in its title, copyable) where the table sits in a card.
 */
export function DocumentTable({ documents, caption, short = false }: { documents: AdviceDocument[]; caption: string; short?: boolean }) {
  const { t } = useTranslation();
  const [error, setError] = useState<ApiError | null>(null);
  if (documents.length === 0) return <p className="empty">{t('council.request.noDocuments')}</p>;
  return (
    <>
      <FormError error={error} />
      <div className="table-scroll">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('council.request.fileName')}</th>
              <th scope="col">{t('council.request.size')}</th>
              <th scope="col">{t('council.request.uploadedAt')}</th>
              <th scope="col">{t('council.request.sha256')}</th>
              <th scope="col">{t('council.col.action')}</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.fileName}</th>
                <td>{kilobytes(d.sizeBytes)}</td>
                <td>{formatDateTime(d.uploadedAt)}</td>
                <td>
                  {short ? <Sha256 hash={d.sha256} /> : <code className="hash">{d.sha256}</code>}
                </td>
                <td>
                  <button type="button" onClick={() => void downloadWithToken(d.downloadUrl, d.fileName).then(setError)}>
                    {t('council.request.download')}
                    <span className="visually-hidden"> {d.fileName}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
