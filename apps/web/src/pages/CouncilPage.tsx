import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { AdviceForm } from './council/AdviceForm';
import { OpenRequests } from './council/OpenRequests';
import { PastRequests } from './council/PastRequests';
import type { AdviceRequest } from './council/types';
import './auditor/screens.css';

/** The council portal: this council's open requests (give advice while the term runs) and past ones. */
export function CouncilPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [chosen, setChosen] = useState<AdviceRequest | null>(null);
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState('');

  const submitted = (r: AdviceRequest) => {
    setChosen(null);
    setReload((n) => n + 1);
    setNotice(t('council.form.done', { name: r.clusterName ?? r.caseId }));
  };

  return (
    <section aria-labelledby="council-title">
      <h1 id="council-title">{user?.councilCode ? t('council.titleOf', { council: user.councilCode }) : t('council.title')}</h1>
      <p>{t('council.intro')}</p>
      <p role="status" className="status-note">
        {notice}
      </p>
      <OpenRequests
        reload={reload}
        onChoose={(r) => {
          setNotice('');
          setChosen(r);
        }}
      />
      {chosen ? <AdviceForm key={chosen.id} request={chosen} onSubmitted={submitted} onCancel={() => setChosen(null)} /> : null}
      <PastRequests reload={reload} />
    </section>
  );
}
