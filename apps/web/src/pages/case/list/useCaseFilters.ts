import { useSearchParams } from 'react-router-dom';
import { CASE_STAGES, type CaseStage } from '../stages';

export interface CaseFilters {
  stage: CaseStage | '';
  /** '' everyone's, 'mine', or a case handler's id. */
  manager: string;
  overdue: boolean;
  pilot: boolean;
  search: string;
  page: number;
}

/**
 * The list's filters live in the address (?stage=advice&manager=mine&page=2), so a filtered list
 * can be bookmarked and the back button returns to it.
 */
export function useCaseFilters(): [CaseFilters, (changes: Partial<CaseFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const stage = params.get('stage') ?? '';
  const filters: CaseFilters = {
    stage: (CASE_STAGES as readonly string[]).includes(stage) ? (stage as CaseStage) : '',
    manager: params.get('manager') ?? '',
    overdue: params.get('overdue') === 'true',
    pilot: params.get('pilot') === 'true',
    search: params.get('search') ?? '',
    page: Math.max(0, Number(params.get('page') ?? 0) || 0),
  };
  const update = (changes: Partial<CaseFilters>) => {
    // Any other change than the page starts again at the first page.
    const next = { ...filters, page: 0, ...changes };
    const out = new URLSearchParams();
    if (next.stage) out.set('stage', next.stage);
    if (next.manager) out.set('manager', next.manager);
    if (next.overdue) out.set('overdue', 'true');
    if (next.pilot) out.set('pilot', 'true');
    if (next.search) out.set('search', next.search);
    if (next.page) out.set('page', String(next.page));
    setParams(out);
  };
  return [filters, update];
}
