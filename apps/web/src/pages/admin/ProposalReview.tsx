import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../../api/client';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import { useSession } from '../../auth/session';
import { AsyncState } from '../../components/AsyncState';
import { FieldError, FormError } from '../../components/FieldErrors';
import { formatDateTime } from '../../format';
import { CodedTexts } from './policy/CodedTexts';
import { CouncilsTable } from './policy/CouncilsTable';
import { PolicySettings } from './policy/PolicySettings';
import { EuropeanReference } from './policy/EuropeanReference';
import type { PolicyProposal } from './types';

export type ProposalOutcome = { decision: 'approve' | 'send_back'; version: number | null };

/**
 * One proposed version in full, and the second administrator's decision on it: approve (it is
 * published and new cases take it) or send back, with a comment either way. The proposer reads
 * it but is not offered the decision (the API refuses it too).
 */
export function ProposalReview({ id, nameOf, onDecided, onCancel }: { id: string; nameOf: (id: string) => string; onDecided: (o: ProposalOutcome) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const read = useApiQuery(queryKeys.policyProposal(id), () => api.GET('/api/policy-proposals/{id}', { params: { path: { id } } }), { keepPrevious: false });
  const proposal: PolicyProposal | null = read.data;
  const loadError = read.error;
  const answered = !read.pending;
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The heading takes the focus once the proposal is there (or its error), for keyboard and screen-reader users.
  useEffect(() => {
    if (answered) heading.current?.focus();
  }, [answered, id]);

  const decide = async (decision: 'approve' | 'send_back') => {
    if (busy) return;
    setBusy(true);
    const { data, error } = await api.POST('/api/policy-proposals/{id}/decision', { params: { path: { id } }, body: { decision, comment } });
    setBusy(false);
    if (data) onDecided({ decision, version: data.version });
    else setError(errorOf(error));
  };

  const own = proposal !== null && proposal.proposedBy === user?.id;
  const commentInvalid = Boolean(error?.fieldErrors?.some((f) => f.field === 'comment'));
  return (
    <section aria-labelledby="admin-proposal-title" className="panel">
      <h2 id="admin-proposal-title" ref={heading} tabIndex={-1}>
        {t('admin.proposal.title')}
      </h2>
      <AsyncState loading={proposal === null && !loadError} error={loadError}>
        {proposal ? (
          <>
            <dl className="facts">
              <dt>{t('admin.proposals.proposedBy')}</dt>
              <dd>
                {nameOf(proposal.proposedBy)}, {formatDateTime(proposal.proposedAt)}
              </dd>
              <dt>{t('admin.proposals.reason')}</dt>
              <dd>{proposal.reason}</dd>
              <dt>{t('admin.proposals.basedOn')}</dt>
              <dd>{proposal.basedOn ?? '—'}</dd>
              <dt>SHA-256</dt>
              <dd>
                <code className="hash">{proposal.sha256}</code>
              </dd>
            </dl>
            <CouncilsTable councils={proposal.content.councils} />
            <CodedTexts id="proposal-criteria" title={t('admin.version.criteria')} items={proposal.content.criteria} />
            <CodedTexts id="proposal-gates" title={t('admin.version.gateQuestions')} items={proposal.content.gateQuestions} />
            <CodedTexts id="proposal-instruments" title={t('admin.version.instruments')} items={proposal.content.instruments.map((i) => ({ code: i.code, text: i.name }))} />
            <PolicySettings content={proposal.content} />
            <EuropeanReference id="proposal" content={proposal.content} />
            {own ? (
              <p className="status-note">{t('admin.proposal.own')}</p>
            ) : (
              <form onSubmit={(e) => e.preventDefault()} noValidate>
                <FormError error={error && !error.fieldErrors?.length ? error : null} />
                <label htmlFor="proposal-comment">{t('admin.proposal.comment')}</label>
                <span id="proposal-comment-hint" className="hint">
                  {t('admin.proposal.commentHint')}
                </span>
                <textarea
                  id="proposal-comment"
                  className="wide"
                  rows={4}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  aria-required="true"
                  aria-invalid={commentInvalid || undefined}
                  aria-describedby={commentInvalid ? 'proposal-comment-hint proposal-comment-error' : 'proposal-comment-hint'}
                />
                <FieldError error={error} field="comment" id="proposal-comment-error" />
                <div className="form-actions">
                  <button type="button" disabled={busy} onClick={() => void decide('approve')}>
                    {t('admin.proposal.approve')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void decide('send_back')}>
                    {t('admin.proposal.sendBack')}
                  </button>
                </div>
                {busy ? <p role="status">{t('admin.proposal.busy')}</p> : null}
              </form>
            )}
          </>
        ) : null}
      </AsyncState>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('admin.proposal.close')}
        </button>
      </div>
    </section>
  );
}
