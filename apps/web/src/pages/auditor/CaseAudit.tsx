import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { AsOfView } from './AsOfView';
import { CasePicker } from './CasePicker';
import { ChainVerification } from './ChainVerification';
import { EvidenceExport } from './EvidenceExport';
import { Timeline } from './Timeline';
import type { CaseSummary, User } from './types';

/** One case under audit: choose it, then verify its chain, read its timeline, see it as of a moment, export the evidence. */
export function CaseAudit({ users }: { users: User[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<CaseSummary | null>(null);
  if (!chosen) return <CasePicker onChoose={setChosen} />;
  return (
    <section aria-labelledby="audited-case">
      <h2 id="audited-case">{t('auditor.case.title', { name: chosen.clusterName })}</h2>
      <p>
        {t(`auditor.stage.${chosen.stage}`)} — <Link to={`/cases/${chosen.id}`}>{t('auditor.case.open')}</Link>{' '}
        <button type="button" onClick={() => setChosen(null)}>
          {t('auditor.case.other')}
        </button>
      </p>
      <ChainVerification key={`v-${chosen.id}`} caseId={chosen.id} />
      <EvidenceExport key={`e-${chosen.id}`} caseId={chosen.id} />
      <AsOfView key={`a-${chosen.id}`} caseId={chosen.id} />
      <Timeline key={`t-${chosen.id}`} caseId={chosen.id} users={users} />
    </section>
  );
}
