import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AsyncState } from '../components/AsyncState';
import { useAdviceChanged } from '../data/useInvalidate';
import { formatDate, formatDateTime } from '../format';
import { AdviceForm } from './council/AdviceForm';
import { DocumentTable } from './council/DocumentTable';
import { DocumentUpload } from './council/DocumentUpload';
import { RemainingDays } from './council/RemainingDays';
import { RoadmapContent } from './council/RoadmapContent';
import { termPassed, type AdviceDocument, type AdviceRequestDetail } from './council/types';
import { useAdviceRequest } from './council/useAdviceRequest';
import '../components/screens.css';
import './council/council.css';

/**
 * One advice request as the council reads it: who the cluster is, the frozen roadmap version it is
 * asked about (content, SHA-256, attachments), the documents it adds, and its advice. Nothing else
 * of the case: the API gives no more.
 */
export function CouncilRequestPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const adviceChanged = useAdviceChanged();
  const [notice, setNotice] = useState('');
  const { request, documents, error, loading } = useAdviceRequest(id);

  return (
    <section aria-labelledby="request-title">
      <p>
        <Link to="/council">{t('council.request.back')}</Link>
      </p>
      {request ? (
        <h1 id="request-title">{t('council.request.title', { council: request.councilCode, name: request.subject.case.clusterName })}</h1>
      ) : (
        <h1 id="request-title">{t('council.request.titleLoading')}</h1>
      )}
      <p role="status" className="status-note">
        {notice}
      </p>
      <AsyncState loading={loading} error={error}>
        {request ? (
          <RequestView
            request={request}
            documents={documents ?? []}
            onChange={(message) => {
              setNotice(message);
              adviceChanged();
            }}
          />
        ) : null}
      </AsyncState>
    </section>
  );
}

function RequestView({ request, documents, onChange }: { request: AdviceRequestDetail; documents: AdviceDocument[]; onChange: (notice: string) => void }) {
  const { t } = useTranslation();
  const identity = request.subject.case;
  const roadmap = request.subject.roadmapVersion;
  // Only the addressed council acts on its request (the API's answer), and only while the term runs.
  const acting = request.mayAdvise;
  const open = request.status === 'open' && !termPassed(request);
  const list = (items: string[]) => (items.length ? items.join(', ') : '—');

  return (
    <>
      <dl className="facts">
        <dt>{t('council.form.council')}</dt>
        <dd>{request.councilCode}</dd>
        <dt>{t('council.col.round')}</dt>
        <dd>{request.round}</dd>
        <dt>{t('council.col.requestedAt')}</dt>
        <dd>{formatDate(request.requestedAt)}</dd>
        <dt>{t('council.col.due')}</dt>
        <dd>
          {formatDateTime(request.dueAt)}
          {request.status === 'open' ? (
            <>
              {' '}
              (<RemainingDays request={request} />)
            </>
          ) : null}
        </dd>
        <dt>{t('council.col.status')}</dt>
        <dd>{t(`council.status.${request.status}`)}</dd>
      </dl>

      <section aria-labelledby="request-cluster-title" className="panel">
        <h2 id="request-cluster-title">{t('council.request.cluster')}</h2>
        <dl className="facts">
          <dt>{t('casePage.domain')}</dt>
          <dd>{identity.domain}</dd>
          <dt>{t('casePage.leadActors')}</dt>
          <dd>{list(identity.leadActors)}</dd>
          <dt>{t('casePage.partners')}</dt>
          <dd>{list(identity.partners)}</dd>
        </dl>
      </section>

      <section aria-labelledby="request-roadmap-title" className="panel">
        <h2 id="request-roadmap-title">{t('council.request.roadmap', { version: roadmap.version })}</h2>
        <p>{t('council.request.frozen', { date: formatDateTime(roadmap.submittedAt) })}</p>
        <dl className="facts">
          <dt>{t('council.request.sha256')}</dt>
          <dd>
            <code className="hash" data-testid="roadmap-sha256">
              {roadmap.sha256}
            </code>
          </dd>
        </dl>
        <RoadmapContent content={roadmap.content} />
        <h3>{t('council.request.attachments')}</h3>
        <DocumentTable documents={roadmap.attachments} caption={t('council.request.attachmentsCaption', { version: roadmap.version })} />
      </section>

      <section aria-labelledby="request-documents-title" className="panel">
        <h2 id="request-documents-title">{t('council.request.documents')}</h2>
        <DocumentTable documents={documents} caption={t('council.request.documentsCaption', { council: request.councilCode })} />
        {acting && open ? <DocumentUpload path={`/api/advice-requests/${request.id}/documents`} onUploaded={(d) => onChange(t('council.upload.done', { name: d.fileName }))} /> : null}
      </section>

      {request.status === 'advised' ? (
        <section aria-labelledby="request-advice-title" className="panel">
          <h2 id="request-advice-title">{t('council.request.advice')}</h2>
          <dl className="facts">
            <dt>{t('council.col.position')}</dt>
            <dd>{request.position ? t(`council.position.${request.position}`) : '—'}</dd>
            <dt>{t('council.request.advisedAt')}</dt>
            <dd>{formatDateTime(request.advisedAt)}</dd>
          </dl>
          <p className="roadmap-text">{request.adviceText}</p>
        </section>
      ) : null}
      {request.status === 'lapsed' ? <p className="panel">{t('council.request.lapsed')}</p> : null}
      {acting && open ? (
        <AdviceForm request={request} focusOnOpen={false} onSubmitted={(r) => onChange(t('council.form.done', { name: r.clusterName ?? r.caseId }))} />
      ) : null}
    </>
  );
}
