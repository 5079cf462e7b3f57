import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeBrowserHistory } from './fake-history.mjs';
import { choose, formEntries, submit, text } from './dom.mjs';
import { Outcome } from '../../js/api.js';
import { createController } from '../../js/controller.js';
import { createHistory, recordedView } from '../../js/navigation.js';
import { smallDefinition as definition } from './small-definition.mjs';

const ok = (body) => ({ outcome: Outcome.OK, status: 200, body });

/**
 * What the server's rules engine answers in `visible` for a kommune with these answers to the small definition
 * (its conditions spelled out: C after B = 1, D after C has 1–3 and offers those chosen, E after B = 1 or 3, G after
 * D = 1, an ending option shows nothing after it).
 */
function visibleFor(answers) {
  const ending = { 2: 'DECLINED', 3: 'WRONG_RECIPIENT' }[answers.A?.choice] ?? null;
  const a = { id: 'A', options: [1, 2, 3], rows: [] };
  if (ending) return { pages: [{ id: 'p1', questions: [a] }], ended: ending };
  const b = answers.B?.choice;
  const c = answers.C?.choices ?? [];
  const d = answers.D?.choices ?? [];
  const carried = c.filter((code) => [1, 2, 3].includes(code)).sort();
  const pages = [{ id: 'p1', questions: [a] }, { id: 'p2', questions: [{ id: 'B', options: [1, 2, 3], rows: [] }] }];
  if (b === 1) pages.push({ id: 'p3', questions: [{ id: 'C', options: [1, 2, 3, 4, 5, 6], rows: [] }] });
  if (b === 1 && carried.length > 0) pages.push({ id: 'p4', questions: [{ id: 'D', options: [...carried, 9], rows: [] }] });
  const onP5 = [];
  if (b === 1 || b === 3) onP5.push({ id: 'E', options: [], rows: [1, 3] });
  if (b === 1 && carried.length > 0 && d.includes(1)) onP5.push({ id: 'G', options: [1, 2], rows: [] });
  if (onP5.length > 0) pages.push({ id: 'p5', questions: onP5 });
  pages.push({ id: 'p6', questions: [{ id: 'F', options: [], rows: [] }] });
  return { pages, ended: null };
}

/** A response as the server sends it, with the `visible` its answers call for unless given. */
function reply({ answers = {}, savedPages = [], nextPage = 'p1', status = 'IN_PROGRESS', version = savedPages.length, ...rest } = {}) {
  return {
    questionnaire: { id: definition.id, version: definition.version },
    organisation: { number: '3101', name: 'Halden kommune', type: 'kommune' },
    status,
    version,
    answers,
    savedPages,
    nextPage,
    progress: { done: savedPages.length, total: 3, percent: 0 },
    visible: visibleFor(answers),
    ...rest,
  };
}

/** The API with scripted answers per call, recording every call. */
function fakeApi(script) {
  const calls = [];
  const next = (name) => async (...args) => {
    calls.push([name, ...args]);
    const answers = script[name] ?? [];
    assert.ok(answers.length > 0, `an answer is scripted for ${name}`);
    return answers.shift();
  };
  return {
    calls,
    getResponse: next('getResponse'),
    getQuestionnaire: async (...args) => {
      calls.push(['getQuestionnaire', ...args]);
      return ok(definition);
    },
    savePage: next('savePage'),
    submit: next('submit'),
  };
}

function fakeScreen() {
  const root = document.createElement('main');
  const screen = {
    root,
    shown: [],
    announced: [],
    header: null,
    show(view) {
      screen.shown.push(view);
      root.replaceChildren(...view.content.flat().filter(Boolean));
    },
    announce(message) { screen.announced.push(message); },
    get current() { return screen.shown.at(-1); },
  };
  screen.header = (title, organisation) => { screen.headerLines = [title, organisation]; };
  return screen;
}

function setUp(script) {
  const api = fakeApi(script);
  const screen = fakeScreen();
  const browser = fakeBrowserHistory();
  const controller = createController({ api, screen, history: createHistory(browser), formEntries });
  return { api, screen, browser, controller };
}

const shownQuestions = (screen) => Array.from(screen.root.querySelectorAll('[data-question]')).map((s) => s.dataset.question);
const button = (screen, label) => Array.from(screen.root.querySelectorAll('button')).find((b) => text(b) === label);
const settle = () => new Promise((resolve) => setImmediate(resolve));

test('start loads the response and its questionnaire and shows the next page the server names', async () => {
  const { api, screen, browser, controller } = setUp({ getResponse: [ok(reply({ answers: { A: { choice: 1 } }, savedPages: ['p1'], nextPage: 'p2' }))] });
  await controller.start();
  assert.deepEqual(api.calls.map(([name]) => name), ['getResponse', 'getQuestionnaire']);
  assert.deepEqual(shownQuestions(screen), ['B']);
  assert.deepEqual(screen.headerLines, ['Liten test', 'Halden kommune']);
  assert.deepEqual(recordedView(browser.state), { kind: 'page', pageId: 'p2' });
});

