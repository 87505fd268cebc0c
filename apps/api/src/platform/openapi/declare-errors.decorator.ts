import { SetMetadata } from '@nestjs/common';

export const DECLARED_ERRORS = 'openapi:declared-errors';

export interface DeclaredErrors {
  /** Statuses the route gives beyond what its shape implies (e.g. 404 for an id in the body). */
  also?: number[];
  /** Statuses its shape implies that it can never give (e.g. no 503 when it reads nothing). */
  not?: number[];
  /** Why, per status, for the document. */
  why?: Record<number, string>;
}

/**
 * Corrects the error statuses the OpenAPI document derives for a route from its shape (guard,
 * path ids, query, body, command); see `error-responses.ts`. Only for what the shape cannot tell.
 */
export const DeclareErrors = (errors: DeclaredErrors) => SetMetadata(DECLARED_ERRORS, errors);
