import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

/** scripts/lib/temporal-search-attributes.json: name → Temporal type, the list every server registers. */
export function caseSearchAttributeTypes(): Record<string, string> {
  const list = JSON.parse(readFileSync(join(__dirname, '..', '..', 'scripts', 'lib', 'temporal-search-attributes.json'), 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(list).filter(([name]) => name !== '//'));
}

const INDEXED_VALUE_TYPES: Record<string, temporal.api.enums.v1.IndexedValueType> = {
  Keyword: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Text: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
  Int: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT,
  Double: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE,
  Bool: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL,
  Datetime: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
  KeywordList: temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
};

/**
 * Registers the list through the operator service, for servers that take no start flag: the
 * time-skipping test server accepts addSearchAttributes (it has no listSearchAttributes), and
 * refuses a workflow's upsert of an attribute it does not know.
 */
export async function registerCaseSearchAttributes(connection: Connection, namespace = 'default'): Promise<void> {
  const searchAttributes = Object.fromEntries(
    Object.entries(caseSearchAttributeTypes()).map(([name, type]) => {
      const indexed = INDEXED_VALUE_TYPES[type];
      if (indexed === undefined) throw new Error(`temporal-search-attributes.json: unknown type ${type} of ${name}`);
      return [name, indexed];
    }),
  );
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}
