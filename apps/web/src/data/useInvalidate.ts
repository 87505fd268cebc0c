import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { queryKeys } from './keys';

/**
 * After an action on a case: everything read about that case is read again (the screens never show
 * what it was before); the case lists, the inbox and the approvals (an action may open or close a
 * task, ask for an approval or for advice) are marked stale for when they are shown next.
 */
export function useCaseChanged(caseId: string): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    for (const queryKey of [queryKeys.case(caseId), queryKeys.caseLists(), queryKeys.tasks(), queryKeys.approvals(), queryKeys.adviceRequests()]) void client.invalidateQueries({ queryKey });
  }, [client, caseId]);
}

/** After a case is opened: the case lists (and the case names) read again. */
export function useCaseCreated(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.caseLists() }), [client]);
}

/**
 * After an approval is decided: the approvals, the inbox, and every case (a decision moves a case
 * on, a release changes its budget).
 */
export function useApprovalDecided(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    // A call's selection is decided through the approvals too: its call and candidates read again.
    for (const queryKey of [queryKeys.approvals(), queryKeys.tasks(), queryKeys.cases(), queryKeys.caseLists(), queryKeys.calls()]) void client.invalidateQueries({ queryKey });
  }, [client]);
}

/** After a council advises on a request or attaches a document: its requests, the inbox, and the cases (advice moves a case on). */
export function useAdviceChanged(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    for (const queryKey of [queryKeys.adviceRequests(), queryKeys.tasks(), queryKeys.cases(), queryKeys.caseLists()]) void client.invalidateQueries({ queryKey });
  }, [client]);
}

/** After an administrator proposes, approves or sends back a version of the reference data. */
export function usePolicyChanged(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.policy() });
  }, [client]);
}

/** After creating, changing or deactivating a person, or handing over their work. */
export function useUsersChanged(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    void client.invalidateQueries({ queryKey: queryKeys.userAccounts() });
    void client.invalidateQueries({ queryKey: queryKeys.users() });
    // A handover moves cases and tasks to someone else.
    void client.invalidateQueries({ queryKey: queryKeys.cases() });
    void client.invalidateQueries({ queryKey: queryKeys.caseLists() });
  }, [client]);
}

/** After a call is opened or a case registers to one: every list of calls and each call (its number of candidates). */
export function useCallsChanged(): () => void {
  const client = useQueryClient();
  return useCallback(() => void client.invalidateQueries({ queryKey: queryKeys.calls() }), [client]);
}

/**
 * After a call's selection is proposed or decided: the call (its status, candidates, selections),
 * the approvals and the inbox (a proposal waits for an approver), and every case (a decision moves
 * the candidates on or closes them).
 */
export function useSelectionChanged(): () => void {
  const client = useQueryClient();
  return useCallback(() => {
    for (const queryKey of [queryKeys.calls(), queryKeys.approvals(), queryKeys.tasks(), queryKeys.cases(), queryKeys.caseLists()]) void client.invalidateQueries({ queryKey });
  }, [client]);
}
