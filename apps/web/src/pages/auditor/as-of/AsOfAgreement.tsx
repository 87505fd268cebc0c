import { useTranslation } from 'react-i18next';
import { formatCents, formatDateTime } from '../../../format';
import type { CaseAsOf } from '../types';
import { Person } from './Person';
import { DataTable } from '../../../components/DataTable';

/** The partnership agreement's versions (hash, earmarks) and who had signed which hash. */
export function AsOfAgreement({ state: s }: { state: CaseAsOf }) {
  const { t } = useTranslation();
  const a = s.agreement;
  return (
    <section aria-labelledby="asof-agreement">
      <h5 id="asof-agreement">{t('auditor.asOf.agreement')}</h5>
      {a.versions.length === 0 ? (
        <p className="empty">{t('auditor.asOf.none')}</p>
      ) : (
        <>
          <p>{a.inForceVersion ? t('auditor.asOf.inForce', { version: a.inForceVersion }) : t('auditor.asOf.notInForce')}</p>
          <DataTable columns={[t('auditor.asOf.version'), t('auditor.asOf.status'), t('auditor.asOf.earmarks'), t('auditor.asOf.signatures')]}>
            {a.versions.map((v) => (
              <tr key={v.version}>
                <th scope="row">
                  {v.version}
                  <br />
                  <code className="hash">{v.sha256}</code>
                </th>
                <td>{t(`auditor.agreementStatus.${v.status}`)}</td>
                <td>{v.earmarks.map((e) => `${e.instrumentCode}: ${formatCents(e.amountCents)}`).join('; ') || '—'}</td>
                <td>
                  {v.signatures.length === 0
                    ? '—'
                    : v.signatures.map((sig) => (
                        <div key={`${sig.partyId}-${sig.signedAt}`}>
                          {sig.party ?? sig.partyId}: <Person person={sig.signer} />, {formatDateTime(sig.signedAt)}
                          {sig.voided ? <strong className="tag late"> {t('auditor.asOf.voided')}</strong> : null}
                        </div>
                      ))}
                </td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
