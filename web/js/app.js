// The respondent app: loads the response and its questionnaire, shows one page at a time, saves each page,
// and shows the end pages. The server decides; rules.js only gives fast feedback before a save.

import { collectAnswers, describeAnswer } from './answers.js';
import { createApi, Outcome } from './api.js';
import { enhanceForm, focusTargetId, h, prose, renderErrorSummary, renderIntroduction, renderQuestion } from './render.js';
import * as rules from './rules.js';
import { establishToken } from './token.js';

const ENDED = new Set(['COMPLETED', 'DECLINED', 'WRONG_RECIPIENT']);

const main = document.getElementById('main');
const live = document.getElementById('live-status');
const siteTitle = document.getElementById('site-title');
const organisationLine = document.getElementById('organisation');

const app = {
  api: null,
  definition: null,
  response: null,
  // Answers typed on a page that was left with "Tilbake" before being saved, so going back loses nothing.
  drafts: new Map(),
  busy: false,
  firstView: true,
  // Set by «Endre» on the summary: once the change is saved, the respondent goes back to the summary.
  returnToSummary: false,
  // Keeps what is typed on the page shown when the respondent leaves it without saving; null on other views.
  leavePage: null,
};

function announce(text) {
  live.textContent = '';
  // A changed text node is what screen readers announce; clearing first makes a repeated message heard again.
  window.setTimeout(() => { live.textContent = text; }, 50);
}

function show(title, nodes, focusId = null) {
  main.replaceChildren(...nodes.flat().filter(Boolean));
  document.title = app.definition ? `${title} – ${app.definition.title}` : title;
  if (app.firstView && !focusId) {
    app.firstView = false;
    return;
  }
  app.firstView = false;
  const target = (focusId && document.getElementById(focusId)) || main.querySelector('h1');
  target?.focus();
}

function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

function retryButton(retry) {
  return h('button', { type: 'button', class: 'button', onclick: retry }, 'Prøv igjen');
}

function showInvalidLink() {
  show('Lenken er ugyldig eller utløpt', [
    heading('Lenken er ugyldig eller utløpt'),
    h('p', {}, 'Vi kjenner ikke igjen lenken du brukte. Den kan være ufullstendig, for eksempel hvis den ble delt '
      + 'over to linjer i e-posten, eller den kan være erstattet av en nyere lenke.'),
    h('p', {}, 'Bruk lenken i den siste e-posten du har fått om undersøkelsen. Har du ikke en lenke som virker, '
      + 'kan du svare på e-posten og be om en ny.'),
  ]);
}

function showSurveyClosed(problem) {
  show('Undersøkelsen er stengt', [
    heading('Undersøkelsen er stengt'),
    h('p', {}, 'Undersøkelsen tar ikke imot svar nå. Svar du allerede har lagret, er tatt vare på.'),
    problem?.detail ? h('p', {}, problem.detail) : null,
  ]);
}

function showConnectionProblem(retry) {
  show('Ingen kontakt med tjenesten', [
    heading('Ingen kontakt med tjenesten'),
    h('p', {}, 'Vi får ikke kontakt med tjenesten akkurat nå. Ingenting av det du har svart, er tapt. '
      + 'Sjekk nettforbindelsen og prøv igjen om litt.'),
    h('p', {}, retryButton(retry)),
  ]);
}

function showUnexpected(problem, retry) {
  show('Noe gikk galt', [
    heading('Noe gikk galt'),
    h('p', {}, problem?.detail || problem?.title || 'Tjenesten svarte ikke som ventet.'),
    h('p', {}, 'Svarene du allerede har lagret, er tatt vare på.'),
    h('p', {}, retryButton(retry)),
  ]);
}

/** Handles the outcomes every call shares; true when the call succeeded. */
function succeeded(result, retry) {
  switch (result.outcome) {
    case Outcome.OK: return true;
    case Outcome.NETWORK: showConnectionProblem(retry); return false;
    case Outcome.INVALID_TOKEN: showInvalidLink(); return false;
    case Outcome.SURVEY_CLOSED: showSurveyClosed(result.body); return false;
    default: showUnexpected(result.body, retry); return false;
  }
}

function organisationName() {
  return app.response?.organisation?.name ?? '';
}

function rulesState() {
  return {
    orgType: app.response.organisation.type,
    answers: app.response.answers ?? {},
    savedPages: app.response.savedPages ?? [],
  };
}

function progressBar() {
  const percent = Math.max(0, Math.min(100, Number(app.response.progress?.percent ?? 0)));
  return h('div', { class: 'progress' },
    h('label', { for: 'progress' }, `Fremdrift: ${percent} %`),
    h('progress', { id: 'progress', max: '100', value: String(percent) }, `${percent} %`));
}

