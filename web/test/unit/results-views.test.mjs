import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { text } from './dom.mjs';
import { formatCount, formatShare } from '../../results/js/format.js';
import { barChart, stackedBarChart } from '../../results/js/views/charts.js';
import { figuresTable, gridTable, responseRateTable } from '../../results/js/views/tables.js';
import { resultsView, segmentResults } from '../../results/js/views/results.js';
import { figuresOf, participation, questions } from '../../results/js/snapshot.js';

// Written by SnapshotJson (shared/core ResultsPageFixtureTest), so the views read the format the backend writes.
const snapshot = JSON.parse(readFileSync(new URL('../fixtures/snapshot.json', import.meta.url), 'utf8'));
const table = (key) => snapshot.tables.find((t) => t.key === key);
const cells = (root, selector = 'td') => Array.from(root.querySelectorAll(selector)).map(text);
/** As `text` reads it: a no-break space is a space. */
const spaced = (value) => value.replace(/\s+/g, ' ');

test('shares read as whole Norwegian percentages and counts with Norwegian grouping', () => {
  assert.equal(formatShare(0.4213), '42\u00a0%');
  assert.equal(formatShare(1), '100\u00a0%');
  assert.equal(formatShare(0), '0\u00a0%');
  assert.equal(formatCount(12345), '12\u00a0345');
});

test('a withheld share or count reads «skjult», never 0', () => {
  assert.equal(formatShare(null), 'skjult');
  assert.equal(formatCount(null), 'skjult');
});

test('a bar chart has one bar per option, as long as its share', () => {
  const chart = barChart({ name: 'Q2', bars: [{ text: 'Ja', share: 0.5, dontKnow: false }, { text: 'Vet ikke', share: 0.25, dontKnow: true }] });
  const bars = Array.from(chart.querySelectorAll('rect'));
  assert.deepEqual(bars.map((b) => Number(b.getAttribute('width'))), [280, 140]);
  assert.deepEqual(bars.map((b) => b.getAttribute('class')), ['fill-0', 'fill-dont-know']);
  assert.deepEqual(Array.from(chart.querySelectorAll('.bar-value')).map(text), ['50 %', '25 %']);
  assert.equal(chart.getAttribute('role'), 'img');
  assert.match(chart.getAttribute('aria-label'), /Tallene står i tabellen/);
});

test('a bar chart of withheld figures draws them as withheld with the reason, not as empty bars', () => {
  const chart = barChart({ name: 'Q2', bars: [], withheld: 'Skjult. Færre enn 5 svar i grunnlaget.' });
  assert.equal(chart.querySelector('rect').getAttribute('class'), 'withheld');
  assert.equal(text(chart.querySelector('.withheld-text')), 'Skjult. Færre enn 5 svar i grunnlaget.');
  assert.doesNotMatch(text(chart), /\b0\s?%/);
  const oneWithheld = barChart({ name: 'Svarprosent', bars: [{ text: 'Fylkeskommuner', share: null, dontKnow: false }] });
  assert.equal(oneWithheld.querySelector('rect').getAttribute('class'), 'withheld');
  assert.equal(text(oneWithheld.querySelector('.bar-value')), 'skjult');
});

test('a chart for a narrow screen is drawn at its width, with shorter labels, not scaled down', () => {
  const long = 'Samarbeid på tvers av offentlig sektor med aktører utenfor vår kommune/fylkeskommune';
  const narrow = barChart({ name: 'Q4', bars: [{ text: long, share: 1, dontKnow: false }], width: 288 });
  assert.equal(narrow.getAttribute('viewBox'), '0 0 288 48');
  assert.equal(Number(narrow.querySelector('rect').getAttribute('width')), 208);
  assert.equal(text(narrow.querySelector('.bar-label')).length, 36);
  assert.ok(text(narrow.querySelector('.bar-label')).endsWith('…'));
  const wide = barChart({ name: 'Q4', bars: [{ text: long, share: 1, dontKnow: false }], width: 1200 });
  assert.equal(wide.getAttribute('viewBox'), '0 0 640 48');
  assert.equal(text(wide.querySelector('.bar-label')).length, 80);
});

test('a stacked bar splits each row into its answers and draws a withheld row as withheld', () => {
  const categories = [{ text: 'Ja', dontKnow: false }, { text: 'Nei', dontKnow: false }, { text: 'Vet ikke', dontKnow: true }];
  const chart = stackedBarChart({
    name: 'Q12',
    categories,
    rows: [{ text: 'Rad 1', shares: [0.5, 0.25, 0.25] }, { text: 'Rad 2', shares: null, withheld: 'Skjult. Færre enn 5 svar.' }],
  });
  const [first, second] = Array.from(chart.querySelectorAll('g.bar'));
  const rects = Array.from(first.querySelectorAll('rect'));
  assert.deepEqual(rects.map((r) => Number(r.getAttribute('width'))), [320, 160, 160]);
  assert.deepEqual(rects.map((r) => Number(r.getAttribute('x'))), [0, 320, 480]);
  assert.deepEqual(rects.map((r) => r.getAttribute('class')), ['fill-0', 'fill-1', 'fill-dont-know']);
  assert.deepEqual(Array.from(first.querySelectorAll('.segment-value')).map(text), ['50 %', '25 %', '25 %']);
  assert.equal(second.querySelectorAll('rect').length, 1);
  assert.equal(second.querySelector('rect').getAttribute('class'), 'withheld');
  assert.equal(text(second.querySelector('.withheld-text')), 'Skjult. Færre enn 5 svar.');
});

