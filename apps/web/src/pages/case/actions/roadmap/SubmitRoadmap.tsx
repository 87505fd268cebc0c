import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartForSubmission } from './roadmapDraft';

/**
 * "Submit roadmap" asks first: submitting freezes the version (SHA-256) and starts the quality
 * assessment, and cannot be undone. The first button gives way to the confirmation, so only one
 * submit button is on the page at a time. While objectives, milestones or commitments are missing
 * it says so beside the button, which waits until they are there (a draft may still be saved).
 */
export function SubmitRoadmap({ busy, willSaveFirst, gaps, onConfirm }: { busy: boolean; willSaveFirst: boolean; gaps: PartForSubmission[]; onConfirm: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);

  if (!asking || gaps.length > 0) {
    return (
      <>
        <button type="button" onClick={() => setAsking(true)} disabled={busy || gaps.length > 0} aria-describedby={gaps.length ? 'roadmap-submit-gaps' : undefined}>
          {t('actions.roadmap.submit')}
        </button>
        {gaps.length ? (
          <p id="roadmap-submit-gaps" className="action-hint">
            {t('actions.roadmap.submitNeeds', { parts: gaps.map((g) => t(`actions.roadmap.needs.${g}`)).join(', ') })}
          </p>
        ) : null}
      </>
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
