// DOM for each question type and the shared page parts. Controls are native (radios, checkboxes, textareas)
// so keyboard use and screen readers work without scripting tricks.

import { gridRowFieldName, otherFieldName } from './answers.js';
import { withOrganisation } from './rules.js';

/**
 * Creates an element of the page's `document`: attributes (false/null are left out, true is an empty attribute),
 * then children (nodes, or values shown as text).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** DOM ids derived from question ids; question ids are letters and digits, but keep ids safe regardless. */
export const ids = {
  question: (q) => `q-${safe(q)}`,
  error: (q) => `q-${safe(q)}-error`,
  hint: (q) => `q-${safe(q)}-hint`,
  option: (q, code) => `q-${safe(q)}-o${safe(code)}`,
  optionError: (q, code) => `q-${safe(q)}-o${safe(code)}-error`,
  other: (q, code) => `q-${safe(q)}-o${safe(code)}-other`,
  text: (q) => `q-${safe(q)}-text`,
  counter: (q) => `q-${safe(q)}-count`,
  rowLabel: (q, row) => `q-${safe(q)}-r${safe(row)}-label`,
  rowError: (q, row) => `q-${safe(q)}-r${safe(row)}-error`,
  cell: (q, row, column) => `q-${safe(q)}-r${safe(row)}-c${safe(column)}`,
};

/**
 * Questionnaire text with the organisation's name filled in, as nodes with a wrap opportunity after each «/»:
 * browsers do not wrap there, so «kommunen/fylkeskommunen» would be split mid-word at 320 px.
 */
export function prose(text, organisationName) {
  return withOrganisation(text, organisationName).split('/').flatMap((part, i) => (i === 0 ? [part] : ['/', h('wbr'), part]));
}

function safe(value) {
  return String(value).replace(/[^A-Za-z0-9_-]/g, '_');
}

/** Problems and `visible` may carry codes as numbers or strings; a row or option is the same either way. */
export function sameCode(given, code) {
  return given != null && String(given) === String(code);
}

function describedBy(...idList) {
  const present = idList.filter(Boolean);
  return present.length > 0 ? present.join(' ') : null;
}

function errorMessage(id, problems) {
  if (problems.length === 0) return null;
  return h('p', { class: 'error-message', id },
    problems.map((p, i) => [i > 0 ? h('br') : null, h('span', { class: 'visually-hidden' }, 'Feil: '), p.message]));
}

function questionHeading(question, organisationName, inner = null) {
  return h('h2', { class: 'question-text' },
    inner ?? prose(question.text, organisationName),
    question.required ? null : h('span', { class: 'optional' }, ' (valgfritt)'));
}

function problemsFor(problems, predicate) {
  return problems.filter(predicate);
}

function choiceQuestion(question, context) {
  const { answer, problems, offered, limits, organisationName } = context;
  const multiple = question.type === 'multiple';
  const chosen = new Set(multiple ? (answer?.choices ?? []) : (Number.isInteger(answer?.choice) ? [answer.choice] : []));
  // A problem about an option that is not on screen is shown with the question itself.
  const questionProblems = problemsFor(problems, (p) => !offered.some((o) => sameCode(p.option, o.code)));
  const hint = multiple && Number.isInteger(question.maxChoices) ? `Velg inntil ${question.maxChoices}` : null;
  const errorId = questionProblems.length > 0 ? ids.error(question.id) : null;
  const invalid = problems.length > 0;
  const options = offered.map((option) => {
    const optionProblems = problemsFor(problems, (p) => sameCode(p.option, option.code));
    const optionErrorId = optionProblems.length > 0 ? ids.optionError(question.id, option.code) : null;
    const checked = chosen.has(option.code);
    const input = h('input', {
      type: multiple ? 'checkbox' : 'radio',
      id: ids.option(question.id, option.code),
      name: question.id,
      value: option.code,
      checked,
      'aria-invalid': invalid ? 'true' : null,
      'aria-describedby': option.other ? null : optionErrorId,
      'data-exclusive': option.exclusive ? 'true' : null,
      'data-other-target': option.other ? ids.other(question.id, option.code) : null,
    });
    const label = h('label', { for: ids.option(question.id, option.code) }, prose(option.text, organisationName));
    let otherField = null;
    if (option.other) {
      const otherId = ids.other(question.id, option.code);
      otherField = h('div', { class: 'other-field', hidden: !checked },
        h('label', { for: otherId }, `Beskriv «${option.text}»`),
        errorMessage(optionErrorId, optionProblems),
        h('input', {
          type: 'text',
          id: otherId,
          name: otherFieldName(question.id),
          value: answer?.other ?? '',
          maxlength: limits.otherMaxLength,
          autocomplete: 'off',
          'aria-required': 'true',
          'aria-invalid': optionProblems.length > 0 ? 'true' : null,
          'aria-describedby': optionErrorId,
        }));
    }
    return h('div', { class: 'option' },
      h('div', { class: 'option-choice' }, input, label),
      option.other ? null : errorMessage(optionErrorId, optionProblems),
      otherField);
  });
  return h('fieldset', {
    class: 'question-group',
    'aria-describedby': describedBy(hint ? ids.hint(question.id) : null, errorId),
  },
  h('legend', {}, questionHeading(question, organisationName)),
  hint ? h('p', { class: 'hint', id: ids.hint(question.id) }, hint) : null,
  errorMessage(errorId, questionProblems),
  h('div', { class: multiple ? 'options checkboxes' : 'options radios' }, options));
}