test('a table of published figures gives each option its count and share, and the base', () => {
  const q2 = table('Q2');
  const entry = figuresOf(q2, 'alle');
  const node = figuresTable({ id: 'figures-Q2', title: q2.text, table: q2, entry, k: snapshot.k });
  assert.equal(node.getAttribute('role'), 'region');
  assert.equal(node.getAttribute('tabindex'), '0');
  assert.deepEqual(cells(node, 'tbody th'), ['Ja', 'Nei', 'Vet ikke']);
  const { count, share } = entry.figures[0];
  assert.deepEqual(cells(node, 'tbody tr:first-child td'), [formatCount(count), formatShare(share)].map(spaced));
  assert.equal(cells(node, 'tfoot td')[0], formatCount(entry.base));
  assert.equal(text(node.querySelector('caption')), q2.text);
});

test('a suppressed segment reads «skjult» in every cell with the reason in the caption, never 0', () => {
  const q2 = table('Q2');
  const entry = figuresOf(q2, 'fylkeskommune');
  assert.equal(entry.disclosure, 'suppressed');
  const node = figuresTable({ id: 'figures-Q2', title: q2.text, table: q2, entry, k: snapshot.k });
  const values = cells(node, 'tbody td');
  assert.equal(values.length, 6);
  assert.ok(values.every((value) => value === 'skjult'), values.join(', '));
  assert.equal(cells(node, 'tfoot td')[0], 'skjult');
  assert.match(text(node.querySelector('caption')), /Skjult\. Færre enn 5 svar i grunnlaget\./);
  assert.doesNotMatch(text(node.querySelector('tbody')), /\d/);
});

test('carried-forward figures say when they were computed and why they are shown again', () => {
  const q2 = table('Q2');
  const entry = figuresOf(q2, 'kommune');
  assert.equal(entry.disclosure, 'carried-forward');
  const node = figuresTable({ id: 'figures-Q2', title: q2.text, table: q2, entry, k: snapshot.k });
  assert.match(text(node.querySelector('caption')),
    /Tall fra 2\. september 2024 kl\. 09:00 vises igjen\. Færre enn 5 nye svar siden tallene sist ble publisert\./);
  assert.equal(cells(node, 'tbody td')[0], formatCount(entry.figures[0].count));
});

test('a grid question is one table with a row per statement; a withheld row reads «skjult» with its reason', () => {
  const grid = questions(snapshot).find((q) => q.key === 'Q12');
  assert.equal(grid.tables.length, 3);
  const node = gridTable({ id: 'figures-Q12', title: 'Spørsmål Q12', tables: grid.tables, segment: 'alle', k: snapshot.k });
  const rows = Array.from(node.querySelectorAll('tbody tr'));
  assert.deepEqual(rows.map((row) => text(row.querySelector('th'))), grid.tables.map((t) => t.text));
  const withheld = rows[grid.tables.findIndex((t) => figuresOf(t, 'alle').disclosure === 'suppressed')];
  const values = cells(withheld);
  assert.ok(values.slice(0, -1).every((value) => value === 'skjult'), values.join(', '));
  assert.match(values.at(-1), /Skjult\. Færre enn 5 svar i grunnlaget\./);
});

test('response rates per segment take their disclosure from participation', () => {
  const node = responseRateTable({ id: 'rates', title: 'Svarprosent', snapshot, participation: participation(snapshot) });
  const rows = Array.from(node.querySelectorAll('tbody tr'));
  assert.equal(rows.length, snapshot.segments.length);
  const alle = cells(rows[0]);
  assert.deepEqual(alle.slice(0, 3), ['371', '138', '37 %']);
  assert.match(alle[3], /vises igjen/);
});

test('the page shows what the snapshot is, and a withheld completed count as «skjult» with its reason', () => {
  const screen = resultsView(snapshot, 'alle', { onChoose: () => {} });
  const facts = screen.content.find((node) => node.matches?.('dl.facts'));
  const entries = Object.fromEntries(Array.from(facts.querySelectorAll('dt')).map((dt) => [text(dt), text(dt.nextElementSibling)]));
  assert.equal(entries.Beregnet, '2. september 2024 kl. 09:15');
  assert.equal(entries['Fullførte svar'], 'skjult – Færre enn 5 nye svar siden tallene sist ble publisert.');
  assert.equal(screen.title, 'Resultater');
});

test('every question of a segment gets a chart beside its table; single-choice ones are compared across segments as stacked bars', () => {
  const [title, sections] = segmentResults(snapshot, 'landsdel-vestlandet');
  assert.equal(text(title), 'Tall for Vestlandet');
  assert.deepEqual(sections.map((s) => s.dataset.question), questions(snapshot).map((q) => q.key));
  for (const section of sections) {
    const pair = section.querySelector('.chart-and-table');
    assert.ok(pair.querySelector('svg.chart') && pair.querySelector('table'), section.dataset.question);
  }
  const q4 = sections.find((s) => s.dataset.question === 'Q4');
  assert.match(text(q4.querySelector('.base')), /Flere svar var mulig/);
  assert.equal(q4.querySelectorAll('.comparison tbody tr').length, snapshot.segments.length);
  assert.equal(q4.querySelector('.comparison svg'), null, 'shares of a multiple-choice question are not stacked');
  const q2 = sections.find((s) => s.dataset.question === 'Q2');
  const bars = Array.from(q2.querySelectorAll('.comparison svg g.bar'));
  assert.deepEqual(bars.map((bar) => text(bar.querySelector('.bar-label'))), snapshot.segments.map((s) => s.label));
  const fylkeskommuner = bars[snapshot.segments.findIndex((s) => s.code === 'fylkeskommune')];
  assert.equal(text(fylkeskommuner.querySelector('.withheld-text')), 'Skjult. Færre enn 5 svar i grunnlaget.');
});
