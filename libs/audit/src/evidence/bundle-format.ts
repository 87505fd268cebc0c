import { canonicalize } from 'json-canonicalize';
import { canonicalFields, type ChainedFields } from '../hash-chain';

/**
 * The evidence bundle of one case: JSON Lines, in this order, so that a verifier can check it while
 * streaming and never hold more than one line:
 *
 *   1 header        who exported which case when, and the server's public key
 *   n event         every audit event of the case's chain, in seq order (the hashed fields + id + hash)
 *   m document      the case's documents by SHA-256 (roadmap and agreement versions, attachments of every
 *                   step, the government decision records with their signed document, policy)
 *   1 signature     counts, chain head, SHA-256 of all bytes before this line, Ed25519 signature
 */
export const EVIDENCE_FORMAT = 'cluster-case-evidence/1';

export interface SigningKeyInfo {
  algorithm: 'Ed25519';
  /** SPKI PEM. */
  publicKeyPem: string;
  /** SHA-256 (hex) of the 32 raw public-key bytes: what an auditor pins. */
  fingerprint: string;
}

export interface ExportedBy {
  userId: string;
  displayName: string;
  role: string;
  organisation: string;
}

export interface HeaderLine {
  type: 'header';
  format: typeof EVIDENCE_FORMAT;
  caseId: string;
  clusterName: string;
  exportedAt: string;
  exportedBy: ExportedBy;
  signingKey: SigningKeyInfo;
}

/** An audit event as exported: exactly the fields `eventHash` covers, with the time as ISO 8601. */
export type EventLine = { type: 'event'; id: string } & Omit<ChainedFields, 'occurredAt'> & { occurredAt: string; hash: string };

/** A stored event, as the repository gives it. */
export type ExportableEvent = ChainedFields & { id: string; hash: string };

export type DocumentKind = 'policy_version' | 'roadmap_version' | 'agreement_version' | 'attachment' | 'government_decision';

export interface DocumentLine {
  type: 'document';
  kind: DocumentKind;
  /** The row's id (for a policy version: its number as text). */
  id: string;
  sha256: string;
  [detail: string]: unknown;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface SignatureLine {
  type: 'signature';
  events: number;
  chainHead: ChainHead;
  /** SHA-256 (hex) over the bytes of every line before this one, each with its "\n". */
  bundleSha256: string;
  /** Base64 Ed25519 signature over `signedStatement(...)`. */
  signature: string;
}

export interface SignedFacts {
  caseId: string;
  events: number;
  chainHead: ChainHead;
  bundleSha256: string;
}

/** The bytes the server signs: RFC 8785 canonical JSON, so a verifier in any language can rebuild them. */
export function signedStatement(facts: SignedFacts): Buffer {
  return Buffer.from(
    canonicalize({ caseId: facts.caseId, events: facts.events, chainHead: { seq: facts.chainHead.seq, hash: facts.chainHead.hash }, bundleSha256: facts.bundleSha256 }),
    'utf8',
  );
}

export function toEventLine(e: ExportableEvent): EventLine {
  return { type: 'event', id: e.id, ...canonicalFields(e), hash: e.hash };
}