function counterText(length, max) {
  return `${length} av ${max} tegn brukt`;
}

function textQuestion(question, context) {
  const { answer, problems, limits, organisationName } = context;
  const errorId = problems.length > 0 ? ids.error(question.id) : null;
  const value = answer?.text ?? '';
  const textId = ids.text(question.id);
  return h('div', { class: 'question-group' },
    questionHeading(question, organisationName, h('label', { for: textId }, prose(question.text, organisationName))),
    errorMessage(errorId, problems),
    h('textarea', {
      id: textId,
      name: question.id,
      rows: 6,
      maxlength: limits.textMaxLength,
      'aria-invalid': problems.length > 0 ? 'true' : null,
      'aria-describedby': describedBy(ids.counter(question.id), errorId),
      'data-counter': ids.counter(question.id),
    }, value),
    h('p', { class: 'hint counter', id: ids.counter(question.id) }, counterText(value.length, limits.textMaxLength)));
}

function gridQuestion(question, context) {
  const { answer, problems, rows: visibleRows, organisationName } = context;
  const questionProblems = problemsFor(problems, (p) => !visibleRows.some((row) => sameCode(p.row, row.code)));
  const errorId = questionProblems.length > 0 ? ids.error(question.id) : null;
  const header = h('div', { class: 'grid-header', 'aria-hidden': 'true' },
    h('span', { class: 'grid-row-label' }),
    question.columns.map((column) => h('span', { class: 'grid-column-heading' }, column.text)));
  const rows = visibleRows.map((row) => {
    const rowProblems = problemsFor(problems, (p) => sameCode(p.row, row.code));
    const rowErrorId = rowProblems.length > 0 ? ids.rowError(question.id, row.code) : null;
    const selected = answer?.rows?.[String(row.code)];
    return h('div', {
      class: rowProblems.length > 0 ? 'grid-row has-error' : 'grid-row',
      role: 'radiogroup',
      'aria-labelledby': ids.rowLabel(question.id, row.code),
      'aria-describedby': rowErrorId,
    },
    // The error comes first so that on wide screens it spans the row above the cells without shifting them.
    errorMessage(rowErrorId, rowProblems),
    h('div', { class: 'grid-row-label', id: ids.rowLabel(question.id, row.code) }, prose(row.text, organisationName)),
    question.columns.map((column) => h('label', { class: 'grid-cell', for: ids.cell(question.id, row.code, column.code) },
      h('input', {
        type: 'radio',
        id: ids.cell(question.id, row.code, column.code),
        name: gridRowFieldName(question.id, row.code),
        value: column.code,
        checked: selected === column.code,
        'aria-invalid': rowProblems.length > 0 || questionProblems.length > 0 ? 'true' : null,
      }),
      h('span', { class: 'grid-column-label' }, column.text))));
  });
  const grid = h('div', { class: 'grid' }, header, rows);
  // Set through the CSSOM rather than a style attribute, so a strict Content-Security-Policy can forbid those.
  grid.style.setProperty('--grid-columns', String(question.columns.length));
  return h('fieldset', { class: 'question-group grid-question', 'aria-describedby': errorId },
    h('legend', {}, questionHeading(question, organisationName)),
    errorMessage(errorId, questionProblems),
    grid);
}

