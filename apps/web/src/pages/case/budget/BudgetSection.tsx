import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { BarChart } from '../../../components/BarChart';
import { formatCents } from '../../../format';
import { CaseSection, ScrollTable } from '../CaseSection';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import type { PolicyNames } from '../usePolicyVersion';

/** Colours of the three series (contrast ≥ 3:1 on white). The chart names instruments by code; the table and the summary by name. */
const COLORS = { earmarked: '#003d6e', released: '#2e7d32', remaining: '#8a4b00' } as const;

/** Per instrument what the agreement earmarked, what was released and what remains: figures and a chart. */
export function BudgetSection({ caseId, policy }: { caseId: string; policy: PolicyNames }) {
  const { t } = useTranslation();
  const budget = useApiQuery(queryKeys.caseBudget(caseId), () => api.GET('/api/cases/{id}/budget', { params: { path: { id: caseId } } }));
  const lines = budget.data ?? [];
  const kinds = ['earmarked', 'released', 'remaining'] as const;
  const valueOf = (line: (typeof lines)[number], kind: (typeof kinds)[number]) =>
    kind === 'earmarked' ? line.earmarkedCents : kind === 'released' ? line.releasedCents : line.remainingCents;
  const summary = t('casePage.budget.chartSummary', {
    lines: lines
      .map((l) =>
        t('casePage.budget.chartLine', {
          instrument: policy.instrument(l.instrumentCode),
          earmarked: formatCents(l.earmarkedCents),
          released: formatCents(l.releasedCents),
          remaining: formatCents(l.remainingCents),
        }),
      )
      .join('; '),
  });

  return (
    <CaseSection id="budget" title={t('casePage.budget.title')} state={budget} notYet={lines.length === 0 && t('casePage.budget.notYet')}>
      {() => (
        <>
          <ScrollTable label={t('casePage.budget.title')}>
            <table>
              <caption className="visually-hidden">{t('casePage.budget.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('casePage.budget.instrument')}</th>
                  <th scope="col" className="cp-num">
                    {t('casePage.budget.earmarked')}
                  </th>
                  <th scope="col" className="cp-num">
                    {t('casePage.budget.requested')}
                  </th>
                  <th scope="col" className="cp-num">
                    {t('casePage.budget.released')}
                  </th>
                  <th scope="col" className="cp-num">
                    {t('casePage.budget.remaining')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.instrumentCode}>
                    <th scope="row">{policy.instrument(l.instrumentCode)}</th>
                    <td className="cp-num">{formatCents(l.earmarkedCents)}</td>
                    <td className="cp-num">{formatCents(l.requestedCents)}</td>
                    <td className="cp-num">{formatCents(l.releasedCents)}</td>
                    <td className="cp-num">{formatCents(l.remainingCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
          <BarChart
            summary={summary}
            series={kinds.map((k) => ({ label: t(`casePage.budget.${k}`), color: COLORS[k] }))}
            groups={lines.map((l) => ({ label: l.instrumentCode, values: kinds.map((k) => valueOf(l, k)) }))}
            format={formatCents}
          />
        </>
      )}
    </CaseSection>
  );
}