test('what a page offers is what the reply\'s visible says, not what the browser\'s rules would work out', async () => {
  const shown = reply();
  shown.visible = { pages: [{ id: 'p1', questions: [{ id: 'A', options: [1, 3], rows: [] }] }, { id: 'p6', questions: [{ id: 'F', options: [], rows: [] }] }], ended: null };
  const { screen, controller } = setUp({ getResponse: [ok(shown)] });
  await controller.start();
  assert.deepEqual(Array.from(screen.root.querySelectorAll('input[name="A"]')).map((i) => i.value), ['1', '3']);
  assert.equal(screen.current.title, 'Start – side 1 av 2');
});

test('a reload stays on the page the history entry names, when it can still be reached', async () => {
  const { screen, browser, controller } = setUp({ getResponse: [ok(reply({ answers: { A: { choice: 1 } }, savedPages: ['p1'], nextPage: 'p2' }))] });
  browser.replaceState({ barometerView: { kind: 'page', pageId: 'p1' } });
  await controller.start();
  assert.deepEqual(shownQuestions(screen), ['A']);
});

test('problems found before sending are shown on the page and nothing is sent', async () => {
  const { api, screen, controller } = setUp({ getResponse: [ok(reply())] });
  await controller.start();
  submit(screen.current.form);
  await settle();
  assert.equal(api.calls.filter(([name]) => name === 'savePage').length, 0);
  assert.equal(text(screen.root.querySelector('#q-A-error')), 'Feil: Dette spørsmålet må besvares. Velg et svaralternativ.');
});

test('a saved page moves on to the following visible page, recorded as a new history entry', async () => {
  const saved = reply({ answers: { A: { choice: 1 } }, savedPages: ['p1'], nextPage: 'p2' });
  const { api, screen, browser, controller } = setUp({ getResponse: [ok(reply())], savePage: [ok(saved)] });
  await controller.start();
  choose(screen.root, 'A', 1);
  submit(screen.current.form);
  await settle();
  assert.deepEqual(api.calls.find(([name]) => name === 'savePage'), ['savePage', 'p1', 0, { A: { choice: 1 } }]);
  assert.deepEqual(shownQuestions(screen), ['B']);
  assert.equal(browser.entries.length, 2);
  assert.deepEqual(screen.announced.slice(0, 1), ['Lagrer svarene …']);
});

test('answers a change removed are said in a notice above the next page', async () => {
  const before = reply({ answers: { A: { choice: 1 }, B: { choice: 1 }, C: { choices: [1] } }, savedPages: ['p1', 'p2', 'p3'], nextPage: 'p4' });
  const after = reply({ answers: { A: { choice: 1 }, B: { choice: 2 } }, savedPages: ['p1', 'p2'], nextPage: 'p6', removedQuestions: ['C'] });
  const { browser, screen, controller } = setUp({ getResponse: [ok(before)], savePage: [ok(after)] });
  browser.replaceState({ barometerView: { kind: 'page', pageId: 'p2' } });
  await controller.start();
  choose(screen.root, 'B', 2);
  submit(screen.current.form);
  await settle();
  assert.deepEqual(shownQuestions(screen), ['F']);
  assert.match(text(screen.root.querySelector('#notice')), /fjernet/);
});

test('the server\'s problems are shown on the page with the server\'s messages', async () => {
  const refused = { outcome: Outcome.VALIDATION_FAILED, status: 422, body: { errors: [{ question: 'A', code: 'OPTION_NOT_OFFERED', message: 'Serverens melding.', option: 1 }] } };
  const { screen, controller } = setUp({ getResponse: [ok(reply())], savePage: [refused] });
  await controller.start();
  choose(screen.root, 'A', 1);
  submit(screen.current.form);
  await settle();
  assert.equal(text(screen.root.querySelector('#q-A-o1-error')), 'Feil: Serverens melding.');
  assert.equal(screen.current.focusId, 'error-summary');
});

test('a conflict with another tab shows the current state from the reply, with a warning', async () => {
  const current = reply({ answers: { A: { choice: 1 }, B: { choice: 2 } }, savedPages: ['p1', 'p2'], nextPage: 'p6', version: 5 });
  const conflict = { outcome: Outcome.VERSION_CONFLICT, status: 409, body: { current } };
  const { screen, controller } = setUp({ getResponse: [ok(reply())], savePage: [conflict] });
  await controller.start();
  choose(screen.root, 'A', 1);
  submit(screen.current.form);
  await settle();
  assert.deepEqual(shownQuestions(screen), ['A'], 'the page the save was for, which can still be reached');
  assert.match(text(screen.root.querySelector('#notice')), /endret et annet sted/);
  assert.equal(screen.root.querySelector('#q-A-o1').checked, true, 'the answers saved elsewhere are shown');
});

