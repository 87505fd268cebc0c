import type { TFunction } from 'i18next';

/**
 * An audit event's action in words ("Adviesronde geopend"), not its code (`advice.round_opened`).
 * Every action the API writes has its words in audit.json (tests/web/audit-actions.web-spec.ts);
 * an action recorded by a later version than this app shows as its code rather than nothing.
 */
export function auditActionText(t: TFunction, action: string): string {
  return t(`auditAction.${action}`, { defaultValue: action });
}
