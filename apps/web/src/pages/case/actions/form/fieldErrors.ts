import type { ApiError } from '../../../../api/client';

/** Whether the API named `field` (or something inside it) — the same match FieldError shows. */
export function hasFieldError(error: ApiError | null, field: string): boolean {
  return Boolean(error?.fieldErrors?.some((f) => f.field === field || f.field.startsWith(`${field}.`)));
}

/**
 * Only the messages about `field` itself, not about its items: a list's own message (too many
 * rows) is shown under the list, while "milestones.0.title" is shown beside that row's field.
 */
export function onlyField(error: ApiError | null, field: string): ApiError | null {
  if (!error) return null;
  return { ...error, fieldErrors: error.fieldErrors?.filter((f) => f.field === field) };
}

/** aria-describedby for a field: its hint and, when the API named it, its error. */
export function describedBy(error: ApiError | null, field: string, errorId: string, hintId?: string): string | undefined {
  const ids = [hintId, hasFieldError(error, field) ? errorId : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
