// The summary before sending in: every visible question of the saved state (the response's `visible`) with its
// answer, grouped under the section headings the pages showed, each with «Endre».

import { describeAnswer } from '../answers.js';
import { h, prose, renderErrorSummary } from '../render.js';
import { pageButtons, progressBar, sectionOf, shorten, shownQuestions } from './parts.js';

/**
 * `problems` (from the server's check at submit) are listed at the top, `notice` above the summary, and `focusId`
 * names the «Endre» button to return focus to after a change made from here. `actions.change(pageId)` opens a page
 * to change, `actions.back(pageId)` goes to the last page, `actions.submit(form)` sends the response in.
 */
export function summaryView({ definition, response, problems = [], notice = null, focusId = null }, actions) {
  const organisationName = response.organisation.name;
  const answers = response.answers ?? {};
  const pages = response.visible.pages;
  const entry = (pageId, question) => {
    const lines = describeAnswer(question, answers[question.id]);
    return h('div', { class: 'summary-entry' },
      h('dt', {}, prose(question.text, organisationName)),
      h('dd', {},
        lines.length === 0 ? h('p', { class: 'unanswered' }, 'Ikke besvart')
          : lines.length === 1 ? h('p', {}, lines[0])
            : h('ul', {}, lines.map((line) => h('li', {}, line))),
        h('button', { type: 'button', class: 'link-button', id: `summary-${question.id}`, onclick: () => actions.change(pageId) },
          'Endre', h('span', { class: 'visually-hidden' }, ` svaret på «${shorten(question.text)}»`))));
  };
  // One list per section, under the section's heading, so a long summary can be scanned and navigated by headings.
  const sections = [];
  const shownIds = new Set();
  for (const page of pages) {
    const title = sectionOf(definition, response.visible, page.id) ?? 'Innledende spørsmål';
    if (sections.at(-1)?.title !== title) sections.push({ title, entries: [] });
    for (const { question } of shownQuestions(definition, page)) {
      shownIds.add(question.id);
      sections.at(-1).entries.push(entry(page.id, question));
    }
  }
  const errorItems = problems.map((problem) => {
    const question = shownIds.has(problem.question)
      ? definition.pages.flatMap((page) => page.questions).find((q) => q.id === problem.question) : null;
    return question
      ? { text: `${shorten(question.text)}: ${problem.message}`, targetId: `summary-${question.id}` }
      : { text: problem.message, targetId: null };
  });
  const lastPage = pages.at(-1);
  const form = h('form', { class: 'page-form', novalidate: true, 'aria-labelledby': 'page-heading' },
    h('div', { id: 'save-problem' }),
    pageButtons(
      lastPage ? h('button', { type: 'button', class: 'button button-secondary', onclick: () => actions.back(lastPage.id) }, 'Tilbake') : null,
      h('button', { type: 'submit', class: 'button button-primary' }, 'Send inn')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.submit(form);
  });
  return {
    title: 'Se over og send inn',
    content: [
      progressBar(response.progress),
      h('h1', { tabindex: '-1', id: 'page-heading' }, 'Se over og send inn'),
      notice,
      problems.length > 0 ? renderErrorSummary(errorItems) : null,
      h('p', {}, 'Du har kommet til slutten av undersøkelsen. Se over svarene dine. Du kan endre svar før du sender inn; '
        + 'etter at du har sendt inn, kan svarene ikke endres.'),
      h('div', { class: 'summary' }, sections.map((section) => h('section', { class: 'summary-section' },
        h('h2', {}, section.title),
        h('dl', {}, section.entries)))),
      form,
    ],
    focusId: problems.length > 0 ? 'error-summary' : notice ? 'notice' : focusId,
    announcement: problems.length > 0 ? 'Svarene kunne ikke sendes inn.' : 'Se over svarene og send inn.',
    form,
  };
}
