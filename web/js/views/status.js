// What the respondent sees when the questionnaire cannot be shown: a link that does not work, a survey that is
// closed, no connection to the service, or an answer the app did not expect.

import { h } from '../render.js';
import { heading, retryButton } from './parts.js';

/** A screen headed by its title; the live region stays quiet, since focus moves to the heading. */
function statusScreen(title, ...paragraphs) {
  return { title, content: [heading(title), ...paragraphs], focusId: null, announcement: null };
}

export function invalidLinkView() {
  return statusScreen('Lenken er ugyldig eller utløpt',
    h('p', {}, 'Vi kjenner ikke igjen lenken du brukte. Den kan være ufullstendig, for eksempel hvis den ble delt '
      + 'over to linjer i e-posten, eller den kan være erstattet av en nyere lenke.'),
    h('p', {}, 'Bruk lenken i den siste e-posten du har fått om undersøkelsen. Har du ikke en lenke som virker, '
      + 'kan du svare på e-posten og be om en ny.'));
}

/** `problem`: the server's problem body, whose detail may say more. */
export function surveyClosedView(problem) {
  return statusScreen('Undersøkelsen er stengt',
    h('p', {}, 'Undersøkelsen tar ikke imot svar nå. Svar du allerede har lagret, er tatt vare på.'),
    problem?.detail ? h('p', {}, problem.detail) : null);
}

export function connectionProblemView(retry) {
  return statusScreen('Ingen kontakt med tjenesten',
    h('p', {}, 'Vi får ikke kontakt med tjenesten akkurat nå. Ingenting av det du har svart, er tapt. '
      + 'Sjekk nettforbindelsen og prøv igjen om litt.'),
    h('p', {}, retryButton(retry)));
}

export function unexpectedView(problem, retry) {
  return statusScreen('Noe gikk galt',
    h('p', {}, problem?.detail || problem?.title || 'Tjenesten svarte ikke som ventet.'),
    h('p', {}, 'Svarene du allerede har lagret, er tatt vare på.'),
    h('p', {}, retryButton(retry)));
}
