import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { AsyncState } from '../../../../components/AsyncState';
import { FieldError } from '../../../../components/FieldErrors';
import { formatDate } from '../../../../format';
import { ChoiceGroup } from '../form/ChoiceGroup';
import { onlyField } from '../form/fieldErrors';
import { TextAreaField } from '../form/Field';
import { useAction } from '../form/useAction';
import { useLocalized, usePolicy } from '../../usePolicyVersion';
import type { CaseView } from '../who';
import { useCaseAdvice, type AdviceRequest } from './useCaseAdvice';
import { SubmitRow } from '../form/SubmitRow';

type Proposal = components['schemas']['DecisionProposalDto'];
type Outcome = Proposal['outcome'];
const OUTCOMES: Outcome[] = ['approve', 'approve_with_conditions', 'reject'];

/**
 * Step 4: the account manager proposes the government decision, saying for each council of the
 * advice round how its advice (or its lapse) was taken into account. An approver decides elsewhere.
 */
export function DecisionProposalForm({ view, onDone }: { view: CaseView; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { policy, error: policyError, loading } = usePolicy(view.policyVersion);
  const advice = useCaseAdvice(view.id);
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [rationale, setRationale] = useState('');
  const [conditions, setConditions] = useState('');
  const [override, setOverride] = useState('');
  const [considerations, setConsiderations] = useState<Record<string, string>>({});
  const { busy, error, run } = useAction();
  const councils = policy?.councils ?? [];

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Proposal = {
      // Without a choice the outcome goes as null, and the API names the field.
      outcome: (outcome || null) as Outcome,
      rationale,
      ...(conditions.trim() ? { conditions } : {}),
      considerations: councils.map((c) => ({ councilCode: c.code, text: considerations[c.code] ?? '' })),
      // Only when written: the API asks for it when an assessor answered a gate question "no".
      ...(override.trim() ? { gateOverride: { justification: override } } : {}),
    };
    const result = await run(() => api.POST('/api/cases/{id}/decision/proposals', { params: { path: { id: view.id } }, body }));
    if (result) onDone(t('actions.decision.proposed', { version: result.version }));
  };

  const adviceText = (request: AdviceRequest | undefined) =>
    !request
      ? t('actions.decision.adviceUnknown')
      : request.status === 'advised'
        ? t('actions.decision.adviceGiven', { position: t(`actions.decision.positions.${request.position ?? 'unknown'}`) })
        : request.status === 'lapsed'
          ? t('actions.decision.adviceLapsed', { due: formatDate(request.dueAt) })
          : t('actions.decision.adviceOpen', { due: formatDate(request.dueAt) });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="decision-form-title">
      <h3 id="decision-form-title">{t('actions.decision.formTitle')}</h3>
      <AsyncState loading={loading || advice.loading} error={policyError}>
        <ChoiceGroup id="decision-outcome" legend={t('actions.decision.outcome')} field="outcome" error={error} value={outcome} onChange={(v) => setOutcome(v as Outcome)} choices={OUTCOMES.map((o) => ({ value: o, label: t(`actions.decision.outcomes.${o}`) }))} />
        <TextAreaField id="decision-rationale" label={t('actions.decision.rationale')} field="rationale" error={error} rows={5} value={rationale} onChange={(e) => setRationale(e.target.value)} />
        <TextAreaField id="decision-conditions" label={t('actions.decision.conditions')} hint={t('actions.decision.conditionsHint')} field="conditions" error={error} rows={3} value={conditions} onChange={(e) => setConditions(e.target.value)} />
        <TextAreaField
          id="decision-gate-override"
          label={t('actions.decision.gateOverride')}
          hint={t('actions.decision.gateOverrideHint')}
          field="gateOverride.justification"
          error={error}
          rows={3}
          value={override}
          onChange={(e) => setOverride(e.target.value)}
        />
        <FieldError error={onlyField(error, 'gateOverride')} field="gateOverride" id="decision-gate-override-error" />
        <fieldset className="action-list">
          <legend>{t('actions.decision.considerations')}</legend>
          {councils.map((c, i) => (
            <TextAreaField
              key={c.code}
              id={`decision-consideration-${c.code}`}
              label={t('actions.decision.consideration', { code: c.code })}
              hint={`${localized(c.name)}: ${adviceText(advice.byCouncil.get(c.code))}`}
              field={`considerations.${i}`}
              error={error}
              rows={3}
              value={considerations[c.code] ?? ''}
              onChange={(e) => setConsiderations((x) => ({ ...x, [c.code]: e.target.value }))}
            />
          ))}
          <FieldError error={onlyField(error, 'considerations')} field="considerations" id="decision-considerations-error" />
        </fieldset>
        <SubmitRow label={t('actions.decision.submit')} error={error} busy={busy} disabled={!policy} />
      </AsyncState>
    </form>
  );
}
