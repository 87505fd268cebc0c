import { createHash, type Hash, type KeyObject } from 'node:crypto';
import { ChainVerifier, GENESIS_HASH, type ChainBreak, type ChainedFields } from '../hash-chain';
import { EVIDENCE_FORMAT, signedStatement, type ChainHead, type SigningKeyInfo } from './bundle-format';
import { bundleProblem, type Bilingual, type BundleProblem, type BundleProblemCode } from './bundle-problems';
import { ed25519PublicKey, publicKeyFingerprint, verifyEd25519 } from './signing-key';

export interface BundleVerifierOptions {
  /** SHA-256 (hex) of the raw public key the auditor trusts; without it the key is only self-declared. */
  pinnedFingerprint?: string;
}

export interface BundleVerification {
  ok: boolean;
  problem: BundleProblem | null;
  caseId: string | null;
  clusterName: string | null;
  exportedAt: string | null;
  events: number;
  documents: number;
  chainHead: ChainHead | null;
  signingKey: SigningKeyInfo | null;
  keyPinned: boolean;
  warnings: Bilingual[];
}

type Json = Record<string, unknown>;
type Phase = 'header' | 'events' | 'documents' | 'done';

const HEX64 = /^[0-9a-f]{64}$/;
/** The chain problems one event can show (the verifier has no anchor, so no tail or head problems). */
const CHAIN_PROBLEMS: Partial<Record<ChainBreak['problem'], BundleProblemCode>> = {
  sequence_gap: 'sequence_gap',
  prev_hash_mismatch: 'prev_hash_mismatch',
  hash_mismatch: 'hash_mismatch',
};

/**
 * Checks an evidence bundle one line at a time, without a database: the header and its key, each
 * event's hash and its link to the one before, the document lines, and finally the counts, the
 * chain head, the SHA-256 over all bytes before the signature and the Ed25519 signature. Stops at
 * the first problem and names its line.
 */
export class EvidenceBundleVerifier {
  private phase: Phase = 'header';
  private lines = 0;
  private problem: BundleProblem | null = null;
  private readonly digest: Hash = createHash('sha256');
  private readonly chain = new ChainVerifier();
  private caseId: string | null = null;
  private header: Json | null = null;
  private publicKey: KeyObject | null = null;
  private signingKey: SigningKeyInfo | null = null;
  private events = 0;
  private documents = 0;
  private lastEvent: ChainHead | null = null;
  private chainHead: ChainHead | null = null;
  /** Document hashes the events refer to, and those the bundle lists (a set of short strings). */
  private readonly referenced = new Set<string>();
  private readonly listed = new Set<string>();

  constructor(private readonly options: BundleVerifierOptions = {}) {}

  /** Feeds the next line (without its "\n"); false once a problem was found, so the caller can stop. */
  addLine(text: string): boolean {
    if (this.problem) return false;
    const line = ++this.lines;
    if (this.phase === 'done') return this.fail(bundleProblem('content_after_signature', line));
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      return this.fail(bundleProblem('not_json', line, null, (error as Error).message));
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(bundleProblem('not_json', line, null, 'not an object'));
    const record = value as Json;

    if (this.phase === 'header') {
      if (record.type !== 'header') return this.fail(bundleProblem('missing_header', line));
      if (!this.checkHeader(record, line)) return false;
      this.phase = 'events';
    } else if (record.type === 'event') {
      if (this.phase !== 'events') return this.fail(bundleProblem('unexpected_line', line, null, 'event after the documents'));
      if (!this.checkEvent(record, line)) return false;
    } else if (record.type === 'document') {
      this.phase = 'documents';
      if (!this.checkDocument(record, line)) return false;
    } else if (record.type === 'signature') {
      this.phase = 'done';
      return this.checkSignature(record, line);
    } else {
      return this.fail(bundleProblem('unexpected_line', line, null, `type ${JSON.stringify(record.type)}`));
    }
    this.digest.update(`${text}\n`, 'utf8');
    return true;
  }

  /** For problems found outside the lines' content (bytes of the file). */
  fail(problem: BundleProblem): false {
    this.problem ??= problem;
    return false;
  }

  get failed(): boolean {
    return this.problem !== null;
  }

