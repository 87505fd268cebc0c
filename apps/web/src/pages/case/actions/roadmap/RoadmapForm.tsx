import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { AsyncState } from '../../../../components/AsyncState';
import { FormError } from '../../../../components/FieldErrors';
import { formatDateTime } from '../../../../format';
import { ActionStatus } from '../form/ActionStatus';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import { useEuropeanNames } from '../../../european/europeanNames';
import { usePolicyVersion } from '../../usePolicyVersion';
import { contentKey, draftBody, draftFromContent, emptyDraft, submissionGaps, type RoadmapDraftState } from './roadmapDraft';
import { RoadmapFields } from './RoadmapFields';
import { SubmitRoadmap } from './SubmitRoadmap';
import { useLatestRoadmap } from './useLatestRoadmap';

/**
 * Step 1 for the cluster's representatives and the account manager: save drafts (each a new
 * version), then submit, which freezes the latest one. Starts from the newest saved version.
 * onSaved lets the page show the new version; the form stays as it is.
 */
export function RoadmapForm({ view, onSaved, onDone }: { view: CaseView; onSaved: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { latest, error: loadError, loading } = useLatestRoadmap(view.id);
  const [draft, setDraft] = useState<RoadmapDraftState>(emptyDraft);
  const [saved, setSaved] = useState<{ version: number; savedAt: string; key: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  // The case's own version: its partnerships, natures, handbook and whether the baseline is required.
  const names = useEuropeanNames(usePolicyVersion(view.policyVersion));

  useEffect(() => {
    if (!latest) return;
    const filled = draftFromContent(latest.content);
    setDraft(filled);
    setSaved({ version: latest.version, savedAt: latest.savedAt, key: contentKey(filled) });
  }, [latest]);

  const dirty = saved === null || saved.key !== contentKey(draft);

  const save = async (): Promise<boolean> => {
    const body = draftBody(draft);
    const result = await run(() => api.POST('/api/cases/{id}/roadmap/drafts', { params: { path: { id: view.id } }, body }));
    if (!result) return false;
    setSaved({ version: result.version, savedAt: result.savedAt, key: contentKey(draft) });
    setDraft((d) => ({ ...d, reason: '' }));
    setMessage(t('actions.roadmap.saved', { version: result.version }));
    onSaved();
    return true;
  };

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    void save();
  };

  const onSubmit = async () => {
    setMessage(null);
    if (dirty && !(await save())) return;
    const result = await run(() => api.POST('/api/cases/{id}/roadmap/submit', { params: { path: { id: view.id } }, body: {} }));
    if (!result) return;
    onDone(t('actions.roadmap.submitted', { version: result.version }));
  };

  return (
    <section aria-labelledby="roadmap-form-title" className="action-section">
      <h2 id="roadmap-form-title">{t('actions.roadmap.title')}</h2>
      <AsyncState loading={loading} error={loadError}>
        <p className="action-hint">
          {saved ? t('actions.roadmap.lastSaved', { version: saved.version, at: formatDateTime(saved.savedAt) }) : t('actions.roadmap.nothingSaved')}
        </p>
        <form onSubmit={onSave} noValidate aria-labelledby="roadmap-form-title" className="roadmap-form">
          <RoadmapFields draft={draft} onChange={setDraft} error={error} names={names} />
          <FormError error={error} />
          <div className="action-buttons">
            <button type="submit" disabled={busy}>
              {t('actions.roadmap.save')}
            </button>
            <SubmitRoadmap busy={busy} willSaveFirst={dirty} gaps={submissionGaps(draft, names.baselineRequired)} onConfirm={() => void onSubmit()} />
          </div>
          <ActionStatus message={busy ? t('actions.busy') : message} />
        </form>
      </AsyncState>
    </section>
  );
}
