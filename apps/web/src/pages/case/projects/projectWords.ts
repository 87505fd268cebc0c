import type { TFunction } from 'i18next';
import type { components } from '../../../api/schema';
import { formatDate } from '../../../format';

export type Project = components['schemas']['ProjectDto'];
export type ProjectStatus = Project['status'];
export type Coverage = components['schemas']['ProjectCoverageDto'];
type Target = components['schemas']['RoadmapTargetDto'];

/** Every status a new project may start in, in the order of a project's life (the API's enum). */
export const PROJECT_STATUS_ORDER = ['idea', 'submitted', 'running', 'finished', 'stopped'] as const satisfies readonly ProjectStatus[];

/** A select's value for a roadmap objective or milestone, and back. */
export const targetValue = (t: Target): string => `${t.kind}:${t.index}`;
export function targetOf(value: string): Target | null {
  const m = /^(objective|milestone):(\d+)$/.exec(value);
  return m ? { kind: m[1] as Target['kind'], index: Number(m[2]) } : null;
}

/** "Doelstelling 1: 30% minder CO2-uitstoot", "Mijlpaal 2: Pilootinstallatie (30/06/2028)". */
export function entryWords(t: TFunction, e: { kind: Target['kind']; index: number; text: string; dueDate?: string }): string {
  const label = t(`projects.kind.${e.kind}`, { n: e.index + 1 });
  return e.dueDate ? t('projects.entryDue', { label, text: e.text, due: formatDate(e.dueDate) }) : t('projects.entry', { label, text: e.text });
}

/** What the project serves, in words: the entry of the current roadmap version, or where it was on an earlier one. */
export function servesWords(t: TFunction, p: Project, coverage: Coverage | null): string {
  if (coverage && p.roadmapVersion === coverage.roadmapVersion) {
    const entry = (p.serves.kind === 'objective' ? coverage.objectives : coverage.milestones).find((e) => e.index === p.serves.index);
    if (entry) return entryWords(t, entry);
  }
  return t('projects.onVersion', { label: t(`projects.kind.${p.serves.kind}`, { n: p.serves.index + 1 }), version: p.roadmapVersion });
}

/** Integer cents as a Belgian user types euros ("1.250.000,00"), without passing through a float. */
export function centsToEuroText(cents: number | null): string {
  if (cents === null) return '';
  const whole = (cents - (cents % 100)) / 100;
  return `${whole.toLocaleString('nl-BE')},${String(cents % 100).padStart(2, '0')}`;
}
