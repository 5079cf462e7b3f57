// Parts the views share. A view is a function from what it shows to a screen: { title, content (nodes),
// focusId (what takes focus, or null for the heading), announcement (what the live region says) }.

import { h, prose, sameCode } from '../render.js';

export function heading(text) {
  return h('h1', { tabindex: '-1' }, text);
}

export function retryButton(retry) {
  return h('button', { type: 'button', class: 'button', onclick: retry }, 'Prøv igjen');
}

export function shorten(text, max = 70) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function notice(kind, text) {
  return h('div', { class: `notice notice-${kind}`, id: 'notice', tabindex: '-1', role: kind === 'warning' ? 'alert' : null },
    h('p', {}, text));
}

export function progressBar(progress) {
  const percent = Math.max(0, Math.min(100, Number(progress?.percent ?? 0)));
  return h('div', { class: 'progress' },
    h('label', { for: 'progress' }, `Fremdrift: ${percent} %`),
    h('progress', { id: 'progress', max: '100', value: String(percent) }, `${percent} %`));
}

export function everyPageNote(definition, organisationName) {
  const note = definition.everyPageNote;
  return note ? h('p', { class: 'page-note' }, prose(note, organisationName)) : null;
}

/** The buttons under a form; the second click of a double-click must not press the next view's button. */
export function pageButtons(...buttons) {
  const row = h('div', { class: 'page-buttons' }, buttons, h('p', { class: 'busy-status', hidden: true }));
  row.addEventListener('click', (event) => {
    if (event.detail > 1 && event.target.closest('button[type="submit"]')) event.preventDefault();
  });
  return row;
}

/**
 * While a save or submit is on its way the form's controls are disabled, so no second, different save can start
 * and nothing typed meanwhile is left out of the save; a visible line says what is happening.
 */
export function setBusy(form, busy, text = '') {
  form.setAttribute('aria-busy', busy ? 'true' : 'false');
  for (const control of form.querySelectorAll('input, textarea, select, button')) control.disabled = busy;
  const status = form.querySelector('.busy-status');
  status.textContent = text;
  status.hidden = !busy;
}

/** A failed save or submit, said inside the form with a way to try again; focus moves to it. */
export function showSaveProblem(form, text, retry) {
  const slot = form.querySelector('#save-problem');
  slot.replaceChildren(h('div', { class: 'notice notice-warning', role: 'alert', tabindex: '-1', id: 'save-problem-message' },
    h('p', {}, text),
    retry ? h('p', {}, retryButton(retry)) : null));
  slot.firstChild.focus();
}

/** The visible questions of a visible page, each with the definition's question and what it offers. */
export function shownQuestions(definition, visiblePage) {
  const questions = definition.pages.find((page) => page.id === visiblePage.id).questions;
  return visiblePage.questions.map((shown) => {
    const question = questions.find((q) => q.id === shown.id);
    return {
      question,
      offered: (question.options ?? []).filter((option) => shown.options.some((code) => sameCode(code, option.code))),
      rows: (question.rows ?? []).filter((row) => shown.rows.some((code) => sameCode(code, row.code))),
    };
  });
}

/**
 * A page's section heading: its own, or that of the last section the respondent entered on the way to it (later
 * pages of a section leave it null). A section whose opening page is hidden was never entered, so a page after
 * it (Q28 for a kommune that does not work with innovation) keeps the heading the respondent last saw.
 */
export function sectionOf(definition, visible, pageId) {
  const shown = new Set(visible.pages.map((page) => page.id));
  let section = null;
  for (const page of definition.pages) {
    if (page.section && (shown.has(page.id) || page.id === pageId)) section = page.section;
    if (page.id === pageId) return section;
  }
  return null;
}
