import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import type { EuropeanNames } from '../../../european/europeanNames';
import { TextAreaField, TextField } from '../form/Field';
import { CommitmentsField } from './CommitmentsField';
import { EuropeanLinksField } from './EuropeanLinksField';
import { WithGuidance } from './Guidance';
import { MilestonesField } from './MilestonesField';
import type { RoadmapDraftState, TextListKey } from './roadmapDraft';
import { TextListField } from './TextListField';

/**
 * Every field of a roadmap draft (RoadmapContent), in the note's order today → roadmap → vision
 * of the horizon year, each with the handbook's guidance for its section beside it.
 */
export function RoadmapFields({ draft, onChange, error, names }: { draft: RoadmapDraftState; onChange: (draft: RoadmapDraftState) => void; error: ApiError | null; names: EuropeanNames }) {
  const { t } = useTranslation();
  const set = <K extends keyof RoadmapDraftState>(key: K, value: RoadmapDraftState[K]) => onChange({ ...draft, [key]: value });
  const list = (name: TextListKey) => <TextListField name={name} rows={draft[name]} onChange={(rows) => set(name, rows)} error={error} />;
  const baselineHint = names.baselineRequired ? `${t('european.editor.baselineHint')} ${t('european.editor.baselineRequired')}` : t('european.editor.baselineHint');
  return (
    <>
      <WithGuidance section="baseline" names={names}>
        <TextAreaField id="roadmap-baseline" label={t('european.editor.baseline')} hint={baselineHint} field="baseline" error={error} rows={5} value={draft.baseline} onChange={(e) => set('baseline', e.target.value)} />
      </WithGuidance>
      <WithGuidance section="objectives" names={names}>
        {list('objectives')}
      </WithGuidance>
      <WithGuidance section="milestones" names={names}>
        <MilestonesField rows={draft.milestones} onChange={(rows) => set('milestones', rows)} error={error} />
      </WithGuidance>
      <WithGuidance section="commitments" names={names}>
        <CommitmentsField rows={draft.commitments} onChange={(rows) => set('commitments', rows)} error={error} />
      </WithGuidance>
      <WithGuidance section="projects" names={names}>
        {list('projectPortfolio')}
      </WithGuidance>
      <WithGuidance section="internationalPositioning" names={names}>
        <EuropeanLinksField rows={draft.europeanLinks} onChange={(rows) => set('europeanLinks', rows)} error={error} names={names} />
        {list('internationalRoadmapLinks')}
      </WithGuidance>
      <WithGuidance section="societalChallenges" names={names}>
        {list('societalChallenges')}
      </WithGuidance>
      <WithGuidance section="vision" names={names}>
        <TextAreaField id="roadmap-vision" label={t('actions.roadmap.vision')} hint={t('actions.roadmap.visionHint')} field="vision" error={error} rows={5} value={draft.vision} onChange={(e) => set('vision', e.target.value)} />
        <TextField id="roadmap-horizon" label={t('actions.roadmap.horizonYear')} field="horizonYear" error={error} inputMode="numeric" value={draft.horizonYear} onChange={(e) => set('horizonYear', e.target.value)} size={6} />
      </WithGuidance>
      <TextField id="roadmap-reason" label={t('actions.roadmap.reason')} field="reason" error={error} value={draft.reason} onChange={(e) => set('reason', e.target.value)} />
    </>
  );
}
