/**
 * Ctrl-C (or SIGTERM) aborts the run: load loops stop sending and requests under way are cut
 * off, so the API can close at once instead of draining a flood of requests.
 */
export const interruption = new AbortController();

export const interrupted = (): boolean => interruption.signal.aborted;

export function throwIfInterrupted(): void {
  if (interrupted()) throw new Error('interrupted');
}
