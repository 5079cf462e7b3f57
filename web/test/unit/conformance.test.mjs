// Runs every conformance vector of the 2024 questionnaire against rules.js: the same cases the server's engine
// passes (docs/questionnaire-format.md, "Conformance vectors"). One subtest per case.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import * as rules from '../../js/rules.js';

const folder = new URL('../../../shared/core/src/main/resources/questionnaires/innovasjonsbarometer-2024/', import.meta.url);
const definition = JSON.parse(readFileSync(new URL('v1.json', folder), 'utf8'));
const vectors = JSON.parse(readFileSync(new URL('conformance-v1.json', folder), 'utf8'));

const problemSet = (problems) => [...new Set(problems.map((p) => `${p.question ?? null} ${p.code}`))].sort();
const sorted = (values) => [...values].sort();

function question(id) {
  const found = rules.findQuestion(definition, id);
  assert.ok(found, `the definition has ${id}`);
  return found;
}

/** Each expectation a case can name, checked against the state the case ends in. */
const checks = {
  visibleQuestions(expected, { state }) {
    assert.deepEqual(rules.visibleQuestionIds(definition, state.orgType, state.answers), expected);
  },
  offeredOptions(expected, { state }) {
    for (const [id, codes] of Object.entries(expected)) {
      const offered = rules.offeredOptions(definition, state.orgType, state.answers, question(id)).map((o) => o.code);
      assert.deepEqual(offered, codes, `options offered in ${id}`);
    }
  },
  shownRows(expected, { state }) {
    for (const [id, codes] of Object.entries(expected)) {
      const shown = rules.shownRows(definition, state.orgType, state.answers, question(id)).map((r) => r.code);
      assert.deepEqual(shown, codes, `rows shown in ${id}`);
    }
  },
  nextPage(expected, { state }) {
    assert.equal(rules.nextPage(definition, state), expected);
  },
  completion(expected, { state }) {
    assert.equal(rules.completion(definition, state), expected);
  },
  progress(expected, { state }) {
    const actual = rules.progress(definition, state);
    for (const [key, value] of Object.entries(expected)) assert.equal(actual[key], value, `progress.${key}`);
  },
  savedPages(expected, { state }) {
    assert.deepEqual(state.savedPages, expected);
  },
  answers(expected, { state }) {
    for (const [id, answer] of Object.entries(expected)) {
      assert.deepEqual(state.answers[id] ?? null, answer, `the stored answer of ${id}`);
    }
  },
  /** Of the save when there is one, otherwise of the whole-response check made at submit. */
  problems(expected, { state, outcome }) {
    const problems = outcome ? outcome.problems : rules.submitProblems(definition, state);
    assert.deepEqual(problemSet(problems), problemSet(expected));
  },
  removedQuestions(expected, { outcome }) {
    assert.ok(outcome, 'removed questions are expected of a save');
    assert.deepEqual(sorted(outcome.removedQuestions), sorted(expected));
  },
};

describe(`conformance vectors of ${vectors.questionnaire} v${vectors.version}`, () => {
  test('the vectors belong to the definition', () => {
    assert.equal(vectors.questionnaire, definition.id);
    assert.equal(vectors.version, definition.version);
    assert.ok(vectors.cases.length > 0);
  });

  for (const vector of vectors.cases) {
    test(vector.name, () => {
      const given = { orgType: vector.orgType, answers: vector.answers ?? {}, savedPages: vector.savedPages ?? [] };
      const outcome = vector.save ? rules.savePage(definition, given, vector.save.page, vector.save.answers) : null;
      const context = { state: outcome ? outcome.state : given, outcome };
      for (const [key, expected] of Object.entries(vector.expect)) {
        assert.ok(Object.hasOwn(checks, key), `an expectation this runner knows: ${key}`);
        checks[key](expected, context);
      }
    });
  }
});
