import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A SHA-256 shortened to its first 12 hex digits (enough to compare by eye), the full hash in the
 * title and in data-sha256, and a button that copies the full hash (what a citation binds to).
 */
export function Sha256({ hash }: { hash: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => void navigator.clipboard?.writeText(hash).then(() => setCopied(true), () => setCopied(false));
  return (
    <span className="sha256">
      <code className="hash" title={hash} data-sha256={hash}>
        {hash.slice(0, 12)}…
      </code>{' '}
      <button type="button" onClick={copy}>
        {copied ? t('documents.copied') : t('documents.copy')}
        <span className="visually-hidden"> {t('documents.fullHash', { hash })}</span>
      </button>
    </span>
  );
}
