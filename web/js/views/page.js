// A question page: the visible questions of one page as the saved state shows them (the response's `visible`),
// with what was typed before, the problems to show beside each question, and Tilbake and Neste.

import { neighbours, position } from '../navigation.js';
import { enhanceForm, focusTargetId, h, prose, renderErrorSummary, renderIntroduction, renderQuestion } from '../render.js';
import { withOrganisation } from '../rules.js';
import { everyPageNote, pageButtons, progressBar, sectionOf, shorten, shownQuestions } from './parts.js';

function errorSummaryItems(problems, shown, organisationName) {
  return problems.map((problem) => {
    const entry = shown.find(({ question }) => question.id === problem.question);
    if (!entry) return { text: problem.message, targetId: null };
    // With several questions on a page the message alone would not say which one it is about.
    const prefix = shown.length > 1 ? `${shorten(withOrganisation(entry.question.text, organisationName))}: ` : '';
    return {
      text: `${prefix}${problem.message}`,
      targetId: focusTargetId(entry.question, problem, entry.offered, entry.rows),
    };
  });
}

/**
 * The page `pageId` of `response`. `answers`: the answers to show (typed before, or saved); `problems` (local or
 * from the server) are shown beside their questions; `notice` is a message above the page. `actions.back()` goes
 * to the previous page, `actions.save(form, questions)` is called when the respondent presses Neste. The screen
 * also carries the form and the questions on it.
 */
export function pageView({ definition, response, pageId, answers, problems = [], notice = null }, actions) {
  const visiblePage = response.visible.pages.find((page) => page.id === pageId);
  const page = definition.pages.find((p) => p.id === pageId);
  const shown = shownQuestions(definition, visiblePage);
  const questions = shown.map(({ question }) => question);
  const organisationName = response.organisation.name;
  const isFirstPage = response.visible.pages[0].id === pageId;
  const { previous } = neighbours(response, pageId);
  const { number, total } = position(response, pageId);
  const title = sectionOf(definition, response.visible, pageId) ?? definition.title;

  const form = h('form', { class: 'page-form', novalidate: true, 'aria-labelledby': 'page-heading' },
    shown.map(({ question, offered, rows }) => renderQuestion(question, {
      offered,
      rows,
      answer: answers[question.id],
      problems: problems.filter((p) => p.question === question.id),
      limits: definition.limits,
      organisationName,
    })),
    h('div', { id: 'save-problem' }),
    pageButtons(
      previous ? h('button', { type: 'button', class: 'button button-secondary', onclick: () => actions.back() }, 'Tilbake') : null,
      h('button', { type: 'submit', class: 'button button-primary' }, 'Neste')));
  enhanceForm(form, definition.limits);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.save(form, questions);
  });

  return {
    title: `${title} – side ${number} av ${total}`,
    content: [
      progressBar(response.progress),
      h('h1', { tabindex: '-1', id: 'page-heading' }, title),
      isFirstPage && definition.subtitle ? h('p', { class: 'subtitle' }, definition.subtitle) : null,
      isFirstPage ? renderIntroduction(definition.introduction, organisationName) : null,
      notice,
      problems.length > 0 ? renderErrorSummary(errorSummaryItems(problems, shown, organisationName)) : null,
      page.info ? h('p', { class: 'page-info' }, prose(page.info, organisationName)) : null,
      everyPageNote(definition, organisationName),
      form,
    ],
    focusId: problems.length > 0 ? 'error-summary' : notice ? 'notice' : null,
    announcement: problems.length > 0
      ? `Siden har ${problems.length === 1 ? 'én feil' : `${problems.length} feil`}.`
      : `Side ${number} av ${total}: ${title}`,
    form,
    questions,
  };
}
