import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { CaseSection } from '../CaseSection';
import { useLoad } from '../useLoad';
import type { PolicyNames } from '../usePolicyVersion';
import type { UserNames } from '../useUserNames';
import { AgreementVersion } from './AgreementVersion';

type AgreementVersionDto = components['schemas']['AgreementVersionDto'];

/** Every version of the partnership agreement (newest first) with its parties and signatures. */
export function AgreementSection({ caseId, revision, policy, people }: { caseId: string; revision: number; policy: PolicyNames; people: UserNames }) {
  const { t } = useTranslation();
  const versions = useLoad(() => api.GET('/api/cases/{id}/agreement', { params: { path: { id: caseId } } }), [caseId, revision]);
  const newestFirst: AgreementVersionDto[] = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <CaseSection id="agreement" title={t('casePage.agreement.title')} state={versions} notYet={newestFirst.length === 0 && t('casePage.agreement.notYet')}>
      {() => newestFirst.map((v) => <AgreementVersion key={v.id} version={v} policy={policy} people={people} />)}
    </CaseSection>
  );
}