function everyPageNote() {
  const note = app.definition.everyPageNote;
  return note ? h('p', { class: 'page-note' }, prose(note, organisationName())) : null;
}

function shorten(text, max = 70) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function notice(kind, text) {
  return h('div', { class: `notice notice-${kind}`, id: 'notice', tabindex: '-1', role: kind === 'warning' ? 'alert' : null },
    h('p', {}, text));
}

async function load(preferredPage = null, pageNotice = null) {
  const result = await app.api.getResponse();
  if (!succeeded(result, () => load(preferredPage, pageNotice))) return;
  app.response = result.body;
  const { id, version } = app.response.questionnaire;
  if (!app.definition || app.definition.id !== id || app.definition.version !== version) {
    const definition = await app.api.getQuestionnaire(id, version);
    if (!succeeded(definition, () => load(preferredPage, pageNotice))) return;
    app.definition = definition.body;
  }
  siteTitle.textContent = app.definition.title;
  organisationLine.textContent = organisationName();
  route(preferredPage, pageNotice);
}

/**
 * Shows the view the response calls for: its end, the preferred page if it can be reached, else the next page to
 * answer, else the summary. `historyMode` says how the view is recorded in the browser's history.
 */
function route(preferredPage = null, pageNotice = null, historyMode = 'replace') {
  if (ENDED.has(app.response.status)) {
    showEnd(app.response.status, historyMode);
    return;
  }
  const state = rulesState();
  if (preferredPage && rules.isReachable(app.definition, state, preferredPage)) {
    showPage(preferredPage, { notice: pageNotice, historyMode });
  } else if (app.response.nextPage) {
    showPage(app.response.nextPage, { notice: pageNotice, historyMode });
  } else {
    showSummary({ notice: pageNotice, historyMode });
  }
}

/**
 * Records a view in the browser's history: `push` when the respondent moves to another view (so the browser's Back
 * returns to the one left), `replace` when the same view is drawn again or the app chose it by itself. The address
 * stays as it is; only the history entry's state says which view it was.
 */
function remember(view, historyMode) {
  const current = window.history.state?.barometerView;
  const same = current && current.kind === view.kind && current.pageId === view.pageId;
  if (historyMode === 'push' && !same) window.history.pushState({ barometerView: view }, '');
  else window.history.replaceState({ barometerView: view }, '');
}

function leaveCurrentPage() {
  app.leavePage?.();
  app.leavePage = null;
}

/**
 * A page's section heading: its own, or that of the last section the respondent entered on the way to it (later
 * pages of a section leave it null). A section whose opening page is hidden was never entered, so a page after
 * it (Q28 for a kommune that does not work with innovation) keeps the heading the respondent last saw.
 */
function sectionOf(pageId) {
  const visible = new Set(rules.visiblePageIds(app.definition, app.response.organisation.type, app.response.answers ?? {}));
  let section = null;
  for (const page of app.definition.pages) {
    if (page.section && (visible.has(page.id) || page.id === pageId)) section = page.section;
    if (page.id === pageId) return section;
  }
  return null;
}

function pagePosition(pageId) {
  const pages = rules.visiblePageIds(app.definition, app.response.organisation.type, app.response.answers ?? {});
  return { number: pages.indexOf(pageId) + 1, total: pages.length };
}

function offeredFor(question) {
  return rules.offeredOptions(app.definition, app.response.organisation.type, app.response.answers ?? {}, question);
}

function rowsFor(question) {
  return rules.shownRows(app.definition, app.response.organisation.type, app.response.answers ?? {}, question);
}

function errorSummaryItems(problems, questions) {
  const state = rulesState();
  return problems.map((problem) => {
    const question = questions.find((q) => q.id === problem.question);
    if (!question) return { text: problem.message, targetId: null };
    // With several questions on a page the message alone would not say which one it is about.
    const prefix = questions.length > 1 ? `${shorten(rules.withOrganisation(question.text, organisationName()))}: ` : '';
    return {
      text: `${prefix}${problem.message}`,
      targetId: focusTargetId(question, problem, offeredFor(question), rowsFor(question)),
    };
  });
}

/**
 * Shows a question page. `options`: problems (local or from the server) to show beside their questions,
 * notice (a message above the page), focusErrors (move focus to the error summary).
 */
