/**
 * Readers for the parts of API answers that the OpenAPI document describes as open objects
 * (assessment overview, trajectory, agreement versions, dialogue cycles): each field is checked
 * before it is shown, so an unexpected shape shows "—" instead of breaking the page.
 */
export type Open = Record<string, unknown>;

export const isOpen = (v: unknown): v is Open => typeof v === 'object' && v !== null && !Array.isArray(v);
export const openOf = (v: unknown): Open => (isOpen(v) ? v : {});
export const text = (o: Open, key: string): string | null => (typeof o[key] === 'string' ? (o[key] as string) : null);
export const num = (o: Open, key: string): number | null => (typeof o[key] === 'number' ? (o[key] as number) : null);
export const list = (o: Open, key: string): Open[] => (Array.isArray(o[key]) ? (o[key] as unknown[]).filter(isOpen) : []);
export const texts = (o: Open, key: string): string[] => (Array.isArray(o[key]) ? (o[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
