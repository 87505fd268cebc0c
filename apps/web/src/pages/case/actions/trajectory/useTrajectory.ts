import { api } from '../../../../api/client';
import { list, num, str } from '../form/records';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';

/** A planned milestone of the test trajectory, as the forms need it. */
export interface TrajectoryMilestone {
  id: string;
  action: string;
  instrumentCode: string;
  amountForeseenCents: number;
  dueAt: string;
  met: boolean;
}

/** The trajectory's milestones (the overview gives them as free objects; read defensively). */
export function useTrajectory(caseId: string) {
  const { data, error, pending: loading } = useApiQuery(queryKeys.caseTrajectory(caseId), () => api.GET('/api/cases/{id}/trajectory', { params: { path: { id: caseId } } }));
  const milestones: TrajectoryMilestone[] = list(data?.milestones).flatMap((m) => {
    const id = str(m, 'id');
    const dueAt = str(m, 'dueAt');
    if (!id || !dueAt) return [];
    return [{ id, dueAt, action: str(m, 'action') ?? '', instrumentCode: str(m, 'instrumentCode') ?? '', amountForeseenCents: num(m, 'amountForeseenCents') ?? 0, met: str(m, 'status') === 'met' }];
  });
  return { milestones, error, loading };
}
