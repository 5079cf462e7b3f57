import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as rules from '../../js/rules.js';
import { smallDefinition as def } from './small-definition.mjs';

const codes = (problems) => problems.map((p) => `${p.question}:${p.code}`).sort();
const kommune = (answers = {}, savedPages = []) => ({ orgType: 'kommune', answers, savedPages });

const atP2 = () => kommune({ A: { choice: 1 } }, ['p1']);
const atP3 = () => kommune({ A: { choice: 1 }, B: { choice: 1 } }, ['p1', 'p2']);
const atP5 = () => kommune({ A: { choice: 1 }, B: { choice: 1 }, C: { choices: [5] } }, ['p1', 'p2', 'p3']);
const atP6 = () => kommune({ A: { choice: 1 }, B: { choice: 2 } }, ['p1', 'p2']);

test('a page after an unfinished page cannot be saved, nor a page the questionnaire does not have', () => {
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p6', {})), ['null:PAGE_NOT_REACHABLE']);
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'nope', {})), ['null:PAGE_UNKNOWN']);
});

test('a page saved with its required question unanswered is not done, so the next page cannot be saved', () => {
  assert.deepEqual(codes(rules.validatePage(def, kommune({ A: { choice: 1 } }, ['p1', 'p2']), 'p6', {})), ['null:PAGE_NOT_REACHABLE']);
});

test('after an ending answer no later page can be saved', () => {
  assert.deepEqual(codes(rules.validatePage(def, kommune({ A: { choice: 2 } }, ['p1']), 'p2', { B: { choice: 1 } })),
    ['null:PAGE_NOT_REACHABLE']);
});

test('validating does not change the state it was given', () => {
  const state = atP3();
  const before = structuredClone(state);
  rules.validatePage(def, state, 'p3', { C: { choices: [1] } });
  assert.deepEqual(state, before);
});

test('choice problems have the codes of the format', () => {
  const cases = [
    [{ C: { choices: [1, 5] } }, ['C:EXCLUSIVE_CONFLICT']],
    [{ C: { choices: [1, 2, 3] } }, ['C:TOO_MANY_CHOICES']],
    [{ C: { choices: [1, 1] } }, ['C:DUPLICATE_CHOICE']],
    [{ C: { choices: [77] } }, ['C:UNKNOWN_OPTION']],
    [{ C: { choices: [4] } }, ['C:OTHER_TEXT_MISSING']],
    [{ C: { choices: [4], other: '   ' } }, ['C:OTHER_TEXT_MISSING']],
    [{ C: { choices: [1], other: 'x' } }, ['C:OTHER_TEXT_NOT_ALLOWED']],
    [{ C: { choices: [4], other: 'altfor lang tekst' } }, ['C:OTHER_TEXT_TOO_LONG']],
    [{ C: { choices: [4], other: 'a\u0007b' } }, ['C:INVALID_CHARACTERS']],
    [{ C: { choices: [] } }, ['C:REQUIRED']],
    [{ C: { choice: 1 } }, ['C:WRONG_ANSWER_TYPE']],
    [{ C: { choices: '1' } }, ['C:WRONG_ANSWER_TYPE']],
    [{ C: { choices: [], other: 'x' } }, ['C:OTHER_TEXT_NOT_ALLOWED', 'C:REQUIRED']],
    [{}, ['C:REQUIRED']],
    [{ C: { choices: [6, 4], other: 'Eget' } }, []],
  ];
  for (const [answers, expected] of cases) {
    assert.deepEqual(codes(rules.validatePage(def, atP3(), 'p3', answers)), expected, JSON.stringify(answers));
  }
});

test('an option for the other organisation type is not offered', () => {
  const state = { ...atP3(), orgType: 'fylkeskommune' };
  assert.deepEqual(codes(rules.validatePage(def, state, 'p3', { C: { choices: [6] } })), ['C:OPTION_NOT_OFFERED']);
});

test('a carried-forward option not chosen earlier is not offered', () => {
  const state = kommune({ A: { choice: 1 }, B: { choice: 1 }, C: { choices: [1, 2] } }, ['p1', 'p2', 'p3']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p4', { D: { choices: [3] } })), ['D:OPTION_NOT_OFFERED']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p4', { D: { choices: [2] } })), []);
});