  get lineCount(): number {
    return this.lines;
  }

  finish(): BundleVerification {
    if (!this.problem && this.lines === 0) this.fail(bundleProblem('empty', 1));
    if (!this.problem && this.phase !== 'done') this.fail(bundleProblem('missing_signature', this.lines + 1));
    const warnings: Bilingual[] = [];
    const keyPinned = this.options.pinnedFingerprint !== undefined;
    if (!keyPinned && this.signingKey && !this.problem) {
      warnings.push({
        nl: `de sleutel is alleen door de bundel zelf opgegeven; vergelijk vingerafdruk ${this.signingKey.fingerprint} met GET /api/audit/signing-key, of geef --public-key of --fingerprint`,
        en: `the key is only self-declared by the bundle; compare fingerprint ${this.signingKey.fingerprint} with GET /api/audit/signing-key, or pass --public-key or --fingerprint`,
      });
    }
    const unlisted = [...this.referenced].filter((h) => !this.listed.has(h)).length;
    if (!this.problem && unlisted > 0) {
      warnings.push({
        nl: `${unlisted} documenthash(es) waarnaar events verwijzen staan niet in de documentregels`,
        en: `${unlisted} document hash(es) the events refer to are not among the document lines`,
      });
    }
    return {
      ok: this.problem === null,
      problem: this.problem,
      caseId: this.caseId,
      clusterName: typeof this.header?.clusterName === 'string' ? this.header.clusterName : null,
      exportedAt: typeof this.header?.exportedAt === 'string' ? this.header.exportedAt : null,
      events: this.events,
      documents: this.documents,
      chainHead: this.chainHead,
      signingKey: this.signingKey,
      keyPinned,
      warnings,
    };
  }

  private checkHeader(h: Json, line: number): boolean {
    if (h.format !== EVIDENCE_FORMAT) return this.fail(bundleProblem('unsupported_format', line, null, JSON.stringify(h.format)));
    if (typeof h.caseId !== 'string' || h.caseId === '') return this.fail(bundleProblem('bad_header', line, null, 'caseId'));
    const key = h.signingKey as Json | undefined;
    if (!key || key.algorithm !== 'Ed25519' || typeof key.publicKeyPem !== 'string' || typeof key.fingerprint !== 'string') {
      return this.fail(bundleProblem('bad_header', line, null, 'signingKey {algorithm: "Ed25519", publicKeyPem, fingerprint}'));
    }
    const publicKey = ed25519PublicKey(key.publicKeyPem);
    if (!publicKey) return this.fail(bundleProblem('bad_public_key', line));
    const fingerprint = publicKeyFingerprint(publicKey);
    if (key.fingerprint !== fingerprint) return this.fail(bundleProblem('fingerprint_mismatch', line, null, fingerprint));
    const pinned = this.options.pinnedFingerprint;
    if (pinned !== undefined && pinned !== fingerprint) {
      return this.fail(bundleProblem('key_not_pinned', line, null, `${fingerprint} ≠ ${pinned}`));
    }
    this.header = h;
    this.caseId = h.caseId;
    this.publicKey = publicKey;
    this.signingKey = { algorithm: 'Ed25519', publicKeyPem: key.publicKeyPem, fingerprint };
    return true;
  }

  private checkEvent(e: Json, line: number): boolean {
    const seq = Number.isInteger(e.seq) ? (e.seq as number) : null;
    const fields = chainedFields(e);
    if (typeof fields === 'string') return this.fail(bundleProblem('bad_event', line, seq, fields));
    if (fields.caseId !== this.caseId || fields.stream !== `case:${this.caseId}`) {
      return this.fail(bundleProblem('wrong_case', line, seq, `${fields.stream}`));
    }
    this.chain.add(fields);
    const broken = this.chain.result().firstBreak;
    if (broken) {
      const detail = broken.problem === 'sequence_gap' ? `seq ${(this.lastEvent?.seq ?? 0) + 1}` : '';
      return this.fail(bundleProblem(CHAIN_PROBLEMS[broken.problem] ?? 'hash_mismatch', line, broken.seq, detail));
    }
    this.events++;
    this.lastEvent = { seq: fields.seq, hash: fields.hash };
    for (const h of fields.documentHashes) this.referenced.add(h);
    return true;
  }

