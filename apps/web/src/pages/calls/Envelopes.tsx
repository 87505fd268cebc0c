import { useTranslation } from 'react-i18next';
import { formatCents } from '../../format';
import { usePolicyNames } from '../case/usePolicyVersion';
import type { Call } from './types';

/**
 * The call's envelope per instrument in euro, each instrument by its name in the reference data the
 * call was opened under (the code only while that version loads).
 */
export function Envelopes({ call }: { call: Call }) {
  const { t } = useTranslation();
  const names = usePolicyNames(call.policyVersion);
  if (call.envelopes.length === 0) return <>—</>;
  return (
    <ul className="calls-envelopes">
      {call.envelopes.map((e) => (
        <li key={e.instrumentCode}>{t('calls.envelope', { instrument: names.instrument(e.instrumentCode), amount: formatCents(e.amountCents) })}</li>
      ))}
    </ul>
  );
}

/** The sum of a call's envelopes, in cents (integers: exact). */
export const envelopeTotal = (call: Call): number => call.envelopes.reduce((sum, e) => sum + e.amountCents, 0);
