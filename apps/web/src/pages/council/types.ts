import type { components } from '../../api/schema';

export type AdviceRequest = components['schemas']['AdviceRequestDto'];
export type AdviceBody = components['schemas']['AdviceDto'];
export type AdvicePosition = AdviceBody['position'];
export const POSITIONS: AdvicePosition[] = ['positive', 'conditional', 'negative'];

/** The legal term has passed (the API refuses advice then, with 409). */
export const termPassed = (r: AdviceRequest, now = Date.now()) => new Date(r.dueAt).getTime() < now;