/**
 * One question. `context`: offered (the options offered), rows (the grid rows shown), answer (this question's),
 * problems (this question's), limits, organisationName.
 */
export function renderQuestion(question, context) {
  const body = question.type === 'text' ? textQuestion(question, context)
    : question.type === 'grid' ? gridQuestion(question, context)
      : choiceQuestion(question, context);
  return h('section', {
    class: context.problems.length > 0 ? 'question has-error' : 'question',
    id: ids.question(question.id),
    'data-question': question.id,
  }, body);
}

/** The id of the control a problem's link in the error summary moves focus to. */
export function focusTargetId(question, problem, offered, rows) {
  if (question.type === 'text') return ids.text(question.id);
  if (question.type === 'grid') {
    const row = rows.find((r) => sameCode(problem.row, r.code)) ?? rows[0];
    return row ? ids.cell(question.id, row.code, question.columns[0].code) : ids.question(question.id);
  }
  const option = question.options.find((o) => sameCode(problem.option, o.code));
  if (option && option.other && problem.code.startsWith('OTHER_TEXT')) return ids.other(question.id, option.code);
  if (option) return ids.option(question.id, option.code);
  const first = offered[0];
  return first ? ids.option(question.id, first.code) : ids.question(question.id);
}

/** The error summary: a heading and one link per problem that moves focus to the field. */
export function renderErrorSummary(items) {
  return h('div', { class: 'error-summary', id: 'error-summary', tabindex: '-1', 'aria-labelledby': 'error-summary-title' },
    h('h2', { id: 'error-summary-title' }, items.length === 1 ? 'Det er 1 feil på siden' : `Det er ${items.length} feil på siden`),
    h('ul', {}, items.map((item) => h('li', {},
      item.targetId ? h('a', { href: `#${item.targetId}`, 'data-focus-target': item.targetId }, item.text) : item.text))));
}

export function renderIntroduction(blocks, organisationName) {
  return h('div', { class: 'introduction' }, (blocks ?? []).map((block) => {
    if (block.type === 'list') return h('ul', {}, block.items.map((item) => h('li', {}, prose(item, organisationName))));
    return h('p', {}, prose(block.text, organisationName));
  }));
}

/** The fields of `form` named `name`; names come from question ids and codes, so no selector is built from them. */
function fieldsNamed(form, name) {
  return Array.from(form.querySelectorAll('input')).filter((input) => input.name === name);
}

/** Behaviour of the fields inside a page form: exclusive options, other-text fields, character counters. */
export function enhanceForm(form, limits) {
  form.addEventListener('change', (event) => {
    const input = event.target;
    if (input.tagName !== 'INPUT' || (input.type !== 'checkbox' && input.type !== 'radio')) return;
    const group = fieldsNamed(form, input.name);
    if (input.type === 'checkbox' && input.checked) {
      for (const other of group) {
        if (other === input || !other.checked) continue;
        // An exclusive option ("Vet ikke", "Ingen") and any other option cannot both stay chosen.
        if (input.dataset.exclusive === 'true' || other.dataset.exclusive === 'true') other.checked = false;
      }
    }
    for (const member of group) {
      const targetId = member.dataset.otherTarget;
      if (!targetId) continue;
      const field = form.querySelector(`#${targetId}`)?.closest('.other-field');
      if (!field) continue;
      field.hidden = !member.checked;
    }
  });
  form.addEventListener('input', (event) => {
    const area = event.target;
    if (area.tagName !== 'TEXTAREA' || !area.dataset.counter) return;
    const counter = form.querySelector(`#${area.dataset.counter}`);
    if (counter) counter.textContent = counterText(area.value.length, limits.textMaxLength);
  });
}
