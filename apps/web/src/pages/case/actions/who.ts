import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';

export type CaseView = components['schemas']['CaseDto'];
export type CasePageAction = components['schemas']['CasePermissionDto']['action'];

/**
 * What the signed-in person may do to this case, as the API's permissions table answers it (GET
 * /api/cases/{id}/permissions): the web app never decides this itself. The stage decides which
 * section is shown; this decides whether it is theirs.
 */
export type May = Partial<Record<CasePageAction, boolean>>;

/** The "may I" answers for a case, asked again whenever the case changes; null while loading. */
export function useMay(view: CaseView): May | null {
  const { data } = useApiQuery(queryKeys.casePermissions(view.id, view.updatedAt), () => api.GET('/api/cases/{id}/permissions', { params: { path: { id: view.id } } }));
  if (!data || data.caseId !== view.id) return null;
  return Object.fromEntries(data.actions.map((a) => [a.action, a.allowed]));
}

/** Whether an open task of this kind waits on this user (by id) in the case. */
export function hasOpenTask(view: CaseView, kind: string, userId: string): boolean {
  return view.pendingTasks.some((t) => t.kind === kind && t.assigneeRef === userId);
}
