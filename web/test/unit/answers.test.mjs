import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collectAnswers, describeAnswer } from '../../js/answers.js';
import { smallDefinition as def } from './small-definition.mjs';

const question = (id) => def.pages.flatMap((p) => p.questions).find((q) => q.id === id);

test('a single choice becomes a choice code', () => {
  assert.deepEqual(collectAnswers([question('B')], [['B', '2']]), { B: { choice: 2 } });
});

test('checked options become choices in form order', () => {
  assert.deepEqual(collectAnswers([question('C')], [['C', '3'], ['C', '1']]), { C: { choices: [3, 1] } });
});

test('the other text is sent only with its option', () => {
  const c = question('C');
  assert.deepEqual(collectAnswers([c], [['C', '4'], ['C.other', '  Eget fond ']]), { C: { choices: [4], other: 'Eget fond' } });
  assert.deepEqual(collectAnswers([c], [['C', '1'], ['C.other', 'glemt tekst']]), { C: { choices: [1] } });
  assert.deepEqual(collectAnswers([question('B')], [['B', '3'], ['B.other', 'Vedtatt i styret']]), { B: { choice: 3, other: 'Vedtatt i styret' } });
});

test('an other option with a blank text is sent without text so the rules can say it is missing', () => {
  assert.deepEqual(collectAnswers([question('C')], [['C', '4'], ['C.other', '   ']]), { C: { choices: [4] } });
});

test('a question without an answer is left out', () => {
  const answers = collectAnswers([question('B'), question('C'), question('F'), question('E')], [['F', '  '], ['C.other', 'x']]);
  assert.deepEqual(answers, {});
});

test('open text is trimmed and keeps inner line breaks', () => {
  assert.deepEqual(collectAnswers([question('F')], [['F', '\n linje 1\nlinje 2 \n']]), { F: { text: 'linje 1\nlinje 2' } });
});

test('grid rows become row codes mapped to column codes', () => {
  assert.deepEqual(collectAnswers([question('E')], [['E.row.1', 'a'], ['E.row.3', 'b']]), { E: { rows: { 1: 'a', 3: 'b' } } });
});

test('answers read as text for the summary', () => {
  assert.deepEqual(describeAnswer(question('C'), { choices: [1, 4], other: 'Eget' }), ['En', 'Annet: Eget']);
  assert.deepEqual(describeAnswer(question('B'), { choice: 2 }), ['Nei']);
  assert.deepEqual(describeAnswer(question('E'), { rows: { 3: 'b', 1: 'a' } }), ['Kommunerad: Enig', 'Felles rad: Uenig']);
  assert.deepEqual(describeAnswer(question('F'), { text: 'Hei' }), ['Hei']);
  assert.deepEqual(describeAnswer(question('F'), undefined), []);
});
