/** Texts of the notifications, Dutch first and English second, as the users read them. */
export interface Message {
  title: string;
  body: string;
}

const DATE = new Intl.DateTimeFormat('nl-BE', { timeZone: 'Europe/Brussels', day: '2-digit', month: '2-digit', year: 'numeric' });
const DATE_EN = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', day: 'numeric', month: 'long', year: 'numeric' });

export function termReminder(subject: string, clusterName: string, dueAt: Date): Message {
  return {
    title: `Herinnering: termijn voor ${subject} loopt af op ${DATE.format(dueAt)} / Reminder: term ends ${DATE_EN.format(dueAt)}`,
    body:
      `De termijn voor ${subject} in het dossier "${clusterName}" eindigt op ${DATE.format(dueAt)} (23:59).\n` +
      `Na die datum wordt "geen advies binnen de termijn" geregistreerd.\n\n` +
      `The term for ${subject} in the case "${clusterName}" ends on ${DATE_EN.format(dueAt)} (23:59 Brussels time).\n` +
      `After that date "no advice within the term" is recorded.`,
  };
}

export function adviceLapsed(councilCode: string, clusterName: string, dueAt: Date): Message {
  return {
    title: `Escalatie: geen advies van ${councilCode} binnen de termijn / Escalation: no advice from ${councilCode}`,
    body:
      `De adviestermijn van ${councilCode} voor het dossier "${clusterName}" is verstreken op ${DATE.format(dueAt)}. ` +
      `Dit is geregistreerd als "geen advies binnen de termijn"; het dossier gaat verder.\n\n` +
      `The advice term of ${councilCode} for the case "${clusterName}" ended on ${DATE_EN.format(dueAt)}. ` +
      `It is recorded as "no advice within the term"; the case goes on.`,
  };
}
