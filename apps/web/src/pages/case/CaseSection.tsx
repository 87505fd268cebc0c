import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import type { Loaded } from '../../data/useApiQuery';

/**
 * One part of the case page: its heading, then a loading state, a refusal ("not for your role"),
 * an error, a short "not yet" text when the step has not been reached, or its content.
 */
export function CaseSection({ id, title, state, notYet, children }: { id: string; title: string; state?: Loaded<unknown>; notYet?: string | false; children: () => ReactNode }) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (state?.loading && state.data === null) body = <Loading />;
  else if (state?.status === 403) body = <p className="empty">{t('casePage.notForRole')}</p>;
  else if (state?.error) body = <LoadError error={state.error} />;
  else if (notYet) body = <p className="empty">{notYet}</p>;
  else body = children();
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="cp-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {body}
    </section>
  );
}

/** A wide table that scrolls sideways on a tablet, reachable by keyboard. */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="cp-scroll" role="region" aria-label={t('casePage.tableRegion', { name: label })} tabIndex={0}>
      {children}
    </div>
  );
}
