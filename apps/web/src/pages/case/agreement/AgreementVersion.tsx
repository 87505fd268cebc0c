import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { formatCents, formatDate, formatDateTime } from '../../../format';
import { ScrollTable } from '../CaseSection';
import { list, num, openOf, text } from '../open';
import type { PolicyNames } from '../usePolicyVersion';
import type { UserNames } from '../useUserNames';

type AgreementVersionDto = components['schemas']['AgreementVersionDto'];

/** One agreement version: its hash, term and earmarks, each party with its signature (or not yet). */
export function AgreementVersion({ version: v, policy, people, children }: { version: AgreementVersionDto; policy: PolicyNames; people: UserNames; children?: ReactNode }) {
  const { t } = useTranslation();
  const content = openOf(v.content);
  const parties = list(content, 'parties');
  const earmarks = list(content, 'earmarks');
  const signatures = v.signatures.map(openOf);
  const headingId = `agreement-v${v.version}`;

  return (
    <article className="cp-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('casePage.agreement.versionN', { version: v.version })} — {t(`casePage.agreement.statuses.${v.status}`)}
      </h3>
      <dl className="cp-facts">
        <dt>{t('casePage.agreement.sha256')}</dt>
        <dd>
          <code className="cp-hash">{v.sha256}</code>
        </dd>
        <dt>{t('casePage.agreement.signBy')}</dt>
        <dd>{formatDate(v.signBy)}</dd>
        <dt>{t('casePage.agreement.term')}</dt>
        <dd>{t('casePage.agreement.termValue', { years: num(content, 'termYears') ?? '—', months: num(content, 'dialogueCadenceMonths') ?? '—' })}</dd>
        <dt>{t('casePage.agreement.earmarks')}</dt>
        <dd>
          {earmarks.length === 0
            ? '—'
            : earmarks.map((e, i) => (
                <span key={i} className="cp-line">
                  {policy.instrument(text(e, 'instrumentCode') ?? '')}: {formatCents(num(e, 'amountCents'))}
                </span>
              ))}
        </dd>
      </dl>
      <ScrollTable label={`${t('casePage.agreement.parties')} (${t('casePage.agreement.versionN', { version: v.version })})`}>
        <table>
          <caption>{t('casePage.agreement.parties')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casePage.agreement.party')}</th>
              <th scope="col">{t('casePage.agreement.partyKind')}</th>
              <th scope="col">{t('casePage.agreement.representative')}</th>
              <th scope="col">{t('casePage.agreement.commitments')}</th>
              <th scope="col">{t('casePage.agreement.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {parties.map((p, i) => {
              const partyId = text(p, 'partyId');
              const signature = signatures.filter((s) => text(s, 'partyId') === partyId).at(-1);
              const voided = signature ? text(signature, 'voidedAt') : null;
              return (
                <tr key={partyId ?? i}>
                  <th scope="row">{text(p, 'name')}</th>
                  <td>{t(`casePage.agreement.kinds.${text(p, 'kind')}`, { defaultValue: text(p, 'kind') ?? '' })}</td>
                  <td>{people.name(text(p, 'representativeUserId')) ?? '—'}</td>
                  <td>
                    {list(p, 'commitments').length === 0
                      ? '—'
                      : list(p, 'commitments').map((c, j) => (
                          <span key={j} className="cp-line">
                            {t(`casePage.agreement.commitmentKinds.${text(c, 'kind')}`, { defaultValue: text(c, 'kind') ?? '' })}: {text(c, 'description')}
                            {num(c, 'amountCents') !== null ? ` (${formatCents(num(c, 'amountCents'))})` : ''}
                          </span>
                        ))}
                  </td>
                  <td>
                    {!signature
                      ? t('casePage.agreement.notSigned')
                      : voided
                        ? t('casePage.agreement.voided', { signed: formatDateTime(text(signature, 'signedAt')), voided: formatDateTime(voided) })
                        : t('casePage.agreement.signed', { at: formatDateTime(text(signature, 'signedAt')) })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      {text(content, 'text') ? (
        <details>
          <summary>{t('casePage.agreement.text')}</summary>
          <p className="cp-pre">{text(content, 'text')}</p>
        </details>
      ) : null}
      {children}
    </article>
  );
}
