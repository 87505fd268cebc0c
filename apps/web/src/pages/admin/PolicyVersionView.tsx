import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import { AsyncState } from '../../components/AsyncState';
import { formatDateTime } from '../../format';
import { CodedTexts } from './policy/CodedTexts';
import { CouncilsTable } from './policy/CouncilsTable';
import { PolicySettings } from './policy/PolicySettings';
import { EuropeanReference } from './policy/EuropeanReference';
import type { PolicyVersion } from './types';

/** One version of the reference data, readably: councils and terms, criteria, gate questions, instruments, settings. */
export function PolicyVersionView({ version, nameOf }: { version: number; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const read = useApiQuery(queryKeys.policyVersion(version), () => api.GET('/api/policy-versions/{version}', { params: { path: { version } } }), { keepPrevious: false });
  const policy: PolicyVersion | null = read.data;
  const error = read.error;

  return (
    <section aria-labelledby="admin-version-title" className="panel">
      <h2 id="admin-version-title">{t('admin.version.title', { version })}</h2>
      <AsyncState loading={policy === null && !error} error={error}>
        {policy ? (
          <>
            <p>
              {t('admin.version.published', { at: formatDateTime(policy.createdAt), by: nameOf(policy.createdBy) })}
              <br />
              SHA-256: <code className="hash">{policy.sha256}</code>
            </p>
            <CouncilsTable councils={policy.content.councils} />
            <CodedTexts id="criteria" title={t('admin.version.criteria')} items={policy.content.criteria} />
            <CodedTexts id="gates" title={t('admin.version.gateQuestions')} items={policy.content.gateQuestions} />
            <CodedTexts id="instruments" title={t('admin.version.instruments')} items={policy.content.instruments.map((i) => ({ code: i.code, text: i.name }))} />
            <PolicySettings content={policy.content} />
            <EuropeanReference id="version" content={policy.content} />
          </>
        ) : null}
      </AsyncState>
    </section>
  );
}
