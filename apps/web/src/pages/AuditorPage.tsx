import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseAudit } from './auditor/CaseAudit';
import { CrossCaseSearch } from './auditor/CrossCaseSearch';
import { Tabs } from '../components/Tabs';
import { useUsers } from '../data/useUsers';
import '../components/screens.css';

/** For auditors (and admins): one case in depth, or a search across all cases. Read only. */
export function AuditorPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const [tab, setTab] = useState('case');
  return (
    <section aria-labelledby="auditor-title">
      <h1 id="auditor-title">{t('auditor.title')}</h1>
      <p>{t('auditor.intro')}</p>
      <Tabs
        id="auditor"
        label={t('auditor.tabs.label')}
        active={tab}
        onChange={setTab}
        tabs={[
          { key: 'case', title: t('auditor.tabs.case'), panel: <CaseAudit users={users} /> },
          { key: 'search', title: t('auditor.tabs.search'), panel: <CrossCaseSearch users={users} /> },
        ]}
      />
    </section>
  );
}
