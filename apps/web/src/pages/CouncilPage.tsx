import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session';
import { OpenRequests } from './council/OpenRequests';
import { PastRequests } from './council/PastRequests';
import '../components/screens.css';

/**
 * The council portal: this council's open requests and past ones, each opening the request's own
 * view (the roadmap under advice, the documents, the advice).
 */
export function CouncilPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  return (
    <section aria-labelledby="council-title">
      <h1 id="council-title">{user?.councilCode ? t('council.titleOf', { council: user.councilCode }) : t('council.title')}</h1>
      <p>{t('council.intro')}</p>
      <OpenRequests />
      <PastRequests />
    </section>
  );
}
