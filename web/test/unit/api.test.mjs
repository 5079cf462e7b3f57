import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify, createApi, Outcome } from '../../js/api.js';

const problemType = (suffix) => ({ type: `urn:barometer:problem:${suffix}` });

test('problem types are told apart by the suffix of their type', () => {
  assert.equal(classify(409, problemType('version-conflict')), Outcome.VERSION_CONFLICT);
  assert.equal(classify(409, problemType('response-closed')), Outcome.RESPONSE_CLOSED);
  assert.equal(classify(422, problemType('validation-failed')), Outcome.VALIDATION_FAILED);
  assert.equal(classify(403, problemType('survey-closed')), Outcome.SURVEY_CLOSED);
  assert.equal(classify(401, problemType('invalid-token')), Outcome.INVALID_TOKEN);
  assert.equal(classify(409, { type: 'https://problems.example/version-conflict' }), Outcome.VERSION_CONFLICT);
});

test('a 401 without a known type is still an invalid link', () => {
  assert.equal(classify(401, null), Outcome.INVALID_TOKEN);
});

test('server errors and throttling are treated as a lost connection to retry', () => {
  assert.equal(classify(500, null), Outcome.NETWORK);
  assert.equal(classify(503, problemType('unavailable')), Outcome.NETWORK);
  assert.equal(classify(429, null), Outcome.NETWORK);
});

test('other client errors are reported as such', () => {
  assert.equal(classify(400, problemType('malformed-request')), Outcome.OTHER);
  assert.equal(classify(200, {}), Outcome.OK);
});

function recordingFetch(status, body) {
  const calls = [];
  const fetchImpl = async (url, init) => {
    calls.push({ url, init });
    return { ok: status >= 200 && status < 300, status, json: async () => body };
  };
  return { calls, fetchImpl };
}

test('a page is saved with PUT, the bearer token and the version', async () => {
  const { calls, fetchImpl } = recordingFetch(200, { status: 'IN_PROGRESS' });
  const api = createApi({ token: 'tok', fetchImpl });
  const result = await api.savePage('q4', 3, { Q4: { choices: [1] } });
  assert.equal(result.outcome, Outcome.OK);
  assert.equal(calls[0].url, '/v1/response/pages/q4');
  assert.equal(calls[0].init.method, 'PUT');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
  assert.equal(calls[0].init.headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(calls[0].init.body), { version: 3, answers: { Q4: { choices: [1] } } });
});

test('the questionnaire is asked for in the version the response is pinned to', async () => {
  const { calls, fetchImpl } = recordingFetch(200, {});
  await createApi({ base: 'https://api.example', token: 't', fetchImpl }).getQuestionnaire('innovasjonsbarometer-2024', 2);
  assert.equal(calls[0].url, 'https://api.example/v1/questionnaires/innovasjonsbarometer-2024?version=2');
});

test('a failed fetch is a network outcome, not an exception', async () => {
  const api = createApi({ token: 't', fetchImpl: async () => { throw new TypeError('Failed to fetch'); } });
  assert.equal((await api.submit(1)).outcome, Outcome.NETWORK);
});

test('a problem body comes back with its outcome', async () => {
  const body = { ...problemType('validation-failed'), errors: [{ question: 'Q4', code: 'REQUIRED', message: 'Velg' }] };
  const { fetchImpl } = recordingFetch(422, body);
  const result = await createApi({ token: 't', fetchImpl }).savePage('q4', 1, {});
  assert.equal(result.outcome, Outcome.VALIDATION_FAILED);
  assert.deepEqual(result.body.errors, body.errors);
});
