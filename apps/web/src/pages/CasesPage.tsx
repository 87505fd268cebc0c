import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { AsyncState } from '../components/AsyncState';
import { queryKeys } from '../data/keys';
import { useApiQuery } from '../data/useApiQuery';
import { CaseFiltersForm } from './case/list/CaseFiltersForm';
import { CaseTable } from './case/list/CaseTable';
import { NewCaseForm } from './case/list/NewCaseForm';
import { PagePager } from '../components/PagePager';
import { useCaseFilters } from './case/list/useCaseFilters';
import { useUserNames } from './case/useUserNames';
import './case/case.css';

const PAGE_SIZE = 20;

/** The cases the user may see, filtered and paged; case handlers open new cases here. */
export function CasesPage() {
  const { t } = useTranslation();
  const { user, may } = useSession();
  const [filters, setFilters] = useCaseFilters();
  const people = useUserNames();
  const handlers = people.users.filter((u) => u.roles.includes('case_handler'));
  const accountManagerId = filters.manager === 'mine' ? user?.id : filters.manager || undefined;
  const query = {
    limit: PAGE_SIZE,
    offset: filters.page * PAGE_SIZE,
    stage: filters.stage || undefined,
    accountManagerId,
    search: filters.search || undefined,
    overdue: filters.overdue || undefined,
    pilot: filters.pilot || undefined,
  };
  const cases = useApiQuery(queryKeys.caseList(query), () => api.GET('/api/cases', { params: { query } }));
  const items = cases.data?.items ?? [];
  const managerName = people.users.length > 0 ? (id: string) => (id === user?.id ? t('cases.me') : people.name(id)) : undefined;

  return (
    <>
      <section aria-labelledby="cases-title">
        <h1 id="cases-title">{t('cases.title')}</h1>
        <CaseFiltersForm key={filters.search} filters={filters} onChange={setFilters} handlers={handlers} me={user} />
        {cases.loading && cases.data !== null ? (
          <p role="status" className="cp-note">
            {t('common.loading')}
          </p>
        ) : null}
        <AsyncState loading={cases.loading && cases.data === null} error={cases.error} empty={items.length === 0}>
          <CaseTable cases={items} managerName={managerName} />
        </AsyncState>
        {cases.data && cases.data.total > 0 ? <PagePager area="cases" page={filters.page} size={PAGE_SIZE} total={cases.data.total} onPage={(page) => setFilters({ page })} /> : null}
      </section>
      {user && may('createCase') ? <NewCaseForm me={user} handlers={handlers} /> : null}
    </>
  );
}
