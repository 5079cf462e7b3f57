import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeBrowserHistory } from './fake-history.mjs';
import { createHistory, hasEnded, isReachable, neighbours, position, recordedView, viewFor } from '../../js/navigation.js';

const visible = (...ids) => ({ pages: ids.map((id) => ({ id, questions: [{ id: id.toUpperCase(), options: [], rows: [] }] })), ended: null });
const response = (overrides = {}) => ({ status: 'IN_PROGRESS', nextPage: 'p3', visible: visible('p1', 'p2', 'p3', 'p6'), ...overrides });

test('a visible page up to the next page to answer can be reached, a later or hidden one cannot', () => {
  assert.ok(isReachable(response(), 'p1'));
  assert.ok(isReachable(response(), 'p3'));
  assert.ok(!isReachable(response(), 'p6'));
  assert.ok(!isReachable(response(), 'p4'), 'a page the saved state does not show');
});

test('with nothing left to answer every visible page can be reached', () => {
  assert.ok(isReachable(response({ nextPage: null }), 'p6'));
});

test('neighbours and position follow the visible pages, not the definition', () => {
  assert.deepEqual(neighbours(response(), 'p3'), { previous: 'p2', following: 'p6' });
  assert.deepEqual(neighbours(response(), 'p1'), { previous: null, following: 'p2' });
  assert.deepEqual(neighbours(response(), 'p6'), { previous: 'p3', following: null });
  assert.deepEqual(position(response(), 'p6'), { number: 4, total: 4 });
});

test('the view is the end of an ended response, whatever page was asked for', () => {
  for (const status of ['COMPLETED', 'DECLINED', 'WRONG_RECIPIENT']) {
    assert.ok(hasEnded(response({ status })));
    assert.deepEqual(viewFor(response({ status, nextPage: null }), 'p1'), { kind: 'end' });
  }
  assert.ok(!hasEnded(response({ status: 'OPENED' })));
});

test('the view is the page asked for when it can be reached, else the next page, else the summary', () => {
  assert.deepEqual(viewFor(response(), 'p2'), { kind: 'page', pageId: 'p2' });
  assert.deepEqual(viewFor(response(), 'p6'), { kind: 'page', pageId: 'p3' });
  assert.deepEqual(viewFor(response()), { kind: 'page', pageId: 'p3' });
  assert.deepEqual(viewFor(response({ nextPage: null })), { kind: 'summary' });
});

test('moving to another view adds a history entry; the same view, or one the app chose, replaces it', () => {
  const browser = fakeBrowserHistory();
  const history = createHistory(browser);
  history.remember({ kind: 'page', pageId: 'p1' }, 'replace');
  history.remember({ kind: 'page', pageId: 'p2' }, 'push');
  history.remember({ kind: 'page', pageId: 'p2' }, 'push');
  history.remember({ kind: 'summary' }, 'replace');
  assert.deepEqual(browser.entries.map(recordedView), [
    { kind: 'page', pageId: 'p1' },
    { kind: 'summary', pageId: null },
  ]);
  assert.deepEqual(history.current(), { kind: 'summary', pageId: null });
});

test('a history entry the app did not make records no view', () => {
  assert.equal(recordedView(null), null);
  assert.equal(recordedView({ other: 1 }), null);
  assert.equal(createHistory(fakeBrowserHistory()).current(), null);
});
