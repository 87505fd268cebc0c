/** The one throttler's name: @SkipThrottle() metadata is kept under it, and the OpenAPI pass reads it. */
export const THROTTLER_NAME = 'default';
