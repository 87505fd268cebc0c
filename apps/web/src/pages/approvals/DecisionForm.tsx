import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { FieldError, FormError } from '../../components/FieldErrors';
import { formatDateTime } from '../../format';
import type { Approval, Decision } from './types';

/** Approve, or send back with what must change; a comment is required either way (the API says so beside the field). */
export function DecisionForm({ approval, onDecided, onCancel }: { approval: Approval; onDecided: (a: Approval, d: Decision) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [approval.id]);

  const decide = async (decision: Decision) => {
    if (busy) return;
    setBusy(true);
    // A call's selection is decided by its call's process; everything else by the case's.
    const { data, error } =
      approval.subjectType === 'call_selection'
        ? await api.POST('/api/call-selections/{id}/decision', { params: { path: { id: approval.subjectId } }, body: { decision, comment } })
        : await api.POST('/api/approvals/{id}/decision', { params: { path: { id: approval.id } }, body: { decision, comment } });
    setBusy(false);
    if (data) onDecided(approval, decision);
    else setError(errorOf(error));
  };

  const commentInvalid = Boolean(error?.fieldErrors?.some((f) => f.field === 'comment'));
  return (
    <section aria-labelledby="approval-form-title" className="panel">
      <h2 id="approval-form-title" ref={heading} tabIndex={-1}>
        {t('approvals.form.title')}
      </h2>
      <dl className="facts">
        <dt>{t('approvals.col.subject')}</dt>
        <dd>
          {t(`approvals.kind.${approval.subjectType}`)}: {approval.summary}
        </dd>
        <dt>{t('approvals.col.case')}</dt>
        <dd>{approval.caseId ? (approval.clusterName ?? approval.caseId) : t('approvals.kind.call_selection')}</dd>
        <dt>{t('approvals.col.requestedBy')}</dt>
        <dd>
          {approval.requestedByName ?? approval.requestedBy}, {formatDateTime(approval.requestedAt)}
        </dd>
      </dl>
      <form onSubmit={(e) => e.preventDefault()} noValidate>
        <FormError error={error && !error.fieldErrors?.length ? error : null} />
        <label htmlFor="approval-comment">{t('approvals.form.comment')}</label>
        <span id="approval-comment-hint" className="hint">
          {t('approvals.form.commentHint')}
        </span>
        <textarea
          id="approval-comment"
          className="wide"
          rows={5}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-required="true"
          aria-invalid={commentInvalid || undefined}
          aria-describedby={commentInvalid ? 'approval-comment-hint approval-comment-error' : 'approval-comment-hint'}
        />
        <FieldError error={error} field="comment" id="approval-comment-error" />
        <FieldError error={error} field="decision" id="approval-decision-error" />
        <div className="form-actions">
          <button type="button" disabled={busy} onClick={() => void decide('approve')}>
            {t('approvals.form.approve')}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide('send_back')}>
            {t('approvals.form.sendBack')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('approvals.form.cancel')}
          </button>
        </div>
        {busy ? <p role="status">{t('approvals.form.busy')}</p> : null}
      </form>
    </section>
  );
}
