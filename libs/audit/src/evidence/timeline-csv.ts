import { stringify, type Options } from 'csv-stringify/sync';
import type { ExportableEvent } from './bundle-format';

export const TIMELINE_CSV_COLUMNS = [
  'seq',
  'occurredAt',
  'action',
  'actorName',
  'actorRole',
  'organisation',
  'reason',
  'documentHashes',
  'hash',
  'prevHash',
] as const;

/**
 * A spreadsheet opens a cell that starts with = + - @ (or a tab or CR) as a formula, which can run
 * commands or leak data (CSV injection). A leading quote makes it text; the value stays readable.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const OPTIONS: Options = {
  columns: [...TIMELINE_CSV_COLUMNS],
  // RFC 4180 line ends; csv-stringify quotes fields holding the delimiter, quotes or line breaks.
  record_delimiter: 'windows',
  cast: { string: spreadsheetSafe },
};

/**
 * The case's timeline as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads accents right),
 * a header row, then one row per event. Rows are formatted in batches as the events stream in.
 */
export async function* timelineCsvChunks(events: AsyncIterable<ExportableEvent>, batchSize = 1000): AsyncGenerator<string> {
  let batch: Record<string, unknown>[] = [];
  let first = true;
  const flush = () => {
    const text = stringify(batch, { ...OPTIONS, header: first, bom: first });
    first = false;
    batch = [];
    return text;
  };
  for await (const e of events) {
    batch.push({
      seq: e.seq,
      occurredAt: e.occurredAt.toISOString(),
      action: e.action,
      actorName: e.actorName,
      actorRole: e.actorRole,
      organisation: e.organisation,
      reason: e.reason ?? '',
      documentHashes: e.documentHashes.join(' '),
      hash: e.hash,
      prevHash: e.prevHash,
    });
    if (batch.length >= batchSize) yield flush();
  }
  if (batch.length > 0 || first) yield flush();
}
