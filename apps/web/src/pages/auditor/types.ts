import type { components } from '../../api/schema';

export type CaseSummary = components['schemas']['CaseDto'];
export type AuditEvent = components['schemas']['AuditEventDto'];
export type ChainVerification = components['schemas']['ChainVerificationDto'];
export type CaseAsOf = components['schemas']['CaseAsOfDto'];
export type SigningKey = components['schemas']['SigningKeyDto'];
export type User = components['schemas']['UserSummaryDto'];

/** The filters both audit lists share; dates are Brussels calendar dates ("until" inclusive). */
export interface AuditFilterValues {
  action: string;
  actorId: string;
  organisation: string;
  from: string;
  until: string;
}
export const NO_FILTERS: AuditFilterValues = { action: '', actorId: '', organisation: '', from: '', until: '' };
