import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '@cluster/audit';
import { CASE_STAGES, euroDecimal, STAGE_WORDS, type DialogueOutcome, type PortfolioSection, type Words } from '@cluster/domain';
import type { PortfolioOverview } from '@cluster/cases';
import type { Language } from '../platform/i18n/language';

/** A cell: text (made safe against spreadsheet formulas) or a figure already in its CSV form. */
type Cell = { text: string } | { figure: string };
const text = (value: string | null | undefined): Cell => ({ text: value ?? '' });
const euro = (cents: number): Cell => ({ figure: euroDecimal(cents) });
const count = (n: number): Cell => ({ figure: String(n) });
/** A decimal (days, a ratio) with a decimal comma; empty when there is none. */
const decimal = (n: number | null): Cell => ({ figure: n === null ? '' : String(n).replace('.', ',') });

const OUTCOME_WORDS: Record<DialogueOutcome, Words> = {
  on_track: { nl: 'op koers', en: 'on track' },
  attention: { nl: 'aandacht', en: 'attention' },
  off_track: { nl: 'niet op koers', en: 'off track' },
};

const w = (nl: string, en: string): Words => ({ nl, en });
const H = {
  call: w('Oproep', 'Call'),
  outsideCall: w('Buiten een oproep', 'Outside any call'),
  year: w('Jaar', 'Year'),
  total: w('Totaal', 'Total'),
  case: w('Dossier', 'Case'),
  caseId: w('Dossier-id', 'Case id'),
  what: w('Wat', 'What is due'),
  due: w('Vervaldatum', 'Due'),
  daysOverdue: w('Dagen te laat', 'Days overdue'),
  council: w('Raad', 'Council'),
  requested: w('Gevraagd', 'Requested'),
  advised: w('Geadviseerd', 'Advised'),
  lapsed: w('Termijn verstreken', 'Lapsed'),
  open: w('Open', 'Open'),
  median: w('Mediaan (dagen)', 'Median (days)'),
  slowest: w('Traagst (dagen)', 'Slowest (days)'),
  instrument: w('Instrument', 'Instrument'),
  earmarked: w('Geoormerkt (EUR)', 'Earmarked (EUR)'),
  requestedEuro: w('Gevraagd, open (EUR)', 'Requested, open (EUR)'),
  approved: w('Goedgekeurd (EUR)', 'Approved (EUR)'),
  released: w('Vrijgegeven (EUR)', 'Released (EUR)'),
  remaining: w('Resterend (EUR)', 'Remaining (EUR)'),
  envelope: w('Enveloppe (EUR)', 'Envelope (EUR)'),
  unallocated: w('Niet toegewezen (EUR)', 'Unallocated (EUR)'),
  cluster: w('Cluster', 'Cluster'),
  cycle: w('Cyclus', 'Cycle'),
  outcome: w('Uitkomst', 'Outcome'),
  recordedAt: w('Vastgelegd op', 'Recorded at'),
  partners: w('Engagementen partners (EUR)', 'Partner commitments (EUR)'),
  ratio: w('Hefboom', 'Leverage'),
};

/** An instant as Brussels local time, "2026-12-07 16:05" (a spreadsheet reads it as a date). */
function brussels(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

function table(o: PortfolioOverview, section: PortfolioSection, lang: Language): { header: string[]; rows: Cell[][] } {
  const h = (...ws: Words[]) => ws.map((x) => x[lang]);
  switch (section) {
    case 'funnel':
      return {
        header: [...h(H.call, H.year), ...CASE_STAGES.map((s) => STAGE_WORDS[s][lang]), H.total[lang]],
        rows: [
          ...o.funnel.groups.map((g) => [text(g.callTitle ?? H.outsideCall[lang]), count(g.year), ...g.stages.map((s) => count(s.count)), count(g.total)]),
          [text(H.total[lang]), text(''), ...o.funnel.stages.map((s) => count(s.count)), count(o.funnel.total)],
        ],
      };
    case 'overdue':
      return {
        header: h(H.case, H.what, H.due, H.daysOverdue, H.caseId),
        rows: o.overdue.items.map((i) => [text(i.caseName), text(i.what[lang]), text(brussels(i.dueAt)), count(i.daysOverdue), text(i.caseId)]),
      };
    case 'councils':
      return {
        header: h(H.council, H.requested, H.advised, H.lapsed, H.open, H.median, H.slowest),
        rows: o.councils.map((c) => [text(c.councilCode), count(c.requested), count(c.advised), count(c.lapsed), count(c.open), decimal(c.medianDays), decimal(c.slowestDays)]),
      };
    case 'budget': {
      const figures = (f: PortfolioOverview['budget']['total']) => [euro(f.earmarkedCents), euro(f.requestedCents), euro(f.approvedCents), euro(f.releasedCents), euro(f.remainingCents)];
      return {
        header: h(H.instrument, H.earmarked, H.requestedEuro, H.approved, H.released, H.remaining),
        rows: [...o.budget.instruments.map((i) => [text(i.instrumentCode), ...figures(i)]), [text(H.total[lang]), ...figures(o.budget.total)]],
      };
    }
    case 'envelopes':
      return {
        header: h(H.call, H.instrument, H.envelope, H.earmarked, H.requestedEuro, H.released, H.remaining, H.unallocated),
        rows: o.budget.envelopes.map((e) => [text(e.callTitle), text(e.instrumentCode), euro(e.envelopeCents), euro(e.earmarkedCents), euro(e.requestedCents), euro(e.releasedCents), euro(e.remainingCents), euro(e.unallocatedCents)]),
      };
    case 'dialogue':
      return {
        header: h(H.cluster, H.cycle, H.outcome, H.recordedAt),
        rows: o.dialogue.clusters.flatMap((c) => c.cycles.map((y) => [text(c.clusterName), count(y.cycle), text(OUTCOME_WORDS[y.outcome as DialogueOutcome][lang]), text(brussels(y.recordedAt))])),
      };
    case 'leverage':
      return {
        header: h(H.cluster, H.partners, H.earmarked, H.ratio),
        rows: [
          ...o.leverage.clusters.map((c) => [text(c.clusterName), euro(c.partnerCommitmentsCents), euro(c.earmarkedCents), decimal(c.ratio)]),
          [text(H.total[lang]), euro(o.leverage.partnerCommitmentsCents), euro(o.leverage.earmarkedCents), decimal(o.leverage.ratio)],
        ],
      };
  }
}

/**
 * One section of the overview as CSV for Flemish Excel: UTF-8 with a BOM, semicolons between
 * cells (a comma is the decimal sign there), amounts in euro with a decimal comma and no
 * thousands separator, Windows line ends; cells quoted when they hold a semicolon, a quote or a
 * line break, and text that a spreadsheet would run as a formula starts with a quote.
 */
export function portfolioCsv(o: PortfolioOverview, section: PortfolioSection, lang: Language): string {
  const { header, rows } = table(o, section, lang);
  const cells = rows.map((r) => r.map((c) => ('text' in c ? spreadsheetSafe(c.text) : c.figure)));
  return stringify([header.map(spreadsheetSafe), ...cells], { delimiter: ';', record_delimiter: 'windows', bom: true, quoted_match: /^\s|\s$/ });
}
