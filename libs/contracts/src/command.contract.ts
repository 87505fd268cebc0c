import type { Actor } from '@cluster/domain';

/** Who sends a command and under which request: carried into every audit event. */
export interface CommandMeta {
  actor: Actor;
  /** The HTTP request id; also the Temporal update id, so a retried request is applied once. */
  requestId: string;
  reason?: string;
}
