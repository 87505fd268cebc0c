import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';

export type CaseDocument = components['schemas']['DocumentDto'];
export type CaseDocuments = (ownerType: CaseDocument['ownerType'], ownerId: string | null) => CaseDocument[];

/** The case's documents (read again with the case), and a lookup of those of one owner. */
export function useCaseDocuments(caseId: string): CaseDocuments {
  const { data } = useApiQuery(queryKeys.caseDocuments(caseId), () => api.GET('/api/cases/{id}/documents', { params: { path: { id: caseId } } }));
  const all = data ?? [];
  return (ownerType, ownerId) => all.filter((d) => d.ownerType === ownerType && d.ownerId === ownerId);
}
