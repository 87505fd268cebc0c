import { useCallback, useState } from 'react';

const newId = (): string => crypto.randomUUID();

/**
 * The X-Request-Id of one form's command. The API applies a request with the same id once (it is
 * the idempotency key), so the id stays the same while the person retries the same submission
 * (after a refusal, a lost answer or a network error) and a second click cannot open the call
 * twice; it is renewed only once the command succeeded, when the form starts something new.
 */
export function useRequestId(): { headers: { 'X-Request-Id': string }; renew: () => void } {
  const [id, setId] = useState(newId);
  const renew = useCallback(() => setId(newId()), []);
  return { headers: { 'X-Request-Id': id }, renew };
}
