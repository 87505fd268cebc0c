import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format';
import { fieldsOf, linesOf } from '../case/roadmap/roadmapFields';
import { list, num, openOf, text, type Open } from '../case/open';
import { DataTable } from '../../components/DataTable';

/**
 * The frozen roadmap as the council reads it: each field of the content in the order of the
 * roadmap form, milestones and commitments as tables, and any field the form does not know as text.
 */
export function RoadmapContent({ content }: { content: Open }) {
  const { t } = useTranslation();
  const label = (field: string) => t(`casePage.roadmap.fields.${field}`, { defaultValue: field });
  const c = openOf(content);
  return (
    <>
      {fieldsOf(c).map((field) => {
        const id = `roadmap-field-${field}`;
        return (
          <section key={field} aria-labelledby={id}>
            <h3 id={id}>{label(field)}</h3>
            <FieldValue content={c} field={field} caption={label(field)} />
          </section>
        );
      })}
    </>
  );
}

function FieldValue({ content, field, caption }: { content: Open; field: string; caption: string }) {
  const { t } = useTranslation();
  const empty = <p className="empty">{t('council.request.emptyField')}</p>;
  switch (field) {
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
      const lines = linesOf(content[field]);
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
