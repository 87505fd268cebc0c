import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { formatDateTime } from '../../../format';
import { CaseSection, ScrollTable } from '../CaseSection';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import type { UserNames } from '../useUserNames';
import { RoadmapCompare } from './RoadmapCompare';
import { useEuropeanNames } from '../../european/europeanNames';
import { usePolicyVersion } from '../usePolicyVersion';

/** Every saved roadmap version (drafts and the frozen submitted ones) and a comparison of two. */
export function RoadmapSection({ caseId, people, policyVersion }: { caseId: string; people: UserNames; policyVersion?: number }) {
  const { t } = useTranslation();
  const words = useEuropeanNames(usePolicyVersion(policyVersion ?? null));
  const versions = useApiQuery(queryKeys.caseRoadmapVersions(caseId), () => api.GET('/api/cases/{id}/roadmap/versions', { params: { path: { id: caseId } } }));
  const list = versions.data ?? [];
  return (
    <CaseSection id="roadmap" title={t('casePage.roadmap.title')} state={versions} notYet={list.length === 0 && t('casePage.roadmap.notYet')}>
      {() => (
        <>
          <ScrollTable label={t('casePage.roadmap.versions')}>
            <table>
              <caption>{t('casePage.roadmap.versions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('casePage.roadmap.version')}</th>
                  <th scope="col">{t('casePage.roadmap.kind')}</th>
                  <th scope="col">{t('casePage.roadmap.savedAt')}</th>
                  <th scope="col">{t('casePage.roadmap.savedBy')}</th>
                  <th scope="col">{t('casePage.roadmap.sha256')}</th>
                </tr>
              </thead>
              <tbody>
                {[...list].reverse().map((v) => (
                  <tr key={v.version}>
                    <td>{v.version}</td>
                    <td>{t(`casePage.roadmap.kinds.${v.kind}`, { defaultValue: v.kind })}</td>
                    <td>{formatDateTime(v.savedAt)}</td>
                    <td>{people.name(v.createdBy) ?? '—'}</td>
                    <td>
                      <code title={v.sha256}>{v.sha256.slice(0, 12)}…</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          {list.length < 2 ? <p className="empty">{t('casePage.roadmap.oneVersion')}</p> : null}
          {/* A new version resets the choice to the two newest. */}
          <RoadmapCompare key={list.length} versions={list} words={words} />
        </>
      )}
    </CaseSection>
  );
}