  private checkDocument(d: Json, line: number): boolean {
    if (typeof d.kind !== 'string' || d.kind === '') return this.fail(bundleProblem('bad_document', line, null, 'kind'));
    if (typeof d.id !== 'string' || d.id === '') return this.fail(bundleProblem('bad_document', line, null, 'id'));
    if (typeof d.sha256 !== 'string' || !HEX64.test(d.sha256)) return this.fail(bundleProblem('bad_document', line, null, 'sha256 (64 hex digits)'));
    this.documents++;
    this.listed.add(d.sha256);
    return true;
  }

  private checkSignature(s: Json, line: number): boolean {
    const head = s.chainHead as Json | undefined;
    if (!Number.isInteger(s.events) || !head || !Number.isInteger(head.seq) || typeof head.hash !== 'string' ||
        typeof s.bundleSha256 !== 'string' || typeof s.signature !== 'string') {
      return this.fail(bundleProblem('bad_signature_line', line, null, '{events, chainHead: {seq, hash}, bundleSha256, signature}'));
    }
    const chainHead = { seq: head.seq as number, hash: head.hash };
    if (s.events !== this.events) return this.fail(bundleProblem('count_mismatch', line, null, `${s.events} declared, ${this.events} present`));
    // With no events the head is the genesis hash at seq 0.
    const last = this.lastEvent ?? { seq: 0, hash: GENESIS_HASH };
    if (chainHead.seq !== last.seq || chainHead.hash !== last.hash) {
      const detail = `declared seq ${chainHead.seq}, last event seq ${last.seq}`;
      return this.fail(bundleProblem('head_mismatch', line, chainHead.seq, detail));
    }
    const bundleSha256 = this.digest.digest('hex');
    if (s.bundleSha256 !== bundleSha256) return this.fail(bundleProblem('bundle_hash_mismatch', line, null, bundleSha256));
    const statement = signedStatement({ caseId: this.caseId!, events: this.events, chainHead, bundleSha256 });
    if (!verifyEd25519(this.publicKey!, statement, s.signature)) return this.fail(bundleProblem('bad_signature', line));
    this.chainHead = chainHead;
    return true;
  }
}

/** The hashed fields of an event line, or what is wrong with them. */
function chainedFields(e: Json): (ChainedFields & { id: string; hash: string }) | string {
  const text = (k: string) => typeof e[k] === 'string';
  const textOrNull = (k: string) => e[k] === null || typeof e[k] === 'string';
  for (const k of ['id', 'stream', 'actorId', 'actorName', 'actorRole', 'organisation', 'action', 'prevHash', 'hash', 'occurredAt']) {
    if (!text(k)) return `${k} must be text`;
  }
  for (const k of ['caseId', 'reason', 'requestId', 'workflowId', 'idempotencyKey']) {
    if (!textOrNull(k)) return `${k} must be text or null`;
  }
  if (!Number.isInteger(e.seq) || (e.seq as number) < 1) return 'seq must be a positive integer';
  if (typeof e.payload !== 'object' || e.payload === null || Array.isArray(e.payload)) return 'payload must be an object';
  if (!Array.isArray(e.documentHashes) || !e.documentHashes.every((h) => typeof h === 'string')) return 'documentHashes must be a list of text';
  const occurredAt = new Date(e.occurredAt as string);
  if (Number.isNaN(occurredAt.getTime())) return 'occurredAt must be an ISO 8601 time';
  return {
    id: e.id as string,
    stream: e.stream as string,
    seq: e.seq as number,
    caseId: e.caseId as string | null,
    occurredAt,
    actorId: e.actorId as string,
    actorName: e.actorName as string,
    actorRole: e.actorRole as string,
    organisation: e.organisation as string,
    action: e.action as string,
    reason: e.reason as string | null,
    payload: e.payload as Record<string, unknown>,
    documentHashes: e.documentHashes as string[],
    requestId: e.requestId as string | null,
    workflowId: e.workflowId as string | null,
    idempotencyKey: e.idempotencyKey as string | null,
    prevHash: e.prevHash as string,
    hash: e.hash as string,
  };
}
