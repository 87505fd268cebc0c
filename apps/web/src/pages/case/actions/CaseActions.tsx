import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../../auth/session';
import { AgreementActions } from './agreement/AgreementActions';
import { AssessmentActions } from './assessment/AssessmentActions';
import { DecisionActions } from './decision/DecisionActions';
import { DialogueActions } from './dialogue/DialogueActions';
import { ActionStatus } from './form/ActionStatus';
import { RoadmapForm } from './roadmap/RoadmapForm';
import { TrajectoryActions } from './trajectory/TrajectoryActions';
import { hasOpenTask, useMay, type CaseView, type May } from './who';
import './actions.css';

export type { CaseView } from './who';

/**
 * The action forms of the case page: only those the signed-in user may use in the case's current
 * stage (the API enforces the same and answers with its reason). Calls onChanged after a success,
 * so that the page reloads the case. What was done is announced here, above the forms, because
 * the form itself often goes away with the step it completed.
 */
export function CaseActions({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { user } = useSession();
  const may = useMay(view);
  const [notice, setNotice] = useState<{ caseId: string; text: string } | null>(null);
  const onDone = useCallback(
    (text: string) => {
      setNotice({ caseId: view.id, text });
      onChanged();
    },
    [view.id, onChanged],
  );
  if (!user || !may) return null;

  return (
    <div className="case-actions">
      <ActionStatus message={notice?.caseId === view.id ? notice.text : null} />
      <StageActions key={view.id} view={view} may={may} userId={user.id} onChanged={onChanged} onDone={onDone} />
    </div>
  );
}

/** The sections of the current stage that this user may act in (none for everyone else). */
function StageActions({ view, may, userId, onChanged, onDone }: { view: CaseView; may: May; userId: string; onChanged: () => void; onDone: (message: string) => void }) {
  // A party's authorised representative may be anyone who can read the case.
  const signer = hasOpenTask(view, 'agreement_signature', userId);
  const signing = may.draftAgreement || signer ? <AgreementActions view={view} may={may} userId={userId} onDone={onDone} /> : null;

  switch (view.stage) {
    case 'roadmap_drafting':
      return may.saveRoadmapDraft ? <RoadmapForm view={view} onSaved={onChanged} onDone={onDone} /> : null;
    case 'quality_assessment':
      // Assessors are case handlers other than the account manager; the section finds out which.
      return may.assignAssessors || may.concludeAssessment || may.declareConflict || may.submitAssessment ? <AssessmentActions view={view} may={may} userId={userId} onDone={onDone} /> : null;
    case 'decision': {
      const proposalDue = hasOpenTask(view, 'decision_proposal', userId);
      return may.proposeDecision ? <DecisionActions view={view} proposalDue={proposalDue} onDone={onDone} /> : null;
    }
    case 'test_trajectory':
      return may.planTrajectory || may.recordMilestoneEvidence ? <TrajectoryActions view={view} may={may} onDone={onDone} /> : null;
    case 'partnership_agreement':
      return signing;
    case 'structured_dialogue':
      return (
        <>
          {may.submitDialogueReport || may.requestRelease || may.recordDialogueOutcome ? <DialogueActions view={view} may={may} closureDue={hasOpenTask(view, 'final_report', userId)} onDone={onDone} /> : null}
          {signing}
        </>
      );
    case 'selection':
      return <SelectionWaiting view={view} />;
    default:
      return null;
  }
}

/** A call's candidate waits for the call's selection: nobody acts on the case itself meanwhile. */
function SelectionWaiting({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  return (
    <p className="status-note">
      {t('casePage.selectionWaiting')} {view.callId ? <Link to={`/calls/${view.callId}`}>{t('casePage.selectionWaitingLink')}</Link> : null}
    </p>
  );
}
