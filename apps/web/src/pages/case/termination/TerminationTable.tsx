import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { DataTable } from '../../../components/DataTable';
import { formatDateTime } from '../../../format';

export type Termination = components['schemas']['TerminationDto'];

/** The case's proposals to end it early, oldest first: what, why, where it stands, who proposed and who decided. */
export function TerminationTable({ items }: { items: Termination[] }) {
  const { t } = useTranslation();
  const col = (key: string) => t(`casePage.termination.col.${key}`);
  return (
    <DataTable caption={t('casePage.termination.listTitle')} columns={[col('kind'), col('reason'), col('status'), col('proposedBy'), col('decidedBy'), col('comment')]}>
      {items.map((p) => (
        <tr key={p.id}>
          <td>{t(`approvals.kind.${p.kind}`)}</td>
          <td className="cp-pre">{p.reason}</td>
          <td>{t(`approvals.status.${p.status}`)}</td>
          <td>
            {p.proposedByName ?? '—'}
            <span className="cp-note">{formatDateTime(p.proposedAt)}</span>
          </td>
          <td>
            {p.decidedByName ?? '—'}
            {p.decidedAt ? <span className="cp-note">{formatDateTime(p.decidedAt)}</span> : null}
          </td>
          <td className="cp-pre">{p.comment ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
