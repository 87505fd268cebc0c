import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** SHA-256 of a document's canonical JSON (RFC 8785): the hash that versions and signatures bind to. */
export function documentSha256(content: unknown): string {
  return createHash('sha256').update(canonicalize(content), 'utf8').digest('hex');
}
