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
 * What the browser takes from the server's reply instead of working it out: what the saved state shows
 * (`visible`), the whole-response check made at submit, and the state a save leads to. The Java runner checks
 * these.
 */
const SERVER_ONLY = new Set(['visibleQuestions', 'offeredOptions', 'shownRows', 'nextPage', 'completion', 'progress',
  'savedPages', 'answers', 'removedQuestions']);

const problemSet = (problems) => problems.map((p) => JSON.stringify([p.question ?? null, p.code, p.message])).sort();

function knownKeys(object, known, where) {
  for (const key of Object.keys(object)) assert.ok(known.has(key), `a key the runner knows in ${where}: ${key}`);
}

/** Each expectation the browser's rules answer, checked against the case's outcome. */
const checks = {
  /** Of the save; without one they are the whole-response check made at submit, which only the server makes. */
  problems(expected, { problems }) {
    for (const problem of expected) {
      knownKeys(problem, PROBLEM_KEYS, 'a problem');
      assert.ok(Object.hasOwn(problem, 'message'), 'every expected problem names its message');
    }
    if (problems) assert.deepEqual(problemSet(problems), problemSet(expected));
  },
};

function run(definition, vector) {
  knownKeys(vector, CASE_KEYS, 'a case');
  const given = { orgType: vector.orgType, answers: vector.answers ?? {}, savedPages: vector.savedPages ?? [] };
  const context = { problems: vector.save ? rules.validatePage(definition, given, vector.save.page, vector.save.answers) : null };
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
