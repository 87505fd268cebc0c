import { useState, type ReactNode } from 'react';

/** A form that is there only on demand (an amendment or an early closure is the exception). */
export function Disclosure({ open: initiallyOpen, label, children }: { open: boolean; label: string; children: ReactNode }) {
  const [open, setOpen] = useState(initiallyOpen);
  if (open) return <>{children}</>;
  return (
    <p>
      <button type="button" aria-expanded={false} onClick={() => setOpen(true)}>
        {label}
      </button>
    </p>
  );
}
