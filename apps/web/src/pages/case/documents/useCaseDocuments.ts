import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { useLoad } from '../useLoad';

export type CaseDocument = components['schemas']['DocumentDto'];
export type CaseDocuments = (ownerType: CaseDocument['ownerType'], ownerId: string | null) => CaseDocument[];

/** The case's documents (read again with the case), and a lookup of those of one owner. */
export function useCaseDocuments(caseId: string, revision: number): CaseDocuments {
  const { data } = useLoad(() => api.GET('/api/cases/{id}/documents', { params: { path: { id: caseId } } }), [caseId, revision]);
  const all = data ?? [];
  return (ownerType, ownerId) => all.filter((d) => d.ownerType === ownerType && d.ownerId === ownerId);
}