test('question problems: unknown, on another page', () => {
  const unknown = rules.validatePage(def, atP6(), 'p6', { X: { text: 'a' }, A: { choice: 1 }, F: { text: 'ok' } });
  assert.deepEqual(codes(unknown), ['A:QUESTION_NOT_ON_PAGE', 'X:UNKNOWN_QUESTION'], 'an unknown question does not stop the other checks');
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p2', { B: { choice: 1 }, C: { choices: [1] } })), ['C:QUESTION_NOT_ON_PAGE']);
});

test('a hidden question on the page is refused', () => {
  // D is hidden (C = Vet ikke), E is visible; G is hidden for a kommune without D = 1.
  assert.deepEqual(codes(rules.validatePage(def, atP5(), 'p5', { E: { rows: { 1: 'a', 3: 'b' } }, G: { choice: 1 } })), ['G:QUESTION_HIDDEN']);
});

test('grid problems name the row', () => {
  const missing = rules.validatePage(def, atP5(), 'p5', { E: { rows: { 1: 'a' } } });
  assert.deepEqual(missing.map((p) => [p.code, p.row]), [['GRID_ROW_MISSING', 3]]);
  const unknown = rules.validatePage(def, atP5(), 'p5', { E: { rows: { 1: 'a', 2: 'a', 3: 'z' } } });
  assert.deepEqual(unknown.map((p) => [p.code, p.row]).sort(), [['GRID_COLUMN_UNKNOWN', 3], ['GRID_ROW_UNKNOWN', 2]]);
  assert.deepEqual(codes(rules.validatePage(def, atP5(), 'p5', { E: { rows: { 1: 'a', 3: 'b' } } })), []);
});

test('open text longer than the limit or with control characters is refused, line breaks are fine', () => {
  assert.deepEqual(codes(rules.validatePage(def, atP6(), 'p6', { F: { text: 'x'.repeat(21) } })), ['F:TEXT_TOO_LONG']);
  assert.deepEqual(codes(rules.validatePage(def, atP6(), 'p6', { F: { text: 'a\u0000' } })), ['F:INVALID_CHARACTERS']);
  assert.deepEqual(codes(rules.validatePage(def, atP6(), 'p6', { F: { text: 'linje\nlinje\tb' } })), []);
});

test('every problem has a Norwegian message', () => {
  const problems = rules.validatePage(def, atP3(), 'p3', { C: { choices: [1, 5, 4] } });
  assert.ok(problems.length > 0);
  for (const p of problems) assert.match(p.message, /\S/);
});

test('the organisation name replaces {organisasjon}', () => {
  assert.equal(rules.withOrganisation('Hei {organisasjon}, {organisasjon}!', 'Halden'), 'Hei Halden, Halden!');
});

test('several choices for a single question are too many', () => {
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p2', { B: { choices: [1, 2] } })), ['B:TOO_MANY_CHOICES']);
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p2', { B: { choices: [1] } })), ['B:WRONG_ANSWER_TYPE']);
});

test('a required grid without any row is unanswered', () => {
  assert.deepEqual(codes(rules.validatePage(def, atP5(), 'p5', { E: { rows: {} } })), ['E:REQUIRED']);
  assert.deepEqual(codes(rules.validatePage(def, atP5(), 'p5', {})), ['E:REQUIRED']);
});

test('an unreadable answer is reported once, not again as unanswered', () => {
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p2', { B: { choice: 'Ja' } })), ['B:WRONG_ANSWER_TYPE']);
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p2', { B: { choice: 3, other: 'a\u0001' } })), ['B:INVALID_CHARACTERS']);
});

test('an unreadable answer on a page that cannot be saved now is reported with the page, as the server does', () => {
  assert.deepEqual(codes(rules.validatePage(def, kommune(), 'p6', { F: { text: 7 } })), ['F:WRONG_ANSWER_TYPE', 'null:PAGE_NOT_REACHABLE']);
});

test('a code is read only when it fits in 32 bits, as the server reads it', () => {
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p2', { B: { choice: 2 ** 31 } })), ['B:WRONG_ANSWER_TYPE']);
  assert.deepEqual(codes(rules.validatePage(def, atP2(), 'p2', { B: { choice: -(2 ** 31) } })), ['B:UNKNOWN_OPTION']);
});
