// Calls to the respondent API (docs/respondent-api.md). Every call resolves to an outcome object instead of
// throwing, so the UI decides in one place what each outcome means to the respondent.

/** What the UI needs to tell apart; problem types are matched by the suffix of their `type` URI. */
export const Outcome = Object.freeze({
  OK: 'ok',
  NETWORK: 'network',
  INVALID_TOKEN: 'invalid-token',
  SURVEY_CLOSED: 'survey-closed',
  RESPONSE_CLOSED: 'response-closed',
  VERSION_CONFLICT: 'version-conflict',
  VALIDATION_FAILED: 'validation-failed',
  OTHER: 'other',
});

const KNOWN_PROBLEMS = new Set([
  Outcome.INVALID_TOKEN, Outcome.SURVEY_CLOSED, Outcome.RESPONSE_CLOSED,
  Outcome.VERSION_CONFLICT, Outcome.VALIDATION_FAILED,
]);

/** The outcome of an HTTP status and problem body. */
export function classify(status, body) {
  if (status >= 200 && status < 300) return Outcome.OK;
  // A failing dependency or an overloaded service: nothing was stored, so trying again is the right advice.
  if (status >= 500 || status === 429 || status === 0) return Outcome.NETWORK;
  const suffix = typeof body?.type === 'string' ? body.type.split(/[/#:]/).filter(Boolean).pop() : null;
  if (suffix && KNOWN_PROBLEMS.has(suffix)) return suffix;
  if (status === 401) return Outcome.INVALID_TOKEN;
  return Outcome.OTHER;
}

export function createApi({ base = '', token, fetchImpl = globalThis.fetch.bind(globalThis) }) {
  async function call(method, path, body, cache = 'no-store') {
    const headers = { Accept: 'application/json, application/problem+json' };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch {
      return { outcome: Outcome.NETWORK, status: 0, body: null };
    }
    let json = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (response.ok && json === null) return { outcome: Outcome.NETWORK, status: response.status, body: null };
    return { outcome: classify(response.status, json), status: response.status, body: json };
  }

  return {
    getResponse: () => call('GET', '/v1/response'),
    getQuestionnaire: (id, version) =>
      call('GET', `/v1/questionnaires/${encodeURIComponent(id)}?version=${encodeURIComponent(version)}`, undefined, 'default'),
    savePage: (pageId, version, answers) =>
      call('PUT', `/v1/response/pages/${encodeURIComponent(pageId)}`, { version, answers }),
    submit: (version) => call('POST', '/v1/response/submit', { version }),
  };
}
