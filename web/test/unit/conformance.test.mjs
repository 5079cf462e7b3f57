// Runs the conformance vectors of every questionnaire in the catalog against rules.js, as the server's
// ConformanceVectorsTest does (docs/questionnaire-format.md, "Conformance vectors"). One subtest per case.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as rules from '../../js/rules.js';

const catalog = new URL('../../../shared/core/src/main/resources/questionnaires/', import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(new URL(name, catalog), 'utf8'));

const CASE_KEYS = new Set(['name', 'orgType', 'answers', 'savedPages', 'save', 'expect']);
const PROBLEM_KEYS = new Set(['question', 'code', 'message']);
/**
 * What the browser takes from the server's reply instead of working it out: the whole-response check runs at
 * submit, and the state a save leads to comes back with the save. The Java runner checks these.
 */
const SERVER_ONLY = new Set(['nextPage', 'completion', 'progress', 'savedPages', 'answers', 'removedQuestions']);

const problemSet = (problems) => problems.map((p) => JSON.stringify([p.question ?? null, p.code, p.message])).sort();

function knownKeys(object, known, where) {
  for (const key of Object.keys(object)) assert.ok(known.has(key), `a key the runner knows in ${where}: ${key}`);
}

function visibleQuestion(visible, id) {
  return visible.pages.flatMap((page) => page.questions).find((question) => question.id === id) ?? null;
}

/** The answers after a save that was not refused: the page's questions answered as saved, the others as before. */
function answersAfterSave(definition, answers, save) {
  const onPage = new Set(definition.pages.find((page) => page.id === save.page).questions.map((q) => q.id));
  return { ...Object.fromEntries(Object.entries(answers).filter(([id]) => !onPage.has(id))), ...save.answers };
}

/** Each expectation the browser's rules answer, checked against the case's outcome. */
const checks = {
  visibleQuestions(expected, { visible }) {
    assert.deepEqual(visible.pages.flatMap((page) => page.questions.map((q) => q.id)), expected);
  },
  offeredOptions(expected, { visible }) {
    for (const [id, codes] of Object.entries(expected)) {
      assert.deepEqual(visibleQuestion(visible, id)?.options ?? [], codes, `options offered in ${id}`);
    }
  },
  shownRows(expected, { visible }) {
    for (const [id, codes] of Object.entries(expected)) {
      assert.deepEqual(visibleQuestion(visible, id)?.rows ?? [], codes, `rows shown in ${id}`);
    }
  },
  /** Of the save; without one they are the whole-response check made at submit, which only the server makes. */
  problems(expected, { problems }) {
    for (const problem of expected) {
      knownKeys(problem, PROBLEM_KEYS, 'a problem');
      assert.ok(Object.hasOwn(problem, 'message'), 'every expected problem names its message');
    }
    if (problems) assert.deepEqual(problemSet(problems), problemSet(expected));
  },
};

/** The shape of `visible` in the server's replies (docs/respondent-api.md), and nothing else. */
function assertContractShape(visible) {
  assert.deepEqual(Object.keys(visible).sort(), ['ended', 'pages']);
  assert.ok(visible.ended === null || typeof visible.ended === 'string');
  for (const page of visible.pages) {
    assert.deepEqual(Object.keys(page).sort(), ['id', 'questions']);
    assert.ok(page.questions.length > 0, `a visible page has a visible question: ${page.id}`);
    for (const question of page.questions) {
      assert.deepEqual(Object.keys(question).sort(), ['id', 'options', 'rows']);
      assert.ok(question.options.every(Number.isInteger) && question.rows.every(Number.isInteger));
    }
  }
}

function run(definition, vector) {
  knownKeys(vector, CASE_KEYS, 'a case');
  const given = { orgType: vector.orgType, answers: vector.answers ?? {}, savedPages: vector.savedPages ?? [] };
  const problems = vector.save ? rules.validatePage(definition, given, vector.save.page, vector.save.answers) : null;
  const answers = vector.save && problems.length === 0 ? answersAfterSave(definition, given.answers, vector.save) : given.answers;
  const context = { problems, visible: rules.visibleFromRules(definition, vector.orgType, answers) };
  assertContractShape(context.visible);
  for (const [key, expected] of Object.entries(vector.expect)) {
    if (SERVER_ONLY.has(key)) continue;
    assert.ok(Object.hasOwn(checks, key), `an expectation this runner knows: ${key}`);
    checks[key](expected, context);
  }
}

const published = readJson('index.json').questionnaires
  .flatMap(({ id, versions }) => versions.map((version) => ({ id, version })));

test('the catalog lists at least one questionnaire version', () => {
  assert.ok(published.length > 0);
});

for (const { id, version } of published) {
  describe(`conformance vectors of ${id} v${version}`, () => {
    const definition = readJson(`${id}/v${version}.json`);
    const vectors = readJson(`${id}/conformance-v${version}.json`);

    test('the vectors belong to the definition', () => {
      assert.equal(definition.id, id);
      assert.equal(definition.version, version);
      assert.equal(vectors.questionnaire, id);
      assert.equal(vectors.version, version);
      assert.ok(vectors.cases.length > 0);
    });

    for (const vector of vectors.cases) {
      test(vector.name, () => run(definition, vector));
    }
  });
}
