import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { CaseSection } from '../CaseSection';
import { OwnerDocuments } from '../documents/OwnerDocuments';
import type { DocumentStepProps } from '../documents/stepProps';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { AgreementVersion } from './AgreementVersion';

type AgreementVersionDto = components['schemas']['AgreementVersionDto'];

interface Props extends DocumentStepProps {
  caseId: string;
}

/** Every version of the partnership agreement (newest first) with its parties, signatures and documents (the signed agreement). */
export function AgreementSection({ caseId, policy, people, documents, may, onChanged }: Props) {
  const { t } = useTranslation();
  const versions = useApiQuery(queryKeys.caseAgreement(caseId), () => api.GET('/api/cases/{id}/agreement', { params: { path: { id: caseId } } }));
  const newestFirst: AgreementVersionDto[] = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <CaseSection id="agreement" title={t('casePage.agreement.title')} state={versions} notYet={newestFirst.length === 0 && t('casePage.agreement.notYet')}>
      {() =>
        newestFirst.map((v) => (
          <AgreementVersion key={v.id} version={v} policy={policy} people={people}>
            <OwnerDocuments
              documents={documents('agreement_version', v.id)}
              caption={t('casePage.documents.agreementCaption', { version: v.version })}
              idPrefix={`agreement-v${v.version}`}
              path={`/api/cases/${caseId}/agreement/versions/${v.version}/documents`}
              uploadTitle={t('casePage.documents.agreementUpload', { version: v.version })}
              hint={t('casePage.documents.agreementHint')}
              canUpload={Boolean(may?.attachAgreementDocument) && v.status !== 'superseded'}
              onUploaded={onChanged}
            />
          </AgreementVersion>
        ))
      }
    </CaseSection>
  );
}
