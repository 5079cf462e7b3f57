import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as rules from '../../js/rules.js';
import { smallDefinition as def } from './small-definition.mjs';

const kommune = (answers = {}, savedPages = []) => ({ orgType: 'kommune', answers, savedPages });
const codes = (problems) => problems.map((p) => `${p.question}:${p.code}`).sort();

/** Saves pages one after another, failing the test on the first problem. */
function answerPages(state, pages) {
  let current = state;
  for (const [pageId, answers] of pages) {
    const outcome = rules.savePage(def, current, pageId, answers);
    assert.deepEqual(outcome.problems, [], `saving ${pageId}`);
    current = outcome.state;
  }
  return current;
}

test('a question whose condition refers to an unanswered question is hidden', () => {
  assert.deepEqual(rules.visibleQuestionIds(def, 'kommune', {}), ['A', 'B', 'F']);
});

test('a hidden answer never makes a later question visible', () => {
  // C is hidden (B = 2), so its answer must not make D visible even though it is stored.
  const answers = { A: { choice: 1 }, B: { choice: 2 }, C: { choices: [1] } };
  assert.deepEqual(rules.visibleQuestionIds(def, 'kommune', answers), ['A', 'B', 'F']);
});

test('all, any, not and orgType conditions combine', () => {
  const answers = { A: { choice: 1 }, B: { choice: 1 }, C: { choices: [2] }, D: { choices: [2] } };
  assert.deepEqual(rules.visibleQuestionIds(def, 'kommune', answers), ['A', 'B', 'C', 'D', 'E', 'F']);
  assert.deepEqual(rules.visibleQuestionIds(def, 'fylkeskommune', answers), ['A', 'B', 'C', 'D', 'G', 'F']);
});

test('carry-forward offers only the carried options that were chosen, and the others always', () => {
  const d = def.pages[3].questions[0];
  const answers = { A: { choice: 1 }, B: { choice: 1 }, C: { choices: [3, 1] } };
  assert.deepEqual(rules.offeredOptions(def, 'kommune', answers, d).map((o) => o.code), [1, 3, 9]);
});

test('options and rows for one organisation type are offered only to it', () => {
  const c = def.pages[2].questions[0];
  const e = def.pages[4].questions[0];
  const cVisible = { A: { choice: 1 }, B: { choice: 1 } };
  assert.ok(rules.offeredOptions(def, 'kommune', cVisible, c).some((o) => o.code === 6));
  assert.ok(!rules.offeredOptions(def, 'fylkeskommune', cVisible, c).some((o) => o.code === 6));
  assert.deepEqual(rules.offeredOptions(def, 'kommune', {}, c), [], 'a hidden question offers nothing');
  const answers = { A: { choice: 1 }, B: { choice: 1 } };
  assert.deepEqual(rules.shownRows(def, 'kommune', answers, e).map((r) => r.code), [1, 3]);
  assert.deepEqual(rules.shownRows(def, 'kommune', { A: { choice: 1 }, B: { choice: 2 } }, e), [], 'a hidden grid shows no rows');
});

test('next page is the first visible page that is not done and skips hidden pages', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 2 } }]]);
  assert.equal(rules.nextPage(def, state), 'p6');
  assert.equal(rules.completion(def, state), rules.Completion.IN_PROGRESS);
});

test('a saved page of optional questions left blank is done', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 2 } }], ['p6', {}]]);
  assert.equal(rules.nextPage(def, state), null);
  assert.equal(rules.completion(def, state), rules.Completion.COMPLETE);
  assert.deepEqual(rules.progress(def, state), { done: 3, total: 3, percent: 100 });
});

test('progress counts done visible pages with the current answers', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 1 } }]]);
  assert.deepEqual(rules.progress(def, state), { done: 2, total: 5, percent: 40 });
});

test('a page after an unfinished page is not reachable', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p6', {})), ['null:PAGE_NOT_REACHABLE']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'nope', {})), ['null:PAGE_UNKNOWN']);
});

