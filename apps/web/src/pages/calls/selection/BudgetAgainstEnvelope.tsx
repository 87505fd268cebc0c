import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { formatCents } from '../../../format';
import type { PolicyNames } from '../../case/usePolicyVersion';
import type { EnvelopeUse } from './types';

/**
 * What the candidates still in the running request per instrument against the call's envelope, in
 * euro (exact: integer cents). Over the envelope is said in words, not only by colour; it does not
 * stop a selection (libs/domain/src/selection.ts), so it is information, not an error.
 */
export function BudgetAgainstEnvelope({ budget, names }: { budget: EnvelopeUse[]; names: PolicyNames }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 id="call-budget-title">{t('callPage.selection.budgetTitle')}</h3>
      {budget.length === 0 ? (
        <p className="empty">{t('callPage.selection.noBudget')}</p>
      ) : (
        <DataTable
          caption={t('callPage.selection.budgetTitle')}
          columns={[t('callPage.selection.instrument'), t('callPage.selection.envelope'), t('callPage.selection.requestedColumn'), t('callPage.selection.against')]}
        >
          {budget.map((b) => (
            <tr key={b.instrumentCode}>
              <th scope="row">{names.instrument(b.instrumentCode)}</th>
              <td className="cp-num">{formatCents(b.envelopeCents)}</td>
              <td className="cp-num">{formatCents(b.requestedCents)}</td>
              <td>
                {b.overCents > 0 ? (
                  <span className="cp-badge">{t('callPage.selection.over', { amount: formatCents(b.overCents) })}</span>
                ) : (
                  t('callPage.selection.within', { amount: formatCents(b.envelopeCents - b.requestedCents) })
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
