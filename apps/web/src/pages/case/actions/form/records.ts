// Some overviews (trajectory, dialogue, agreement) describe their rows in OpenAPI as free objects;
// the forms read the few fields they need through these, and skip rows that lack them.

export type Loose = Record<string, unknown>;

export const str = (r: Loose, key: string): string | null => (typeof r[key] === 'string' ? (r[key] as string) : null);
export const num = (r: Loose, key: string): number | null => (typeof r[key] === 'number' ? (r[key] as number) : null);
export const list = (value: unknown): Loose[] => (Array.isArray(value) ? value.filter((v): v is Loose => typeof v === 'object' && v !== null) : []);