test('an option that ends the survey ends it at once', () => {
  const declined = answerPages(kommune(), [['p1', { A: { choice: 2 } }]]);
  assert.equal(rules.completion(def, declined), 'DECLINED');
  assert.equal(rules.nextPage(def, declined), null);
  const wrong = answerPages(kommune(), [['p1', { A: { choice: 3 } }]]);
  assert.equal(rules.completion(def, wrong), 'WRONG_RECIPIENT');
});

test('changing an earlier answer removes the answers and saved pages it hid', () => {
  const state = answerPages(kommune(), [
    ['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 1 } }], ['p3', { C: { choices: [1, 2] } }],
    ['p4', { D: { choices: [1] } }],
  ]);
  const outcome = rules.savePage(def, state, 'p2', { B: { choice: 2 } });
  assert.deepEqual(outcome.problems, []);
  assert.deepEqual(outcome.removedQuestions.sort(), ['C', 'D']);
  assert.deepEqual(outcome.state.answers, { A: { choice: 1 }, B: { choice: 2 } });
  assert.deepEqual(outcome.state.savedPages, ['p1', 'p2']);
  assert.equal(rules.nextPage(def, outcome.state), 'p6');
});

test('saving a page removes the answers of its questions left out', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 2 } }], ['p6', { F: { text: 'Hei' } }]]);
  const outcome = rules.savePage(def, state, 'p6', {});
  assert.equal(outcome.state.answers.F, undefined);
  assert.ok(outcome.state.savedPages.includes('p6'));
});

test('saving does not change the state it was given', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }]]);
  const before = structuredClone(state);
  rules.savePage(def, state, 'p2', { B: { choice: 1 } });
  assert.deepEqual(state, before);
});

const atP3 = () => answerPages(kommune(), [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 1 } }]]);

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
  const state = answerPages({ orgType: 'fylkeskommune', answers: {}, savedPages: [] },
    [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 1 } }]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p3', { C: { choices: [6] } })), ['C:OPTION_NOT_OFFERED']);
});

test('a carried-forward option not chosen earlier is not offered', () => {
  const state = answerPages(atP3(), [['p3', { C: { choices: [1, 2] } }]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p4', { D: { choices: [3] } })), ['D:OPTION_NOT_OFFERED']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p4', { D: { choices: [2] } })), []);
});

test('question problems: unknown, on another page, hidden', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 2 } }]]);
  const unknown = rules.validatePage(def, state, 'p6', { X: { text: 'a' }, A: { choice: 1 }, F: { text: 'ok' } });
  assert.deepEqual(codes(unknown), ['X:UNKNOWN_QUESTION'], 'reading stops at an unknown question');
  const elsewhere = rules.validatePage(def, state, 'p6', { A: { choice: 1 }, F: { text: 'ok' } });
  assert.deepEqual(codes(elsewhere), ['A:QUESTION_NOT_ON_PAGE']);
  const atP1 = answerPages(kommune(), [['p1', { A: { choice: 1 } }]]);
  const hidden = rules.validatePage(def, answerPages(atP1, [['p2', { B: { choice: 2 } }]]), 'p2', { B: { choice: 1 }, C: { choices: [1] } });
  assert.deepEqual(codes(hidden), ['C:QUESTION_NOT_ON_PAGE']);
});

test('a hidden question on the page is refused', () => {
  const state = answerPages(atP3(), [['p3', { C: { choices: [5] } }]]);
  // D is hidden (C = Vet ikke), E is visible; G is hidden for a kommune without D = 1.
  assert.deepEqual(codes(rules.validatePage(def, state, 'p5', { E: { rows: { 1: 'a', 3: 'b' } }, G: { choice: 1 } })), ['G:QUESTION_HIDDEN']);
});

