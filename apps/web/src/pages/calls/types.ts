import type { components } from '../../api/schema';

/** A call for spearhead clusters as the API answers it (GET /api/calls, GET /api/calls/{id}). */
export type Call = components['schemas']['CallDto'];
export type CallStatus = 'open' | 'registration_closed';
