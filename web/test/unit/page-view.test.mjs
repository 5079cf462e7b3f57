import assert from 'node:assert/strict';
import { test } from 'node:test';
import { choose, submit, text } from './dom.mjs';
import { pageView } from '../../js/views/page.js';
import { smallDefinition as definition } from './small-definition.mjs';

const response = (visiblePages, overrides = {}) => ({
  organisation: { name: 'Halden kommune', type: 'kommune' },
  status: 'IN_PROGRESS',
  answers: {},
  savedPages: [],
  nextPage: visiblePages[0].id,
  progress: { done: 0, total: visiblePages.length, percent: 0 },
  visible: { pages: visiblePages, ended: null },
  ...overrides,
});
const page = (id, ...questions) => ({ id, questions: questions.map(([qid, options = [], rows = []]) => ({ id: qid, options, rows })) });
const noActions = { back: () => assert.fail('no back'), save: () => assert.fail('no save') };
const render = (model, actions = noActions) => {
  const screen = pageView({ definition, answers: {}, ...model }, actions);
  const root = document.createElement('div');
  root.append(...screen.content.filter(Boolean));
  return { screen, root };
};

test('the options offered are those the reply says the saved state offers, in definition order', () => {
  const shown = response([page('p1', ['A', [1, 2, 3]]), page('p2', ['B', [1, 2, 3]]), page('p3', ['C', [4, 1]]), page('p4', ['D', ['9', '1']])]);
  const { root } = render({ response: shown, pageId: 'p4' });
  const codes = Array.from(root.querySelectorAll('input[name="D"]')).map((input) => input.value);
  assert.deepEqual(codes, ['1', '9'], 'codes given as strings name the same options');
  assert.deepEqual(Array.from(render({ response: shown, pageId: 'p3' }).root.querySelectorAll('input[name="C"]')).map((i) => i.value), ['1', '4']);
});

test('the grid rows shown are those of the reply', () => {
  const shown = response([page('p1', ['A', [1]]), page('p5', ['E', [], [3]])]);
  const { root } = render({ response: shown, pageId: 'p5' });
  assert.deepEqual(Array.from(root.querySelectorAll('[role="radiogroup"]')).map((row) => text(row).split(' ')[0]), ['Felles']);
});

test('only the visible questions of the page are shown, and the title counts the visible pages', () => {
  const shown = response([page('p1', ['A', [1, 2, 3]]), page('p2', ['B', [1, 2, 3]]), page('p3', ['C', [5]]), page('p5', ['E', [], [1, 3]])]);
  const { screen, root } = render({ response: shown, pageId: 'p5' });
  assert.deepEqual(Array.from(root.querySelectorAll('[data-question]')).map((s) => s.dataset.question), ['E']);
  assert.equal(screen.title, 'Mer – side 4 av 4', 'the section entered last heads a page without its own');
  assert.equal(screen.announcement, 'Side 4 av 4: Mer');
  assert.deepEqual(screen.questions.map((q) => q.id), ['E']);
});

test('a section whose opening page is hidden was never entered, so it does not head a later page', () => {
  const shown = response([page('p1', ['A', [1, 2, 3]]), page('p2', ['B', [1, 2, 3]]), page('p5', ['E', [], [1, 3]])]);
  assert.equal(render({ response: shown, pageId: 'p5' }).screen.title, 'Start – side 3 av 3');
});

test('the first page has the introduction with the organisation\'s name and no Tilbake', () => {
  const { root } = render({ response: response([page('p1', ['A', [1, 2, 3]])]), pageId: 'p1' });
  assert.match(text(root.querySelector('.introduction')), /Hei Halden kommune\./);
  assert.equal(Array.from(root.querySelectorAll('button')).some((b) => text(b) === 'Tilbake'), false);
});

test('the answers given are filled in', () => {
  const { root } = render({ response: response([page('p1', ['A', [1, 2, 3]])]), pageId: 'p1', answers: { A: { choice: 2 } } });
  assert.equal(root.querySelector('#q-A-o2').checked, true);
  assert.equal(root.querySelector('#q-A-o1').checked, false);
});

test('problems are listed at the top, linked to their field, and shown beside the question', () => {
  const problems = [{ question: 'B', code: 'REQUIRED', message: 'Dette spørsmålet må besvares. Velg et svaralternativ.' }];
  const { screen, root } = render({ response: response([page('p1', ['A', [1]]), page('p2', ['B', [1, 2, 3]])]), pageId: 'p2', problems });
  const link = root.querySelector('.error-summary a');
  assert.equal(link.dataset.focusTarget, 'q-B-o1');
  assert.equal(text(root.querySelector('#q-B-error')), 'Feil: Dette spørsmålet må besvares. Velg et svaralternativ.');
  assert.equal(screen.focusId, 'error-summary');
  assert.equal(screen.announcement, 'Siden har én feil.');
});

test('Neste hands the form and its questions to save, Tilbake goes back', () => {
  const calls = [];
  const { screen, root } = render({ response: response([page('p1', ['A', [1]]), page('p2', ['B', [1, 2, 3]])]), pageId: 'p2' },
    { back: () => calls.push('back'), save: (form, questions) => calls.push(['save', form === screen.form, questions.map((q) => q.id)]) });
  choose(root, 'B', 2);
  submit(screen.form);
  Array.from(root.querySelectorAll('button')).find((b) => text(b) === 'Tilbake').click();
  assert.deepEqual(calls, [['save', true, ['B']], 'back']);
});

test('choosing an exclusive option unchecks the others, and an other option shows its text field', () => {
  const shown = response([page('p1', ['A', [1]]), page('p2', ['B', [1]]), page('p3', ['C', [1, 2, 3, 4, 5, 6]])]);
  const { root } = render({ response: shown, pageId: 'p3' });
  const otherField = root.querySelector('#q-C-o4-other').closest('.other-field');
  assert.equal(otherField.hidden, true);
  choose(root, 'C', 1);
  choose(root, 'C', 4);
  assert.equal(otherField.hidden, false);
  choose(root, 'C', 5);
  assert.deepEqual(Array.from(root.querySelectorAll('input[name="C"]')).filter((i) => i.checked).map((i) => i.value), ['5']);
  assert.equal(otherField.hidden, true);
});
