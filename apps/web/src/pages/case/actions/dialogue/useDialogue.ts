import { api } from '../../../../api/client';
import { list, num, str } from '../form/records';
import { queryKeys } from '../../../../data/keys';
import { useApiQuery } from '../../../../data/useApiQuery';

/** A dialogue cycle, as the forms need it. */
export interface DialogueCycle {
  cycle: number;
  dueAt: string | null;
  status: 'awaiting_report' | 'reported' | 'concluded';
  reportMissing: boolean;
}

const STATUSES = ['awaiting_report', 'reported', 'concluded'];

/** The dialogue's cycles (the overview gives them as free objects; read defensively). */
export function useDialogue(caseId: string) {
  const { data, error, pending: loading } = useApiQuery(queryKeys.caseDialogue(caseId), () => api.GET('/api/cases/{id}/dialogue', { params: { path: { id: caseId } } }));
  const cycles: DialogueCycle[] = list(data?.cycles).flatMap((c) => {
    const cycle = num(c, 'cycle');
    const status = str(c, 'status');
    if (cycle === null || !status || !STATUSES.includes(status)) return [];
    return [{ cycle, dueAt: str(c, 'dueAt'), status: status as DialogueCycle['status'], reportMissing: str(c, 'reportMissingAt') !== null }];
  });
  cycles.sort((a, b) => a.cycle - b.cycle);
  return {
    error,
    loading,
    /** The first cycle still waiting for the cluster's report. */
    toReport: cycles.find((c) => c.status === 'awaiting_report' && !c.reportMissing) ?? null,
    /** The first cycle whose outcome can be recorded (reported, or its report term passed). */
    toConclude: cycles.find((c) => c.status === 'reported' || (c.status === 'awaiting_report' && c.reportMissing)) ?? null,
  };
}
