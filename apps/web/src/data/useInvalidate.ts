import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from './keys';

/**
 * After an action on a case: everything read about that case is read again (the screens never show
 * what it was before), and the case lists are marked stale for when they are shown next.
 */
export function useCaseChanged(caseId: string): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.case(caseId) });
    void client.invalidateQueries({ queryKey: queryKeys.caseLists() });
  }, [client, caseId]);
}

/** After creating, changing or deactivating a person, or handing over their work. */
export function useUsersChanged(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.userAccounts() });
    void client.invalidateQueries({ queryKey: queryKeys.users() });
    // A handover moves cases and tasks to someone else.
    void client.invalidateQueries({ queryKey: ['case'] });
    void client.invalidateQueries({ queryKey: queryKeys.caseLists() });
  }, [client]);
}
