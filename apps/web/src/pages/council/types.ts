import type { components } from '../../api/schema';

export type AdviceRequest = components['schemas']['AdviceRequestDto'];
export type AdviceRequestDetail = components['schemas']['AdviceRequestDetailDto'];
export type AdviceDocument = components['schemas']['DocumentDto'];
export type AdviceBody = components['schemas']['AdviceDto'];
export type AdvicePosition = AdviceBody['position'];
export const POSITIONS: AdvicePosition[] = ['positive', 'conditional', 'negative'];

/** The legal term has passed (the API refuses advice then, with 409). */
export const termPassed = (r: AdviceRequest, now = Date.now()) => new Date(r.dueAt).getTime() < now;

/** The request view of the council portal (the inbox and the portal's lists link to it). */
export const requestPath = (id: string) => `/council/requests/${id}`;