function showPage(pageId, { problems = [], notice: pageNotice = null, historyMode = 'push' } = {}) {
  const definition = app.definition;
  const page = rules.findPage(definition, pageId);
  const state = rulesState();
  const visible = new Set(rules.visibleQuestionIds(definition, state.orgType, state.answers));
  const questions = page.questions.filter((q) => visible.has(q.id));
  const draft = app.drafts.get(pageId);
  const answerOf = (id) => (draft ? draft[id] : state.answers[id]);
  const isFirstPage = rules.visiblePageIds(definition, state.orgType, state.answers)[0] === pageId;
  const { previous } = rules.neighbours(definition, state.orgType, state.answers, pageId);
  const position = pagePosition(pageId);
  const title = sectionOf(pageId) ?? definition.title;

  const form = h('form', { class: 'page-form', novalidate: true, 'aria-labelledby': 'page-heading' },
    questions.map((question) => renderQuestion(question, {
      offered: offeredFor(question),
      rows: rowsFor(question),
      answer: answerOf(question.id),
      problems: problems.filter((p) => p.question === question.id),
      limits: definition.limits,
      organisationName: organisationName(),
    })),
    h('div', { id: 'save-problem' }),
    pageButtons(
      previous ? h('button', { type: 'button', class: 'button button-secondary', onclick: () => goBack(pageId) }, 'Tilbake') : null,
      h('button', { type: 'submit', class: 'button button-primary' }, 'Neste')));
  enhanceForm(form, definition.limits);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveCurrentPage(pageId, form, questions);
  });
  app.leavePage = () => app.drafts.set(pageId, collectAnswers(questions, new FormData(form)));
  remember({ kind: 'page', pageId }, historyMode);

  show(`${title} – side ${position.number} av ${position.total}`, [
    progressBar(),
    h('h1', { tabindex: '-1', id: 'page-heading' }, title),
    isFirstPage && definition.subtitle ? h('p', { class: 'subtitle' }, definition.subtitle) : null,
    isFirstPage ? renderIntroduction(definition.introduction, organisationName()) : null,
    pageNotice,
    problems.length > 0 ? renderErrorSummary(errorSummaryItems(problems, questions)) : null,
    page.info ? h('p', { class: 'page-info' }, prose(page.info, organisationName())) : null,
    everyPageNote(),
    form,
  ], problems.length > 0 ? 'error-summary' : pageNotice ? 'notice' : null);
  if (problems.length > 0) {
    announce(`Siden har ${problems.length === 1 ? 'én feil' : `${problems.length} feil`}.`);
  } else {
    announce(`Side ${position.number} av ${position.total}: ${title}`);
  }
}

function goBack(pageId) {
  if (app.busy) return;
  leaveCurrentPage();
  const state = rulesState();
  const { previous } = rules.neighbours(app.definition, state.orgType, state.answers, pageId);
  if (previous) showPage(previous);
}

/**
 * While a save or submit is on its way the form's controls are disabled, so no second, different save can start
 * and nothing typed meanwhile is left out of the save; a visible line says what is happening.
 */
function setBusy(form, busy, text = '') {
  app.busy = busy;
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const element of form.elements) element.disabled = busy;
  const status = form.querySelector('.busy-status');
  status.textContent = text;
  status.hidden = !busy;
}

/** The buttons under a form; the second click of a double-click must not press the next view's button. */
function pageButtons(...buttons) {
  const row = h('div', { class: 'page-buttons' }, buttons, h('p', { class: 'busy-status', hidden: true }));
  row.addEventListener('click', (event) => {
    if (event.detail > 1 && event.target.closest('button[type="submit"]')) event.preventDefault();
  });
  return row;
}

function showSaveProblem(form, text, retry) {
  const slot = form.querySelector('#save-problem');
  slot.replaceChildren(h('div', { class: 'notice notice-warning', role: 'alert', tabindex: '-1', id: 'save-problem-message' },
    h('p', {}, text),
    retry ? h('p', {}, retryButton(retry)) : null));
  slot.firstChild.focus();
}

const CONFLICT_TEXT = 'Svarene dine er endret et annet sted, for eksempel i en annen fane eller i et annet vindu. '
  + 'Vi har hentet de siste lagrede svarene. Se over siden og trykk «Neste» igjen.';

async function saveCurrentPage(pageId, form, questions) {
  if (app.busy) return;
  const answers = collectAnswers(questions, new FormData(form));
  app.drafts.set(pageId, answers);
  const local = rules.validatePage(app.definition, rulesState(), pageId, answers).filter((p) => p.question !== null);
  if (local.length > 0) {
    showPage(pageId, { problems: local, historyMode: 'replace' });
    return;
  }
  await send(pageId, form, answers);
}

/**
 * Sends a save or a submit (`write`: busyText, call, succeeded, rejected with the problems, pageId to return to,
 * networkText, failedText) and handles what the two share: a conflict with another tab, a response or survey that
 * closed meanwhile, an invalid link, and failures the respondent can retry with nothing lost.
 */
