import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { ScrollTable } from '../CaseSection';
import { openOf } from '../open';
import { lineDiff } from './lineDiff';
import { fieldsOf, linesOf, type LinkWords } from './roadmapFields';

type RoadmapVersion = components['schemas']['RoadmapVersionDto'];

/**
 * Two chosen versions side by side, field by field: changed fields are marked, and within them
 * removed lines (left) and added lines (right) are highlighted and named for screen readers.
 */
export function RoadmapCompare({ versions, words }: { versions: RoadmapVersion[]; words?: LinkWords }) {
  const { t } = useTranslation();
  const numbers = versions.map((v) => v.version);
  const newest = versions[versions.length - 1]!;
  // By default the newest version against the last one with other content (a submitted version
  // freezes the draft before it unchanged, so comparing those two would show nothing).
  const previous = [...versions].reverse().find((v) => v.sha256 !== newest.sha256) ?? versions[versions.length - 2] ?? newest;
  const [left, setLeft] = useState(previous.version);
  const [right, setRight] = useState(newest.version);
  const a = versions.find((v) => v.version === left);
  const b = versions.find((v) => v.version === right);
  if (!a || !b) return null;
  const before = openOf(a.content);
  const after = openOf(b.content);

  const select = (id: string, label: string, value: number, set: (n: number) => void) => (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(Number(e.target.value))}>
        {numbers.map((n) => (
          <option key={n} value={n}>
            {t('casePage.roadmap.versionN', { version: n })}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <h3>{t('casePage.roadmap.compareTitle')}</h3>
      <div className="cp-inline-fields">
        {select('roadmap-left', t('casePage.roadmap.compareLeft'), left, setLeft)}
        {select('roadmap-right', t('casePage.roadmap.compareRight'), right, setRight)}
      </div>
      <ScrollTable label={t('casePage.roadmap.compareTitle')}>
        <table className="cp-diff">
          <caption className="visually-hidden">{t('casePage.roadmap.compareCaption', { left, right })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casePage.roadmap.field')}</th>
              <th scope="col">{t('casePage.roadmap.versionN', { version: left })}</th>
              <th scope="col">{t('casePage.roadmap.versionN', { version: right })}</th>
            </tr>
          </thead>
          <tbody>
            {fieldsOf(before, after).map((field) => {
              const ops = lineDiff(linesOf(before[field], words), linesOf(after[field], words));
              const changed = ops.some((o) => o.kind !== 'same');
              return (
                <tr key={field} className={changed ? 'cp-changed' : undefined}>
                  <th scope="row">
                    {t(`casePage.roadmap.fields.${field}`, { defaultValue: field })}
                    {changed ? <span className="cp-badge">{t('casePage.roadmap.changed')}</span> : null}
                  </th>
                  <td>
                    <DiffLines ops={ops.filter((o) => o.kind !== 'added')} />
                  </td>
                  <td>
                    <DiffLines ops={ops.filter((o) => o.kind !== 'removed')} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}

function DiffLines({ ops }: { ops: ReturnType<typeof lineDiff> }) {
  const { t } = useTranslation();
  if (ops.length === 0) return <span className="empty">—</span>;
  return (
    <ul className="cp-lines">
      {ops.map((o, i) => (
        <li key={i}>
          {o.kind === 'removed' ? (
            <del>
              <span className="visually-hidden">{t('casePage.roadmap.removed')} </span>
              {o.line}
            </del>
          ) : o.kind === 'added' ? (
            <ins>
              <span className="visually-hidden">{t('casePage.roadmap.added')} </span>
              {o.line}
            </ins>
          ) : (
            o.line
          )}
        </li>
      ))}
    </ul>
  );
}
