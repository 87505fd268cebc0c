/** What can be wrong with a bundle; each with a Dutch and an English sentence for the report. */
export type BundleProblemCode =
  | 'empty'
  | 'not_json'
  | 'missing_header'
  | 'unsupported_format'
  | 'bad_header'
  | 'bad_public_key'
  | 'fingerprint_mismatch'
  | 'key_not_pinned'
  | 'unexpected_line'
  | 'bad_event'
  | 'wrong_case'
  | 'sequence_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  | 'bad_document'
  | 'bad_signature_line'
  | 'count_mismatch'
  | 'head_mismatch'
  | 'bundle_hash_mismatch'
  | 'bad_signature'
  | 'missing_signature'
  | 'content_after_signature'
  | 'carriage_return';

export interface Bilingual {
  nl: string;
  en: string;
}

export interface BundleProblem {
  code: BundleProblemCode;
  /** 1-based line of the file where the problem shows. */
  line: number;
  /** The event's seq, when the problem is about one event. */
  seq: number | null;
  message: Bilingual;
}

const MESSAGES: Record<BundleProblemCode, (detail: string) => Bilingual> = {
  empty: () => ({ nl: 'het bestand is leeg', en: 'the file is empty' }),
  not_json: (d) => ({ nl: `geen geldige JSON-regel (${d})`, en: `not a valid JSON line (${d})` }),
  missing_header: () => ({ nl: 'de eerste regel is geen header', en: 'the first line is not a header' }),
  unsupported_format: (d) => ({ nl: `onbekend formaat ${d}`, en: `unsupported format ${d}` }),
  bad_header: (d) => ({ nl: `onvolledige header: ${d}`, en: `incomplete header: ${d}` }),
  bad_public_key: () => ({ nl: 'de publieke sleutel in de header is geen Ed25519-sleutel', en: 'the public key in the header is not an Ed25519 key' }),
  fingerprint_mismatch: (d) => ({
    nl: `de vingerafdruk in de header hoort niet bij de sleutel ernaast (berekend: ${d})`,
    en: `the fingerprint in the header does not belong to the key beside it (computed: ${d})`,
  }),
  key_not_pinned: (d) => ({
    nl: `de bundel is ondertekend met een andere sleutel dan de opgegeven sleutel (${d})`,
    en: `the bundle is signed with a different key than the one given (${d})`,
  }),
  unexpected_line: (d) => ({ nl: `regel op de verkeerde plaats: ${d}`, en: `line out of place: ${d}` }),
  bad_event: (d) => ({ nl: `onvolledig event: ${d}`, en: `malformed event: ${d}` }),
  wrong_case: (d) => ({ nl: `het event hoort bij een ander dossier (${d})`, en: `the event belongs to another case (${d})` }),
  sequence_gap: (d) => ({
    nl: `volgnummer ontbreekt of staat niet op zijn plaats (verwacht ${d}): een event is weggelaten of verplaatst`,
    en: `sequence number missing or out of place (expected ${d}): an event was removed or moved`,
  }),
  prev_hash_mismatch: () => ({
    nl: 'prevHash is niet de hash van het vorige event: de keten is gebroken',
    en: "prevHash is not the previous event's hash: the chain is broken",
  }),
  hash_mismatch: () => ({
    nl: 'de hash klopt niet met de inhoud van het event: het event is gewijzigd',
    en: "the hash does not match the event's content: the event was altered",
  }),
  bad_document: (d) => ({ nl: `onvolledige documentregel: ${d}`, en: `malformed document line: ${d}` }),
  bad_signature_line: (d) => ({ nl: `onvolledige handtekeningregel: ${d}`, en: `malformed signature line: ${d}` }),
  count_mismatch: (d) => ({ nl: `het aantal events klopt niet (${d})`, en: `the number of events does not match (${d})` }),
  head_mismatch: (d) => ({
    nl: `de kop van de keten in de handtekeningregel is niet het laatste event (${d})`,
    en: `the chain head in the signature line is not the last event (${d})`,
  }),
  bundle_hash_mismatch: (d) => ({
    nl: `de SHA-256 van de bundel klopt niet (berekend: ${d}): de inhoud is gewijzigd`,
    en: `the bundle's SHA-256 does not match (computed: ${d}): the content was changed`,
  }),
  bad_signature: () => ({
    nl: 'de Ed25519-handtekening is ongeldig voor de sleutel in de header',
    en: 'the Ed25519 signature is not valid for the key in the header',
  }),
  missing_signature: () => ({
    nl: 'de handtekeningregel ontbreekt: de bundel is afgebroken',
    en: 'the signature line is missing: the bundle is truncated',
  }),
  content_after_signature: () => ({ nl: 'er staat nog inhoud na de handtekening', en: 'there is content after the signature' }),
  carriage_return: () => ({
    nl: 'het bestand bevat een CR-teken (regeleinden of inhoud gewijzigd)',
    en: 'the file contains a carriage return (line endings or content changed)',
  }),
};

export function bundleProblem(code: BundleProblemCode, line: number, seq: number | null = null, detail = ''): BundleProblem {
  return { code, line, seq, message: MESSAGES[code](detail) };
}
