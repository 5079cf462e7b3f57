import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { focusedElement, forgetFocus, window } from './dom.mjs';
import { h } from '../../js/render.js';
import { createScreen } from '../../js/screen.js';

const elements = () => ({
  document,
  main: document.getElementById('main'),
  live: document.getElementById('live-status'),
  siteTitle: document.getElementById('site-title'),
  organisation: document.getElementById('organisation'),
});
const now = (callback) => callback();
const view = (title, focusId = null, announcement = null) => ({
  title,
  content: [h('h1', { tabindex: '-1' }, title), h('p', { id: 'notice', tabindex: '-1' }, 'Merk'), null],
  focusId,
  announcement,
});

beforeEach(() => forgetFocus());

test('a view replaces the content of main and names the questionnaire in the document title', () => {
  const screen = createScreen({ ...elements(), delay: now });
  screen.header('Innovasjonsbarometeret', 'Halden kommune');
  screen.show(view('Side 1'));
  assert.equal(document.getElementById('main').querySelector('h1').textContent, 'Side 1');
  assert.equal(document.title, 'Side 1 – Innovasjonsbarometeret');
  assert.equal(document.getElementById('site-title').textContent, 'Innovasjonsbarometeret');
  assert.equal(document.getElementById('organisation').textContent, 'Halden kommune');
});

test('the first view of a page load leaves focus alone; later views move it to their heading or focus target', () => {
  const screen = createScreen({ ...elements(), delay: now });
  screen.show(view('Først'));
  assert.equal(focusedElement(), null);
  screen.show(view('Så'));
  assert.equal(focusedElement().textContent, 'Så');
  screen.show(view('Med merknad', 'notice'));
  assert.equal(focusedElement().id, 'notice');
});

test('a first view with a focus target still moves focus there', () => {
  createScreen({ ...elements(), delay: now }).show(view('Feil', 'notice'));
  assert.equal(focusedElement().id, 'notice');
});

test('the live region is cleared first, so a repeated message is announced again', () => {
  const pending = [];
  const screen = createScreen({ ...elements(), delay: (callback) => pending.push(callback) });
  const live = document.getElementById('live-status');
  live.textContent = 'Lagrer svarene …';
  screen.announce('Lagrer svarene …');
  assert.equal(live.textContent, '');
  pending.forEach((callback) => callback());
  assert.equal(live.textContent, 'Lagrer svarene …');
  screen.show(view('Side 2', null, 'Side 2 av 3'));
  pending.at(-1)();
  assert.equal(live.textContent, 'Side 2 av 3');
});

test('a link in an error summary moves focus to its field', () => {
  const screen = createScreen({ ...elements(), delay: now });
  screen.show({
    title: 'Feil',
    content: [h('a', { href: '#q-A-o1', 'data-focus-target': 'q-A-o1' }, 'Velg'), h('input', { id: 'q-A-o1', type: 'radio' })],
    focusId: null,
    announcement: null,
  });
  const click = new window.Event('click', { bubbles: true, cancelable: true });
  document.querySelector('a').dispatchEvent(click);
  assert.equal(focusedElement().id, 'q-A-o1');
  assert.equal(click.defaultPrevented, true);
});
