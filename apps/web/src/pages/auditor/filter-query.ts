import { brusselsInstant, nextDay } from './brussels-time';
import type { AuditFilterValues } from './types';

/** The API's query for the filters: Brussels dates become instants, "until" is inclusive (API's `to` is exclusive). */
export function filterQuery(f: AuditFilterValues) {
  const instant = (date: string) => (date ? (brusselsInstant(date)?.toISOString() ?? date) : undefined);
  return {
    action: f.action.trim() || undefined,
    actorId: f.actorId || undefined,
    organisation: f.organisation.trim() || undefined,
    from: instant(f.from),
    to: f.until ? instant(nextDay(f.until)) : undefined,
  };
}
