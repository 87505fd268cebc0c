import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Submit roadmap" asks first: submitting freezes the version (SHA-256) and starts the quality
 * assessment, and cannot be undone. The first button gives way to the confirmation, so only one
 * submit button is on the page at a time.
 */
export function SubmitRoadmap({ busy, willSaveFirst, onConfirm }: { busy: boolean; willSaveFirst: boolean; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} disabled={busy}>
        {t('actions.roadmap.submit')}
      </button>
    );
  }
  return (
    <div className="action-confirm" role="group" aria-labelledby="roadmap-submit-question">
      <p id="roadmap-submit-question" ref={question} tabIndex={-1}>
        {t('actions.roadmap.submitConfirm')} {willSaveFirst ? t('actions.roadmap.submitSavesFirst') : null}
      </p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('actions.roadmap.submitYes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)} disabled={busy}>
        {t('actions.cancel')}
      </button>
    </div>
  );
}
