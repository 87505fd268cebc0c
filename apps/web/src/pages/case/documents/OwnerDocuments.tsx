import { DocumentTable } from '../../council/DocumentTable';
import { DocumentUpload } from '../../council/DocumentUpload';
import type { CaseDocument } from './useCaseDocuments';

/**
 * The documents of one part of the process (an agreement version, a dialogue cycle, a milestone)
 * with their shortened SHA-256 and a download, and an upload when the API says the user may.
 */
export function OwnerDocuments(p: { documents: CaseDocument[]; caption: string; idPrefix: string; path: string; uploadTitle: string; hint: string; canUpload: boolean; onUploaded: () => void }) {
  return (
    <div className="cp-documents">
      {p.documents.length > 0 ? <DocumentTable documents={p.documents} caption={p.caption} short /> : null}
      {p.canUpload ? <DocumentUpload path={p.path} idPrefix={p.idPrefix} title={p.uploadTitle} hint={p.hint} onUploaded={p.onUploaded} /> : null}
    </div>
  );
}
