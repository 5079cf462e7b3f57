// The results page (web/results/) in Chromium, served by the real local stack at /results/ under the app's
// Content-Security-Policy. The published snapshot it reads by default is played back from the fixture that
// SnapshotJson wrote (shared/core ResultsPageFixtureTest), so these tests need no fieldwork.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  expectCleanRun, expectNoAxeViolations, expectNoHorizontalScroll, NARROW, openPage, resultsDir,
  startStackAndBrowser, STARTUP_TIMEOUT_MS, stopStackAndBrowser,
} from './harness.mjs';

const TEST_TIMEOUT_MS = 120_000;
const fixturePath = new URL('../fixtures/snapshot.json', import.meta.url);

let session;
let stack;
let browser;
let fixture;
let snapshot;

/** Opens /results/ with the default snapshot address answered by the fixture. */
async function openResults(options = {}, search = '') {
  const page = await openPage(browser, `${stack.links.baseUrl}/results/${search}`, {
    ...options,
    prepare: (p) => p.route('**/results/data/innovasjonsbarometer-2024/latest.json',
      (route) => route.fulfill({ status: 200, contentType: 'application/json', body: fixture })),
  });
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Resultater');
  return page;
}

const questionCount = () => new Set(snapshot.tables.filter((t) => t.question !== null).map((t) => t.question)).size;

async function focusedSegment(page) {
  return page.evaluate(() => (document.activeElement?.name === 'utvalg' ? document.activeElement.value : null));
}

before(async () => {
  fixture = await readFile(fixturePath, 'utf8');
  snapshot = JSON.parse(fixture);
  session = await startStackAndBrowser();
  ({ stack, browser } = session);
}, { timeout: STARTUP_TIMEOUT_MS + 30_000 });

after(() => stopStackAndBrowser(session));

describe('results page', { timeout: TEST_TIMEOUT_MS }, () => {
  test('shows every question as a chart beside its table, and axe finds nothing to fault', async () => {
    const page = await openResults({ axe: true });
    const sections = page.locator('#segment-results section[data-question]');
    assert.equal(await sections.count(), questionCount());
    const pairs = page.locator('#segment-results section[data-question] > .chart-and-table');
    assert.equal(await pairs.locator('svg.chart').count(), questionCount());
    assert.equal(await pairs.locator('table').count(), questionCount());
    const singleChoice = snapshot.tables.filter((t) => t.question !== null && t.row === null && !t.perChoice).length;
    assert.equal(await sections.locator('.comparison svg.chart').count(), singleChoice, 'single-choice questions compare segments in a chart');
    assert.equal(await page.getByRole('table', { name: 'Svarprosent per utvalg' }).count(), 1);
    assert.equal(await page.getByRole('img', { name: /^Stolpediagram: Jobbes det målrettet med innovasjon/ }).count(), 1);
    assert.equal(await page.getByRole('img', { name: /^Stablet stolpediagram: Spørsmål Q12/ }).count(), 1);
    await expectNoAxeViolations(page, 'the results page');
    await page.locator('[data-question="Q2"] details summary').click();
    await expectNoAxeViolations(page, 'the results page with a comparison open');
    await page.screenshot({ path: path.join(resultsDir, 'screenshot-results.png'), fullPage: false });
  });

  test('keyboard only: Tab reaches the segments, the arrow keys move between them, and the figures follow', async () => {
    const page = await openResults();
    for (let presses = 0; presses < 10 && !(await focusedSegment(page)); presses += 1) await page.keyboard.press('Tab');
    assert.equal(await focusedSegment(page), 'alle', 'Tab reaches the chosen segment');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedSegment(page), 'kommune');
    assert.equal((await page.locator('#segment-title').textContent()).trim(), 'Tall for Kommuner');
    assert.match(page.url(), /[?&]utvalg=kommune\b/);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedSegment(page), 'fylkeskommune', 'focus stays on the segments after the redraw');
    assert.equal((await page.locator('#segment-title').textContent()).trim(), 'Tall for Fylkeskommuner');
    await page.waitForFunction(() => document.getElementById('live-status').textContent === 'Viser tall for Fylkeskommuner.');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focusedSegment(page), 'kommune');
    await expectCleanRun(page);
  });

  test('a withheld cell reads as suppressed with its reason, never as zero', async () => {
    const page = await openResults({}, '?utvalg=fylkeskommune');
    assert.ok(await page.locator('#utvalg-fylkeskommune').isChecked(), 'the address chooses the segment');
    const table = page.getByRole('table', { name: /^Jobbes det målrettet med innovasjon.*\(Fylkeskommuner\)/ });
    assert.match(await table.locator('caption').textContent(), /Skjult\. Færre enn 5 svar i grunnlaget\./);
    const yes = table.getByRole('row', { name: /^Ja/ });
    assert.deepEqual((await yes.getByRole('cell').allTextContents()).map((t) => t.trim()), ['skjult', 'skjult']);
    const chart = page.getByRole('img', { name: /^Stolpediagram: Jobbes det målrettet.*Skjult\./ });
    assert.match(await chart.textContent(), /^Skjult\. Færre enn 5 svar i grunnlaget\.$/);
    assert.doesNotMatch(await chart.textContent(), /\d\s?%/);
    await expectCleanRun(page);
  });

  test('carried-forward figures are marked with when they were computed', async () => {
    const page = await openResults({}, '?utvalg=kommune');
    const note = page.locator('[data-question="Q2"] .disclosure-carried-forward');
    assert.match(await note.textContent(), /Tall fra 2\. september 2024 kl\. 09:00 vises igjen\. Færre enn 5 nye svar/);
    await expectCleanRun(page);
  });

  test('fits a 320 px screen without sideways scrolling, its charts drawn at their width', async () => {
    const page = await openResults({ viewport: NARROW });
    await expectNoHorizontalScroll(page, 'the results page');
    const scales = await page.locator('svg.chart').evaluateAll((charts) => charts.map((chart) => chart.getBoundingClientRect().width / chart.viewBox.baseVal.width));
    assert.ok(scales.every((scale) => scale > 0.95 && scale < 1.05), `charts drawn at 1:1, not scaled: ${scales}`);
    await expectCleanRun(page);
  });

  test('says so when nothing is published yet', async () => {
    const page = await openPage(browser, `${stack.links.baseUrl}/results/?survey=ingen-slik`, { axe: true });
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Ingen resultater ennå');
    await expectNoAxeViolations(page, 'the page without results');
  });
});
