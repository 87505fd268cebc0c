const MAX_CHARS = 255;

/**
 * A client's file name made safe to store and to send back: the last path segment only, without
 * control characters or bidirectional overrides (which can make "report‮fdp.exe" read as
 * "reportexe.pdf"), in NFC, at most 255 characters with the extension kept.
 */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const clean = last
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const chars = Array.from(clean);
  if (chars.length === 0 || clean === '.' || clean === '..') return 'document';
  if (chars.length <= MAX_CHARS) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? Array.from(clean.slice(dot)) : [];
  return chars.slice(0, MAX_CHARS - extension.length).join('') + extension.join('');
}

/**
 * A Content-Disposition header for a download (RFC 6266): a plain ASCII `filename` for old clients
 * and the exact name as UTF-8 in `filename*` (RFC 8187).
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
