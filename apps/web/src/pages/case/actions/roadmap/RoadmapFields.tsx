import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import { TextAreaField, TextField } from '../form/Field';
import { CommitmentsField } from './CommitmentsField';
import { MilestonesField } from './MilestonesField';
import type { RoadmapDraftState, TextListKey } from './roadmapDraft';
import { TextListField } from './TextListField';

const TEXT_LISTS: TextListKey[] = ['objectives', 'projectPortfolio', 'internationalRoadmapLinks', 'societalChallenges'];

/** Every field of a roadmap draft (RoadmapContent): today → roadmap → vision of the horizon year. */
export function RoadmapFields({ draft, onChange, error }: { draft: RoadmapDraftState; onChange: (draft: RoadmapDraftState) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const set = <K extends keyof RoadmapDraftState>(key: K, value: RoadmapDraftState[K]) => onChange({ ...draft, [key]: value });
  return (
    <>
      <TextAreaField id="roadmap-vision" label={t('actions.roadmap.vision')} hint={t('actions.roadmap.visionHint')} field="vision" error={error} rows={5} value={draft.vision} onChange={(e) => set('vision', e.target.value)} />
      <TextField id="roadmap-horizon" label={t('actions.roadmap.horizonYear')} field="horizonYear" error={error} inputMode="numeric" value={draft.horizonYear} onChange={(e) => set('horizonYear', e.target.value)} size={6} />
      <TextListField name="objectives" rows={draft.objectives} onChange={(rows) => set('objectives', rows)} error={error} />
      <MilestonesField rows={draft.milestones} onChange={(rows) => set('milestones', rows)} error={error} />
      <CommitmentsField rows={draft.commitments} onChange={(rows) => set('commitments', rows)} error={error} />
      {TEXT_LISTS.slice(1).map((name) => (
        <TextListField key={name} name={name} rows={draft[name]} onChange={(rows) => set(name, rows)} error={error} />
      ))}
      <TextField id="roadmap-reason" label={t('actions.roadmap.reason')} field="reason" error={error} value={draft.reason} onChange={(e) => set('reason', e.target.value)} />
    </>
  );
}
