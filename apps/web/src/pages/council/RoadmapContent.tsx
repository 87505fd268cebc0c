import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';
import { fieldsOf, linesOf, type LinkWords } from '../case/roadmap/roadmapFields';
import { list, num, openOf, text, type Open } from '../case/open';
import { DataTable } from '../../components/DataTable';
import { api } from '../../api/client';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import { useEuropeanNames } from '../european/europeanNames';

/**
 * The frozen roadmap as the council reads it: each field of the content in the order of the
 * roadmap form, milestones and commitments as tables, and any field the form does not know as text.
 */
export function RoadmapContent({ content }: { content: Open }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`casePage.roadmap.fields.${field}`, { defaultValue: field });
  const c = openOf(content);
  // A council does not read the case's policy version; the newest one names the partnerships (codes are kept across versions).
  const words = useEuropeanNames(useApiQuery(queryKeys.policyLatest(), () => api.GET('/api/policy-versions/latest'), { newObjectEachRead: true }).data?.content);
  return (
    <>
      {fieldsOf(c).map((field) => {
        const id = `roadmap-field-${field}`;
        return (
          <section key={field} aria-labelledby={id}>
            <h3 id={id}>{label(field)}</h3>
            <FieldValue content={c} field={field} caption={label(field)} words={words} />
          </section>
        );
      })}
    </>
  );
}

function FieldValue({ content, field, caption, words }: { content: Open; field: string; caption: string; words: LinkWords }) {
  const { t } = useTranslation();
  const empty = <p className="empty">{t('council.request.emptyField')}</p>;
  switch (field) {
    case 'baseline':
    case 'vision':
      return text(content, field) ? <p className="roadmap-text">{text(content, field)}</p> : empty;
    case 'horizonYear':
      return num(content, field) !== null ? <p>{num(content, field)}</p> : empty;
    case 'milestones': {
      const rows = list(content, field);
      if (!rows.length) return empty;
      return (
        <DataTable caption={caption} columns={[t('council.request.milestone'), t('council.request.dueDate')]}>
          {rows.map((m, i) => (
            <tr key={i}>
              <td>{text(m, 'title') ?? '—'}</td>
              <td>{formatDate(text(m, 'dueDate'))}</td>
            </tr>
          ))}
        </DataTable>
      );
    }
    case 'commitments': {
      const rows = list(content, field);
      if (!rows.length) return empty;
      return (
        <DataTable caption={caption} columns={[t('council.request.actor'), t('council.request.commitment')]}>
          {rows.map((m, i) => (
            <tr key={i}>
              <td>{text(m, 'actor') ?? '—'}</td>
              <td>{text(m, 'commitment') ?? '—'}</td>
            </tr>
          ))}
        </DataTable>
      );
    }
    default: {
      // Lists of texts (objectives, portfolio, links, challenges) and whatever else the content holds.
      const lines = linesOf(content[field], words);
      if (!lines.length) return empty;
      return (
        <ul>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      );
    }
  }
}
