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

/** To a call's candidate still drafting: registration (and with it the last submission) closes soon. */
export function callDeadlineReminder(callTitle: string, clusterName: string, closesAt: Date): Message {
  return {
    title: `Herinnering: de oproep "${callTitle}" sluit op ${DATE.format(closesAt)} / Reminder: the call closes ${DATE_EN.format(closesAt)}`,
    body:
      `Het dossier "${clusterName}" is aangemeld bij de oproep "${callTitle}", maar de routekaart is nog niet ingediend. ` +
      `Dien ze in vóór ${DATE.format(closesAt)} (23:59); daarna sluiten de aanmeldingen en kan ze niet meer worden beoordeeld voor deze oproep.\n\n` +
      `The case "${clusterName}" is registered to the call "${callTitle}", but its roadmap has not been submitted. ` +
      `Submit it before ${DATE_EN.format(closesAt)} (23:59 Brussels time); registration then closes and it can no longer be assessed for this call.`,
  };
}

/** To a candidate's people: the call's approved selection and what it means for their case. */
export function selectionOutcomeMessage(callTitle: string, clusterName: string, selected: boolean, reason: string): Message {
  return selected
    ? {
        title: `Geselecteerd in de oproep "${callTitle}" / Selected in the call`,
        body:
          `Het dossier "${clusterName}" is geselecteerd als speerpuntcluster; het gaat nu naar het advies van de raden.\n${reason}\n\n` +
          `The case "${clusterName}" was selected as a spearhead cluster; it now goes to the councils' advice.`,
      }
    : {
        title: `Niet geselecteerd in de oproep "${callTitle}" / Not selected in the call`,
        body:
          `Het dossier "${clusterName}" is niet geselecteerd; het dossier is afgesloten en blijft te lezen.\n${reason}\n\n` +
          `The case "${clusterName}" was not selected; the case is closed and remains readable.`,
      };
}
