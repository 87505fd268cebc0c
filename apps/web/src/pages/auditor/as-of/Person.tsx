import type { components } from '../../../api/schema';

type Person = components['schemas']['AsOfPersonDto'];

/** A person as recorded at the time (their name then), or their id when no name was recorded. */
export function Person({ person }: { person: Person | null | undefined }) {
  if (!person) return <>—</>;
  return <>{person.name ?? person.userId}</>;
}