async function sendWrite(form, write) {
  setBusy(form, true, write.busyText);
  announce(write.busyText);
  const result = await write.call();
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
      app.drafts.clear();
      announce('Svarene er endret et annet sted.');
      if (result.body?.current) {
        app.response = result.body.current;
        route(write.pageId, notice('warning', CONFLICT_TEXT));
      } else {
        await load(write.pageId, notice('warning', CONFLICT_TEXT));
      }
      return;
    case Outcome.RESPONSE_CLOSED:
      app.drafts.clear();
      await load();
      return;
    case Outcome.NETWORK:
      showSaveProblem(form, write.networkText, retry);
      return;
    case Outcome.INVALID_TOKEN:
      showInvalidLink();
      return;
    case Outcome.SURVEY_CLOSED:
      showSurveyClosed(result.body);
      return;
    default:
      showSaveProblem(form, result.body?.detail || write.failedText, retry);
  }
}

function send(pageId, form, answers) {
  return sendWrite(form, {
    pageId,
    busyText: 'Lagrer svarene …',
    call: () => app.api.savePage(pageId, app.response.version, answers),
    succeeded: (response) => afterSave(pageId, response),
    rejected: (problems) => showPage(pageId, { problems, historyMode: 'replace' }),
    networkText: 'Vi fikk ikke kontakt med tjenesten, så svarene på denne siden er ikke lagret ennå. '
      + 'Ingenting er tapt: det du har svart, står fortsatt på siden. Prøv igjen.',
    failedText: 'Svarene kunne ikke lagres.',
  });
}

function changeFromSummary(pageId) {
  app.returnToSummary = true;
  showPage(pageId);
}

function afterSave(pageId, response) {
  app.response = response;
  app.drafts.delete(pageId);
  if (ENDED.has(response.status)) {
    app.drafts.clear();
    showEnd(response.status);
    return;
  }
  const removed = response.removedQuestions ?? [];
  const removedNotice = removed.length > 0
    ? notice('info', 'Fordi du endret et svar, gjelder ikke lenger noen av spørsmålene du svarte på tidligere. '
      + 'Svarene på dem er fjernet.')
    : null;
  for (const id of removed) {
    for (const [draftPage, draft] of app.drafts) if (draft[id]) app.drafts.delete(draftPage);
  }
  const state = rulesState();
  const { following } = rules.neighbours(app.definition, state.orgType, state.answers, pageId);
  // A change made from the summary goes back there, unless it opened questions that still need an answer.
  if (app.returnToSummary && !response.nextPage) {
    const changed = rules.findPage(app.definition, pageId).questions[0];
    showSummary({ notice: removedNotice, focusId: removedNotice ? null : `summary-${changed.id}` });
  } else if (following && rules.isReachable(app.definition, state, following)) {
    showPage(following, { notice: removedNotice });
  } else {
    route(null, removedNotice, 'push');
  }
}

