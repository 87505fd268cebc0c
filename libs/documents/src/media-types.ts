/**
 * Which documents are accepted, and how their bytes must begin. The declared media type alone is
 * the client's word; the magic bytes (and, for containers, a marker of the format inside) make a
 * renamed executable or an arbitrary archive fail however it is labelled.
 */

type Container = 'pdf' | 'ooxml' | 'odf' | 'ole';

interface AcceptedType {
  mediaType: string;
  extensions: string[];
  container: Container;
  /** For ZIP and OLE containers: a name that only this format carries inside (see `matchesFormat`). */
  marker?: string[];
}

export const ACCEPTED_TYPES: readonly AcceptedType[] = [
  { mediaType: 'application/pdf', extensions: ['pdf'], container: 'pdf' },
  { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], container: 'ooxml', marker: ['word/'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], container: 'ooxml', marker: ['xl/'] },
  { mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], container: 'ooxml', marker: ['ppt/'] },
  { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], container: 'odf' },
  { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'], container: 'odf' },
  { mediaType: 'application/vnd.oasis.opendocument.presentation', extensions: ['odp'], container: 'odf' },
  { mediaType: 'application/msword', extensions: ['doc'], container: 'ole', marker: ['WordDocument'] },
  { mediaType: 'application/vnd.ms-excel', extensions: ['xls'], container: 'ole', marker: ['Workbook', 'Book'] },
  { mediaType: 'application/vnd.ms-powerpoint', extensions: ['ppt'], container: 'ole', marker: ['PowerPoint Document'] },
];

export const ACCEPTED_MEDIA_TYPES: readonly string[] = ACCEPTED_TYPES.map((t) => t.mediaType);

/** Media types that say nothing about the content: the file name's extension decides then. */
export const GENERIC_MEDIA_TYPES: readonly string[] = ['application/octet-stream', 'binary/octet-stream', 'application/x-download', 'application/force-download'];
const GENERIC_TYPES = new Set(['', ...GENERIC_MEDIA_TYPES]);

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type MediaTypeCheck =
  | { ok: true; mediaType: string }
  | { ok: false; reason: string };

/** `type/subtype` in lower case, without parameters (`; charset=...`). */
export function normaliseMediaType(declared: string | undefined | null): string {
  return (declared ?? '').split(';')[0]!.trim().toLowerCase();
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/**
 * The accepted media type of an upload, or why it is refused. A generic declared type
 * (application/octet-stream, as curl and some browsers send) is resolved by the file extension;
 * either way the content must be of that format.
 */
export function checkMediaType(declared: string | undefined | null, fileName: string, content: Buffer): MediaTypeCheck {
  const normalised = normaliseMediaType(declared);
  const accepted = GENERIC_TYPES.has(normalised)
    ? ACCEPTED_TYPES.find((t) => t.extensions.includes(extensionOf(fileName)))
    : ACCEPTED_TYPES.find((t) => t.mediaType === normalised);
  if (!accepted) {
    const what = normalised && !GENERIC_TYPES.has(normalised) ? `Media type ${normalised}` : `A file named "${fileName}"`;
    return { ok: false, reason: `${what} wordt niet aanvaard. Aanvaard: PDF, Word, Excel, PowerPoint (OOXML of ouder formaat) en OpenDocument-tekst, -rekenblad of -presentatie. / ${what} is not accepted. Accepted: PDF, Word, Excel, PowerPoint (OOXML or legacy) and OpenDocument text, spreadsheet or presentation.` };
  }
  if (!matchesFormat(accepted, content)) {
    return { ok: false, reason: `De inhoud van het bestand is geen ${accepted.extensions[0]!.toUpperCase()}-document (opgegeven als ${accepted.mediaType}). / The content of the file is not a ${accepted.extensions[0]!.toUpperCase()} document (declared as ${accepted.mediaType}).` };
  }
  return { ok: true, mediaType: accepted.mediaType };
}

function startsWith(content: Buffer, magic: Buffer, at = 0): boolean {
  return content.length >= at + magic.length && content.subarray(at, at + magic.length).equals(magic);
}

function matchesFormat(type: AcceptedType, content: Buffer): boolean {
  switch (type.container) {
    case 'pdf':
      return startsWith(content, PDF_MAGIC);
    case 'ooxml':
      // Every OOXML package lists its parts in [Content_Types].xml; entry names are stored
      // uncompressed in the ZIP headers and its central directory.
      return startsWith(content, ZIP_MAGIC) && content.includes('[Content_Types].xml', 0, 'latin1') &&
        type.marker!.some((m) => content.includes(m, 0, 'latin1'));
    case 'odf':
      // ODF requires a first, uncompressed entry named "mimetype" holding the media type, so it is
      // at a fixed place: the 30-byte local header, the 8-byte name, then the content.
      return startsWith(content, ZIP_MAGIC) && startsWith(content, Buffer.from('mimetype', 'latin1'), 30) &&
        startsWith(content, Buffer.from(type.mediaType, 'latin1'), 38);
    case 'ole':
      // A compound file (also used by .msi installers): the directory names the main stream.
      return startsWith(content, OLE_MAGIC) && type.marker!.some((m) => content.includes(Buffer.from(m, 'utf16le')));
  }
}
