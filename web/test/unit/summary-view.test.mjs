import assert from 'node:assert/strict';
import { test } from 'node:test';
import { submit, text } from './dom.mjs';
import { summaryView } from '../../js/views/summary.js';
import { smallDefinition as definition } from './small-definition.mjs';

const page = (id, ...questions) => ({ id, questions: questions.map((qid) => ({ id: qid, options: [], rows: [] })) });
const response = (pages, answers) => ({
  organisation: { name: 'Halden kommune', type: 'kommune' },
  status: 'IN_PROGRESS',
  answers,
  nextPage: null,
  progress: { done: pages.length, total: pages.length, percent: 100 },
  visible: { pages, ended: null },
});
const noActions = { change: () => assert.fail(), back: () => assert.fail(), submit: () => assert.fail() };
const render = (model, actions = noActions) => {
  const screen = summaryView({ definition, ...model }, actions);
  const root = document.createElement('div');
  root.append(...screen.content.filter(Boolean));
  return { screen, root };
};

test('the summary lists the visible questions of the reply under the section headings the pages showed', () => {
  const { root } = render({
    response: response([page('p1', 'A'), page('p2', 'B'), page('p6', 'F')], { A: { choice: 1 }, B: { choice: 3, other: 'Eget' }, C: { choices: [1] } }),
  });
  assert.deepEqual(Array.from(root.querySelectorAll('.summary h2')).map(text), ['Start']);
  assert.deepEqual(Array.from(root.querySelectorAll('dt')).map(text), ['Vil du delta?', 'Jobber dere med dette?', 'Kommentar']);
  assert.deepEqual(Array.from(root.querySelectorAll('dd p')).map(text), ['Ja', 'Annen måte: Eget', 'Ikke besvart']);
});

test('a new section starts a new list', () => {
  const { root } = render({ response: response([page('p1', 'A'), page('p2', 'B'), page('p3', 'C')], { C: { choices: [1, 2] } }) });
  assert.deepEqual(Array.from(root.querySelectorAll('.summary h2')).map(text), ['Start', 'Mer']);
  assert.deepEqual(Array.from(root.querySelectorAll('.summary-section:last-child li')).map(text), ['En', 'To']);
});

test('«Endre» opens the page of the answer, Tilbake the last page, Send inn submits', () => {
  const calls = [];
  const { screen, root } = render({ response: response([page('p1', 'A'), page('p6', 'F')], {}) },
    { change: (id) => calls.push(['change', id]), back: (id) => calls.push(['back', id]), submit: (form) => calls.push(['submit', form === screen.form]) });
  root.querySelector('#summary-F').click();
  Array.from(root.querySelectorAll('button')).find((b) => text(b) === 'Tilbake').click();
  submit(screen.form);
  assert.deepEqual(calls, [['change', 'p6'], ['back', 'p6'], ['submit', true]]);
});

test('problems from the server link to the answer they are about; others are listed as they are', () => {
  const problems = [
    { question: 'F', code: 'TEXT_TOO_LONG', message: 'Svaret kan ha høyst 20 tegn.' },
    { question: null, code: 'REQUIRED', message: 'Besvarelsen er ikke ferdig.' },
  ];
  const { screen, root } = render({ response: response([page('p1', 'A'), page('p6', 'F')], {}), problems });
  const items = Array.from(root.querySelectorAll('.error-summary li'));
  assert.equal(items[0].querySelector('a').dataset.focusTarget, 'summary-F');
  assert.equal(text(items[0]), 'Kommentar: Svaret kan ha høyst 20 tegn.');
  assert.equal(items[1].querySelector('a'), null);
  assert.equal(screen.focusId, 'error-summary');
  assert.equal(screen.announcement, 'Svarene kunne ikke sendes inn.');
});

test('focus returns to the «Endre» button named, when there is no notice', () => {
  assert.equal(render({ response: response([page('p1', 'A')], {}), focusId: 'summary-A' }).screen.focusId, 'summary-A');
});