test('grid problems name the row', () => {
  const state = answerPages(atP3(), [['p3', { C: { choices: [5] } }]]);
  const missing = rules.validatePage(def, state, 'p5', { E: { rows: { 1: 'a' } } });
  assert.deepEqual(missing.map((p) => [p.code, p.row]), [['GRID_ROW_MISSING', 3]]);
  const unknown = rules.validatePage(def, state, 'p5', { E: { rows: { 1: 'a', 2: 'a', 3: 'z' } } });
  assert.deepEqual(unknown.map((p) => [p.code, p.row]).sort(), [['GRID_COLUMN_UNKNOWN', 3], ['GRID_ROW_UNKNOWN', 2]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p5', { E: { rows: { 1: 'a', 3: 'b' } } })), []);
});

test('open text longer than the limit or with control characters is refused, line breaks are fine', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }], ['p2', { B: { choice: 2 } }]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p6', { F: { text: 'x'.repeat(21) } })), ['F:TEXT_TOO_LONG']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p6', { F: { text: 'a\u0000' } })), ['F:INVALID_CHARACTERS']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p6', { F: { text: 'linje\nlinje\tb' } })), []);
});

test('every problem has a Norwegian message', () => {
  const problems = rules.validatePage(def, atP3(), 'p3', { C: { choices: [1, 5, 4] } });
  assert.ok(problems.length > 0);
  for (const p of problems) assert.match(p.message, /\S/);
});

test('submit problems list every unanswered required visible question', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }]]);
  assert.deepEqual(codes(rules.submitProblems(def, state)), ['B:REQUIRED']);
});

test('neighbours are the visible pages around a page', () => {
  const answers = { A: { choice: 1 }, B: { choice: 2 } };
  assert.deepEqual(rules.neighbours(def, 'kommune', answers, 'p2'), { previous: 'p1', following: 'p6' });
  assert.deepEqual(rules.neighbours(def, 'kommune', answers, 'p1'), { previous: null, following: 'p2' });
});

test('the organisation name replaces {organisasjon}', () => {
  assert.equal(rules.withOrganisation('Hei {organisasjon}, {organisasjon}!', 'Halden'), 'Hei Halden, Halden!');
});

test('after an ending option nothing further is visible', () => {
  assert.deepEqual(rules.visibleQuestionIds(def, 'kommune', { A: { choice: 2 }, B: { choice: 1 } }), ['A']);
  const declined = answerPages(kommune(), [['p1', { A: { choice: 2 } }]]);
  assert.deepEqual(rules.progress(def, declined), { done: 1, total: 1, percent: 100 });
});

test('choices carried forward are withdrawn from a later answer when no longer chosen in the source', () => {
  const state = answerPages(atP3(), [['p3', { C: { choices: [1, 2] } }], ['p4', { D: { choices: [1, 2] } }]]);
  const outcome = rules.savePage(def, state, 'p3', { C: { choices: [2, 3] } });
  assert.deepEqual(outcome.problems, []);
  assert.deepEqual(outcome.state.answers.D, { choices: [2] });
  assert.deepEqual(outcome.removedQuestions, [], 'a partly withdrawn answer is kept, not removed');
  const emptied = rules.savePage(def, state, 'p3', { C: { choices: [3] } });
  assert.equal(emptied.state.answers.D, undefined);
  assert.deepEqual(emptied.removedQuestions, ['D']);
});

test('several choices for a single question are too many', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p2', { B: { choices: [1, 2] } })), ['B:TOO_MANY_CHOICES']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p2', { B: { choices: [1] } })), ['B:WRONG_ANSWER_TYPE']);
});

test('a required grid without any row is unanswered, with some rows it names the missing ones', () => {
  const state = answerPages(atP3(), [['p3', { C: { choices: [5] } }]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p5', { E: { rows: {} } })), ['E:REQUIRED']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p5', {})), ['E:REQUIRED']);
});

test('answers that cannot be read are the only problems, even on a page that cannot be saved now', () => {
  assert.deepEqual(codes(rules.validatePage(def, kommune(), 'p6', { F: { text: 7 } })), ['F:WRONG_ANSWER_TYPE']);
});

test('an unreadable answer is reported alone', () => {
  const state = answerPages(kommune(), [['p1', { A: { choice: 1 } }]]);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p2', { B: { choice: 'Ja' } })), ['B:WRONG_ANSWER_TYPE']);
  assert.deepEqual(codes(rules.validatePage(def, state, 'p2', { B: { choice: 3, other: 'a\u0001' } })), ['B:INVALID_CHARACTERS']);
});
