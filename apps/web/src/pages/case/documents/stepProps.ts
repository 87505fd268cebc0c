import type { May } from '../actions/who';
import type { PolicyNames } from '../usePolicyVersion';
import type { UserNames } from '../useUserNames';
import type { CaseDocuments } from './useCaseDocuments';

/** What the case page hands each step that produces documents (asked once for them all: see LaterSteps in CasePage). */
export interface DocumentStepProps {
  policy: PolicyNames;
  people: UserNames;
  documents: CaseDocuments;
  may: May | null;
  onChanged: () => void;
}
