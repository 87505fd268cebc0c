/** A polite live region that is always present, so that the message is announced when it appears. */
export function ActionStatus({ message }: { message: string | null }) {
  return (
    <p role="status" className="action-status">
      {message ?? ''}
    </p>
  );
}