/** The summary; `focusId` names the «Endre» button to return focus to after a change made from here. */
function showSummary({ problems = [], notice: pageNotice = null, focusId = null, historyMode = 'push' } = {}) {
  app.returnToSummary = false;
  app.leavePage = null;
  remember({ kind: 'summary' }, historyMode);
  const definition = app.definition;
  const state = rulesState();
  const visible = new Set(rules.visibleQuestionIds(definition, state.orgType, state.answers));
  const pages = definition.pages.filter((page) => page.questions.some((q) => visible.has(q.id)));
  const lastPage = pages.at(-1);
  const entry = (page, question) => {
    const lines = describeAnswer(question, state.answers[question.id]);
    const entryId = `summary-${question.id}`;
    return h('div', { class: 'summary-entry' },
      h('dt', {}, prose(question.text, organisationName())),
      h('dd', {},
        lines.length === 0 ? h('p', { class: 'unanswered' }, 'Ikke besvart')
          : lines.length === 1 ? h('p', {}, lines[0])
            : h('ul', {}, lines.map((line) => h('li', {}, line))),
        h('button', { type: 'button', class: 'link-button', id: entryId, onclick: () => changeFromSummary(page.id) },
          'Endre', h('span', { class: 'visually-hidden' }, ` svaret på «${shorten(question.text)}»`))));
  };
  // One list per section, under the section's heading, so a long summary can be scanned and navigated by headings.
  const sections = [];
  for (const page of pages) {
    const title = sectionOf(page.id) ?? 'Innledende spørsmål';
    if (sections.at(-1)?.title !== title) sections.push({ title, entries: [] });
    sections.at(-1).entries.push(...page.questions.filter((q) => visible.has(q.id)).map((q) => entry(page, q)));
  }
  const errorItems = problems.map((problem) => {
    const question = rules.findQuestion(definition, problem.question);
    return question && visible.has(question.id)
      ? { text: `${shorten(question.text)}: ${problem.message}`, targetId: `summary-${question.id}` }
      : { text: problem.message, targetId: null };
  });
  const form = h('form', { class: 'page-form', novalidate: true, 'aria-labelledby': 'page-heading' },
    h('div', { id: 'save-problem' }),
    pageButtons(
      lastPage ? h('button', { type: 'button', class: 'button button-secondary', onclick: () => showPage(lastPage.id) }, 'Tilbake') : null,
      h('button', { type: 'submit', class: 'button button-primary' }, 'Send inn')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form);
  });
  show('Se over og send inn', [
    progressBar(),
    h('h1', { tabindex: '-1', id: 'page-heading' }, 'Se over og send inn'),
    pageNotice,
    problems.length > 0 ? renderErrorSummary(errorItems) : null,
    h('p', {}, 'Du har kommet til slutten av undersøkelsen. Se over svarene dine. Du kan endre svar før du sender inn; '
      + 'etter at du har sendt inn, kan svarene ikke endres.'),
    h('div', { class: 'summary' }, sections.map((section) => h('section', { class: 'summary-section' },
      h('h2', {}, section.title),
      h('dl', {}, section.entries)))),
    form,
  ], problems.length > 0 ? 'error-summary' : pageNotice ? 'notice' : focusId);
  announce(problems.length > 0 ? 'Svarene kunne ikke sendes inn.' : 'Se over svarene og send inn.');
}

async function submit(form) {
  if (app.busy) return;
  await sendWrite(form, {
    pageId: null,
    busyText: 'Sender inn svarene …',
    call: () => app.api.submit(app.response.version),
    succeeded: (response) => {
      app.response = response;
      showEnd(response.status);
    },
    rejected: (problems) => showSummary({ problems, historyMode: 'replace' }),
    networkText: 'Vi fikk ikke kontakt med tjenesten, så svarene er ikke sendt inn ennå. '
      + 'Ingenting er tapt: alle svarene dine er lagret. Prøv igjen.',
    failedText: 'Svarene kunne ikke sendes inn.',
  });
}

function showEnd(status, historyMode = 'push') {
  app.leavePage = null;
  remember({ kind: 'end' }, historyMode);
  const definition = app.definition;
  const name = organisationName();
  if (status === 'COMPLETED') {
    show('Svarene er sendt inn', [
      h('div', { class: 'end-panel end-panel-done' },
        heading('Svarene er sendt inn'),
        h('p', {}, prose(definition.closing ?? 'Takk for ditt bidrag.', name))),
      // Nothing moves the respondent on by itself (a timed redirect is hard to follow); the link is there instead.
      h('p', {}, 'Svarene er lagret, og du kan lukke denne siden. ',
        h('a', { href: 'https://www.ks.no/' }, 'Gå til KS\' hjemmeside')),
    ]);
    announce('Svarene er sendt inn.');
    return;
  }
  const title = status === 'DECLINED' ? 'Du deltar ikke i undersøkelsen' : 'Takk for beskjeden';
  show(title, [
    h('div', { class: 'end-panel' },
      heading(title),
      h('p', {}, prose(definition.endings?.[status] ?? '', name))),
  ]);
  announce(title);
}

// A link in an error summary moves focus to its field, not just scrolls there.
main.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-focus-target]');
  if (!link) return;
  const target = document.getElementById(link.dataset.focusTarget);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
});

function apiBase() {
  return document.querySelector('meta[name="barometer-api-base"]')?.content ?? '';
}

// The browser's Back and Forward move between the views the respondent has seen, keeping what was typed on the
// page left. The response decides what can be shown: a page no longer on the route gives way to the next one, and
// an ended response shows its end. During a save the history entry changes but the view waits for the answer.
window.addEventListener('popstate', (event) => {
  const view = event.state?.barometerView;
  if (!view || !app.response || app.busy) return;
  leaveCurrentPage();
  route(view.kind === 'page' ? view.pageId : null, null, 'replace');
});

function start() {
  const token = establishToken(window.location, window.history, window.sessionStorage);
  if (!token) {
    showInvalidLink();
    return;
  }
  app.api = createApi({ base: apiBase(), token });
  // A reload keeps the page that was on screen.
  const view = window.history.state?.barometerView;
  load(view?.kind === 'page' ? view.pageId : null);
}

start();