test('a lost connection while saving keeps the page and offers to try again', async () => {
  const saved = reply({ answers: { A: { choice: 1 } }, savedPages: ['p1'], nextPage: 'p2' });
  const { api, screen, controller } = setUp({ getResponse: [ok(reply())], savePage: [{ outcome: Outcome.NETWORK, status: 0, body: null }, ok(saved)] });
  await controller.start();
  choose(screen.root, 'A', 1);
  submit(screen.current.form);
  await settle();
  const problem = screen.root.querySelector('#save-problem-message');
  assert.match(text(problem), /ikke lagret ennå/);
  problem.querySelector('button').click();
  await settle();
  assert.deepEqual(shownQuestions(screen), ['B']);
  assert.equal(api.calls.filter(([name]) => name === 'savePage').length, 2);
});

test('what was typed on a page left with Tilbake is there when the browser goes forward to it again', async () => {
  const { screen, controller } = setUp({ getResponse: [ok(reply({ answers: { A: { choice: 1 } }, savedPages: ['p1'], nextPage: 'p2' }))] });
  await controller.start();
  choose(screen.root, 'B', 2);
  button(screen, 'Tilbake').click();
  assert.deepEqual(shownQuestions(screen), ['A']);
  controller.returnTo({ kind: 'page', pageId: 'p2' });
  assert.equal(screen.root.querySelector('#q-B-o2').checked, true);
});

test('a response with nothing left to answer shows the summary, and sending it in shows the end', async () => {
  const done = reply({ answers: { A: { choice: 1 }, B: { choice: 2 } }, savedPages: ['p1', 'p2', 'p6'], nextPage: null, version: 3 });
  const { api, screen, controller } = setUp({ getResponse: [ok(done)], submit: [ok({ ...done, status: 'COMPLETED', version: 4 })] });
  await controller.start();
  assert.equal(screen.current.title, 'Se over og send inn');
  submit(screen.current.form);
  await settle();
  assert.deepEqual(api.calls.find(([name]) => name === 'submit'), ['submit', 3]);
  assert.equal(screen.current.title, 'Svarene er sendt inn');
});

test('a change made from the summary goes back to the summary with focus on the changed answer', async () => {
  const done = reply({ answers: { A: { choice: 1 }, B: { choice: 2 } }, savedPages: ['p1', 'p2', 'p6'], nextPage: null, version: 3 });
  const changed = reply({ answers: { A: { choice: 1 }, B: { choice: 2 }, F: { text: 'Hei' } }, savedPages: ['p1', 'p2', 'p6'], nextPage: null, version: 4 });
  const { screen, controller } = setUp({ getResponse: [ok(done)], savePage: [ok(changed)] });
  await controller.start();
  screen.root.querySelector('#summary-F').click();
  assert.deepEqual(shownQuestions(screen), ['F']);
  screen.root.querySelector('#q-F-text').append('Hei');
  submit(screen.current.form);
  await settle();
  assert.equal(screen.current.title, 'Se over og send inn');
  assert.equal(screen.current.focusId, 'summary-F');
});

test('an ended response shows its end', async () => {
  const { screen, controller } = setUp({ getResponse: [ok(reply({ answers: { A: { choice: 2 } }, savedPages: ['p1'], nextPage: null, status: 'DECLINED' }))] });
  await controller.start();
  assert.equal(screen.current.title, 'Du deltar ikke i undersøkelsen');
});

test('an invalid link, a closed survey and a lost connection while loading each say so', async () => {
  const invalid = setUp({ getResponse: [{ outcome: Outcome.INVALID_TOKEN, status: 401, body: null }] });
  await invalid.controller.start();
  assert.equal(invalid.screen.current.title, 'Lenken er ugyldig eller utløpt');
  const closed = setUp({ getResponse: [{ outcome: Outcome.SURVEY_CLOSED, status: 403, body: { detail: 'Stengt.' } }] });
  await closed.controller.start();
  assert.equal(closed.screen.current.title, 'Undersøkelsen er stengt');
  const offline = setUp({ getResponse: [{ outcome: Outcome.NETWORK, status: 0, body: null }, ok(reply())] });
  await offline.controller.start();
  assert.equal(offline.screen.current.title, 'Ingen kontakt med tjenesten');
  button(offline.screen, 'Prøv igjen').click();
  await settle();
  assert.deepEqual(shownQuestions(offline.screen), ['A']);
});

test('without a link nothing is loaded and the link is refused', () => {
  const { api, screen, controller } = setUp({});
  controller.refuseLink();
  assert.equal(screen.current.title, 'Lenken er ugyldig eller utløpt');
  assert.deepEqual(api.calls, []);
});
