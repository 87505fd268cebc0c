/** A row of a list field; the key keeps React's rows stable when one in the middle is removed. */
export type Row<T> = T & { key: number };

let nextKey = 1;
export const row = <T extends object>(value: T): Row<T> => ({ ...value, key: nextKey++ });
