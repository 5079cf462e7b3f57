// The respondent's way through the questionnaire: loads the response and its questionnaire through the API, shows
// the view the response calls for, checks a page with rules.js before sending it, saves, submits, and acts on what
// the server answers. The server decides; what the saved state shows comes with its reply.

import { collectAnswers } from './answers.js';
import { Outcome } from './api.js';
import { hasEnded, isReachable, neighbours, viewFor } from './navigation.js';
import { validatePage } from './rules.js';
import { endView } from './views/end.js';
import { pageView } from './views/page.js';
import { notice, setBusy, showSaveProblem } from './views/parts.js';
import { connectionProblemView, invalidLinkView, surveyClosedView, unexpectedView } from './views/status.js';
import { summaryView } from './views/summary.js';

const CONFLICT_TEXT = 'Svarene dine er endret et annet sted, for eksempel i en annen fane eller i et annet vindu. '
  + 'Vi har hentet de siste lagrede svarene. Se over siden og trykk «Neste» igjen.';

const REMOVED_TEXT = 'Fordi du endret et svar, gjelder ikke lenger noen av spørsmålene du svarte på tidligere. '
  + 'Svarene på dem er fjernet.';

/**
 * `api` (api.js), `screen` (screen.js), `history` (navigation.js's createHistory), and `formEntries(form)`, the
 * [name, value] pairs a form would submit (FormData in the browser).
 */
