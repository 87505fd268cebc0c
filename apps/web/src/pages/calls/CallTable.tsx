import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { formatMomentInWords } from '../../format';
import { Envelopes } from './Envelopes';
import type { Call } from './types';

/** One row per call: its title (a link to it), status and closing moment in words, candidates, envelopes. */
export function CallTable({ calls }: { calls: Call[] }) {
  const { t, i18n } = useTranslation();
  return (
    <DataTable
      caption={t('calls.caption')}
      columns={[t('calls.columns.title'), t('calls.columns.status'), t('calls.columns.closesAt'), t('calls.columns.candidates'), t('calls.columns.envelopes')]}
    >
      {calls.map((call) => (
        <tr key={call.id}>
          <th scope="row">
            <Link to={`/calls/${call.id}`}>{call.title}</Link>
          </th>
          <td>{t(`calls.status.${call.status}`)}</td>
          <td>{t('calls.brusselsTime', { moment: formatMomentInWords(call.registrationClosesAt, i18n.language) })}</td>
          <td>{t('calls.candidateCount', { count: call.candidates })}</td>
          <td>
            <Envelopes call={call} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
