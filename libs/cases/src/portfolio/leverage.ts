import { leverageRatio } from '@cluster/domain';
import type { LeverageRow } from '@cluster/persistence';
import type { PortfolioLeverage } from './portfolio.types';

const BASIS = {
  nl: 'Financiële engagementen van de partijen buiten de overheid in de ondertekende partnerschapsovereenkomst, tegenover de geoormerkte middelen van het dossier.',
  en: 'Financial commitments of the parties other than the government in the signed partnership agreement, against the case’s earmarked means.',
};

/** Leverage per cluster and over the portfolio (the rule: libs/domain/src/portfolio.ts). */
export function leverageOf(rows: LeverageRow[]): PortfolioLeverage {
  const partners = rows.reduce((a, r) => a + r.partnerCommitmentsCents, 0);
  const earmarked = rows.reduce((a, r) => a + r.earmarkedCents, 0);
  if (!Number.isSafeInteger(partners) || !Number.isSafeInteger(earmarked)) throw new RangeError('portfolio leverage beyond exact integer range');
  return {
    basis: BASIS,
    clusters: rows.map((r) => ({ ...r, ratio: leverageRatio(r.partnerCommitmentsCents, r.earmarkedCents) })),
    partnerCommitmentsCents: partners,
    earmarkedCents: earmarked,
    ratio: leverageRatio(partners, earmarked),
  };
}