export function createController({ api, screen, history, formEntries }) {
  let definition = null;
  let response = null;
  // Answers typed on a page that was left with "Tilbake" before being saved, so going back loses nothing.
  const drafts = new Map();
  let busy = false;
  // Set by «Endre» on the summary: once the change is saved, the respondent goes back to the summary.
  let returnToSummary = false;
  // Keeps what is typed on the page shown when the respondent leaves it without saving; null on other views.
  let leavePage = null;

  function show(view, mode, screenOf) {
    history.remember(view, mode);
    screen.show(screenOf);
  }

  /** Handles the outcomes every call shares; true when the call succeeded. */
  function succeeded(result, retry) {
    switch (result.outcome) {
      case Outcome.OK: return true;
      case Outcome.NETWORK: screen.show(connectionProblemView(retry)); return false;
      case Outcome.INVALID_TOKEN: screen.show(invalidLinkView()); return false;
      case Outcome.SURVEY_CLOSED: screen.show(surveyClosedView(result.body)); return false;
      default: screen.show(unexpectedView(result.body, retry)); return false;
    }
  }

  async function load(preferredPage = null, pageNotice = null) {
    const result = await api.getResponse();
    const retry = () => load(preferredPage, pageNotice);
    if (!succeeded(result, retry)) return;
    const { id, version } = result.body.questionnaire;
    if (!definition || definition.id !== id || definition.version !== version) {
      const loaded = await api.getQuestionnaire(id, version);
      if (!succeeded(loaded, retry)) return;
      definition = loaded.body;
    }
    response = result.body;
    screen.header(definition.title, response.organisation.name);
    route(preferredPage, pageNotice);
  }

  /** Shows the view the response calls for; `mode` says how it is recorded in the browser's history. */
  function route(preferredPage = null, pageNotice = null, mode = 'replace') {
    const view = viewFor(response, preferredPage);
    if (view.kind === 'end') showEnd(mode);
    else if (view.kind === 'page') showPage(view.pageId, { notice: pageNotice, mode });
    else showSummary({ notice: pageNotice, mode });
  }

  function leaveCurrentPage() {
    leavePage?.();
    leavePage = null;
  }

  /** A question page, with `problems` (local or from the server) and a `notice` above it. */
  function showPage(pageId, { problems = [], notice: pageNotice = null, mode = 'push' } = {}) {
    const screenOf = pageView({
      definition,
      response,
      pageId,
      answers: drafts.get(pageId) ?? response.answers ?? {},
      problems,
      notice: pageNotice,
    }, {
      back: () => goBack(pageId),
      save: (form, questions) => saveCurrentPage(pageId, form, questions),
    });
    leavePage = () => drafts.set(pageId, collectAnswers(screenOf.questions, formEntries(screenOf.form)));
    show({ kind: 'page', pageId }, mode, screenOf);
  }

  function goBack(pageId) {
    if (busy) return;
    leaveCurrentPage();
    const { previous } = neighbours(response, pageId);
    if (previous) showPage(previous);
  }

  async function saveCurrentPage(pageId, form, questions) {
    if (busy) return;
    const answers = collectAnswers(questions, formEntries(form));
    drafts.set(pageId, answers);
    const state = { orgType: response.organisation.type, answers: response.answers ?? {}, savedPages: response.savedPages ?? [] };
    const local = validatePage(definition, state, pageId, answers).filter((p) => p.question !== null);
    if (local.length > 0) {
      showPage(pageId, { problems: local, mode: 'replace' });
      return;
    }
    await sendWrite(form, {
      pageId,
      busyText: 'Lagrer svarene …',
      call: () => api.savePage(pageId, response.version, answers),
      succeeded: (saved) => afterSave(pageId, saved),
      rejected: (problems) => showPage(pageId, { problems, mode: 'replace' }),
      networkText: 'Vi fikk ikke kontakt med tjenesten, så svarene på denne siden er ikke lagret ennå. '
        + 'Ingenting er tapt: det du har svart, står fortsatt på siden. Prøv igjen.',
      failedText: 'Svarene kunne ikke lagres.',
    });
  }

  /**
   * Sends a save or a submit (`write`: busyText, call, succeeded, rejected with the problems, pageId to return to,
   * networkText, failedText) and handles what the two share: a conflict with another tab, a response or survey
   * that closed meanwhile, an invalid link, and failures the respondent can retry with nothing lost.
   */
  async function sendWrite(form, write) {
    busy = true;
    setBusy(form, true, write.busyText);
    screen.announce(write.busyText);
    const result = await write.call();
    busy = false;
    setBusy(form, false);
    const retry = () => sendWrite(form, write);
    switch (result.outcome) {
      case Outcome.OK:
        write.succeeded(result.body);
        return;
      case Outcome.VALIDATION_FAILED:
        write.rejected(result.body?.errors ?? []);
        return;
      case Outcome.VERSION_CONFLICT:
        drafts.clear();
        screen.announce('Svarene er endret et annet sted.');
        if (result.body?.current) {
          response = result.body.current;
          route(write.pageId, notice('warning', CONFLICT_TEXT));
        } else {
          await load(write.pageId, notice('warning', CONFLICT_TEXT));
        }
        return;
      case Outcome.RESPONSE_CLOSED:
        drafts.clear();
        await load();
        return;
      case Outcome.NETWORK:
        showSaveProblem(form, write.networkText, retry);
        return;
      case Outcome.INVALID_TOKEN:
        screen.show(invalidLinkView());
        return;
      case Outcome.SURVEY_CLOSED:
        screen.show(surveyClosedView(result.body));
        return;
      default:
        showSaveProblem(form, result.body?.detail || write.failedText, retry);
    }
  }

  function afterSave(pageId, saved) {
    response = saved;
    drafts.delete(pageId);
    if (hasEnded(saved)) {
      drafts.clear();
      showEnd();
      return;
    }
    const removed = saved.removedQuestions ?? [];
    const removedNotice = removed.length > 0 ? notice('info', REMOVED_TEXT) : null;
    for (const id of removed) {
      for (const [draftPage, draft] of drafts) if (draft[id]) drafts.delete(draftPage);
    }
    const { following } = neighbours(saved, pageId);
    // A change made from the summary goes back there, unless it opened questions that still need an answer.
    if (returnToSummary && !saved.nextPage) {
      const changed = saved.visible.pages.find((page) => page.id === pageId)?.questions[0];
      showSummary({ notice: removedNotice, focusId: removedNotice || !changed ? null : `summary-${changed.id}` });
    } else if (following && isReachable(saved, following)) {
      showPage(following, { notice: removedNotice });
    } else {
      route(null, removedNotice, 'push');
    }
  }

  /** The summary; `focusId` names the «Endre» button to return focus to after a change made from here. */
  function showSummary({ problems = [], notice: pageNotice = null, focusId = null, mode = 'push' } = {}) {
    returnToSummary = false;
    leavePage = null;
    const screenOf = summaryView({ definition, response, problems, notice: pageNotice, focusId }, {
      change: (pageId) => {
        returnToSummary = true;
        showPage(pageId);
      },
      back: (pageId) => showPage(pageId),
      submit: (form) => submit(form),
    });
    show({ kind: 'summary' }, mode, screenOf);
  }

  async function submit(form) {
    if (busy) return;
    await sendWrite(form, {
      pageId: null,
      busyText: 'Sender inn svarene …',
      call: () => api.submit(response.version),
      succeeded: (submitted) => {
        response = submitted;
        showEnd();
      },
      rejected: (problems) => showSummary({ problems, mode: 'replace' }),
      networkText: 'Vi fikk ikke kontakt med tjenesten, så svarene er ikke sendt inn ennå. '
        + 'Ingenting er tapt: alle svarene dine er lagret. Prøv igjen.',
      failedText: 'Svarene kunne ikke sendes inn.',
    });
  }

  function showEnd(mode = 'push') {
    leavePage = null;
    show({ kind: 'end' }, mode, endView({ definition, status: response.status, organisationName: response.organisation.name }));
  }

  return {
    /** Loads the response and shows the page the history entry was on (a reload keeps it), or where to go on. */
    start() {
      const view = history.current();
      return load(view?.kind === 'page' ? view.pageId : null);
    },

    /**
     * The browser's Back or Forward reached a view the respondent has seen. What was typed on the page left is kept;
     * the response decides what is shown: a page no longer on the way gives way to the next one, an ended response
     * shows its end. During a save the view waits for the answer.
     */
    returnTo(view) {
      if (!view || !response || busy) return;
      leaveCurrentPage();
      route(view.kind === 'page' ? view.pageId : null, null, 'replace');
    },

    /** No usable link: nothing can be loaded. */
    refuseLink() {
      screen.show(invalidLinkView());
    },
  };
}
