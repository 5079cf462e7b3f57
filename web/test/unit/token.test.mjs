import assert from 'node:assert/strict';
import { test } from 'node:test';
import { establishToken, tokenFromFragment } from '../../js/token.js';

function fakeStorage(initial = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key) => (values.has(key) ? values.get(key) : null),
    setItem: (key, value) => values.set(key, String(value)),
    values,
  };
}

function fakeHistory() {
  return { state: null, replaced: [], replaceState(state, title, url) { this.replaced.push(url); } };
}

test('the token is read from a #t= fragment', () => {
  assert.equal(tokenFromFragment('#t=AbC-_123'), 'AbC-_123');
  assert.equal(tokenFromFragment('t=xyz'), 'xyz');
  assert.equal(tokenFromFragment('#x=1&t=xyz'), 'xyz');
});

test('a fragment without a token gives none', () => {
  assert.equal(tokenFromFragment(''), null);
  assert.equal(tokenFromFragment('#'), null);
  assert.equal(tokenFromFragment('#t='), null);
  assert.equal(tokenFromFragment('#main'), null);
  assert.equal(tokenFromFragment(undefined), null);
});

test('a token from the link is kept for the tab and cleared from the address bar', () => {
  const storage = fakeStorage();
  const history = fakeHistory();
  const token = establishToken({ hash: '#t=abc', pathname: '/', search: '' }, history, storage);
  assert.equal(token, 'abc');
  assert.equal(storage.values.get('barometer.token'), 'abc');
  assert.deepEqual(history.replaced, ['/']);
});

test('a reload without fragment uses the token kept for the tab', () => {
  const history = fakeHistory();
  const token = establishToken({ hash: '', pathname: '/', search: '' }, history, fakeStorage({ 'barometer.token': 'kept' }));
  assert.equal(token, 'kept');
  assert.deepEqual(history.replaced, []);
});

test('a newer link replaces the token kept for the tab', () => {
  const storage = fakeStorage({ 'barometer.token': 'old' });
  assert.equal(establishToken({ hash: '#t=new', pathname: '/app/', search: '?a=1' }, fakeHistory(), storage), 'new');
  assert.equal(storage.values.get('barometer.token'), 'new');
});

test('without a link or a kept token there is no token', () => {
  assert.equal(establishToken({ hash: '', pathname: '/', search: '' }, fakeHistory(), fakeStorage()), null);
});

test('a link still works when storage is refused', () => {
  const storage = { getItem() { throw new Error('denied'); }, setItem() { throw new Error('denied'); } };
  const history = fakeHistory();
  assert.equal(establishToken({ hash: '#t=abc', pathname: '/', search: '' }, history, storage), 'abc');
  assert.deepEqual(history.replaced, ['/']);
  assert.equal(establishToken({ hash: '', pathname: '/', search: '' }, history, storage), null);
});
