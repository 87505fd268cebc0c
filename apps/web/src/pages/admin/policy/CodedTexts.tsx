import { useTranslation } from 'react-i18next';
import type { Localized } from '../types';
import { localized } from './localized';

/** A coded list (criteria, gate questions, instruments): code and text in the interface language. */
export function CodedTexts({ id, title, items }: { id: string; title: string; items: { code: string; text: Localized }[] }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby={`admin-${id}`}>
      <h3 id={`admin-${id}`}>{title}</h3>
      <table>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.version.code')}</th>
            <th scope="col">{t('admin.version.text')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code}>
              <th scope="row">{item.code}</th>
              <td>{localized(item.text, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
