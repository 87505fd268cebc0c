import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';

/** Where the case stood: stage, policy version, the roadmap version in force, and how much of the chain was folded in. */
export function AsOfOverview({ state: s }: { state: CaseAsOf }) {
  const { t } = useTranslation();
  const roadmap = s.roadmap.current;
  return (
    <dl className="facts">
      <dt>{t('auditor.asOf.stage')}</dt>
      <dd>{s.stage ? t(`auditor.stage.${s.stage}`) : '—'}</dd>
      <dt>{t('auditor.asOf.cluster')}</dt>
      <dd>
        {s.clusterName ?? '—'}
        {s.domain ? ` (${s.domain})` : ''}
      </dd>
      <dt>{t('auditor.asOf.policyVersion')}</dt>
      <dd>{s.policyVersion ?? '—'}</dd>
      <dt>{t('auditor.asOf.roadmap')}</dt>
      <dd>
        {roadmap ? (
          <>
            {t('auditor.asOf.roadmapVersion', { version: roadmap.version, at: formatDateTime(roadmap.at) })} — <Person person={roadmap.by} />
            <br />
            <code className="hash">{roadmap.sha256}</code>
          </>
        ) : (
          t('auditor.asOf.noRoadmap')
        )}
      </dd>
      <dt>{t('auditor.asOf.events')}</dt>
      <dd>
        {t('auditor.asOf.eventsApplied', { count: s.eventsApplied })}
        {s.lastEvent ? ` — ${t('auditor.asOf.lastEvent', { seq: s.lastEvent.seq, at: formatDateTime(s.lastEvent.occurredAt) })}` : ''}
      </dd>
      <dt>{t('auditor.asOf.chain')}</dt>
      <dd>
        <strong className={`tag ${s.chain.intact ? 'ok' : 'late'}`}>
          {s.chain.intact ? t('auditor.asOf.chainIntact', { count: s.chain.checked }) : t('auditor.asOf.chainBroken', { seq: s.chain.firstBreakSeq ?? '?' })}
        </strong>
      </dd>
      {s.closure ? (
        <>
          <dt>{t('auditor.asOf.closure')}</dt>
          <dd>
            {t(`auditor.closureReason.${s.closure.reason}`)}, {formatDateTime(s.closure.at)} — <Person person={s.closure.by} />
            {s.closure.explanation ? `: ${s.closure.explanation}` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
