// The figures of each chart as a table beside it: the accessible form of the chart, and the one a reader can copy.
// A withheld figure reads «skjult» in its cell, and the table says why (in its caption, or in a note column when
// its rows differ); carried-forward figures say where they come from.

import { h } from '../../../js/render.js';
import { categoryFigures, figuresOf, segmentLabel } from '../snapshot.js';
import { disclosureNote, formatCount, formatShare, SUPPRESSED } from '../format.js';

function safe(value) {
  return String(value).replace(/[^A-Za-z0-9_-]/g, '_');
}

/** A table in a region that scrolls sideways on narrow screens and can be reached and scrolled with the keyboard. */
function scrollable(id, caption, head, rows, foot = null) {
  const captionId = `${safe(id)}-caption`;
  return h('div', { class: 'table-scroll', role: 'region', tabindex: '0', 'aria-labelledby': captionId },
    h('table', { class: 'figures', id: safe(id) },
      h('caption', { id: captionId }, caption),
      h('thead', {}, h('tr', {}, head.map((text, i) => h('th', { scope: 'col', class: i === 0 ? null : 'number' }, text)))),
      h('tbody', {}, rows),
      foot ? h('tfoot', {}, foot) : null));
}

function captionWith(title, note) {
  return note ? [title, h('span', { class: 'caption-note' }, note)] : title;
}

function numberCell(text) {
  return h('td', { class: text === SUPPRESSED ? 'number withheld-cell' : 'number' }, text);
}

/** One segment's figures of one table: a row per category with its count and share, and the base. */
export function figuresTable({ id, title, table, entry, k }) {
  const rows = categoryFigures(table, entry).map(({ category, figure }) => h('tr', {},
    h('th', { scope: 'row' }, category.text),
    numberCell(formatCount(figure?.count)),
    numberCell(formatShare(figure?.share))));
  const foot = h('tr', {}, h('th', { scope: 'row' }, 'Antall som svarte'), numberCell(formatCount(entry.base)), h('td', {}));
  return scrollable(id, captionWith(title, disclosureNote(entry, k)), ['Svaralternativ', 'Antall', 'Andel'], rows, foot);
}

/** Rows of shares, each with its base and a note when its figures are not fresh. */
function shareRows(items, categories, k) {
  return items.map(({ label, entry }) => h('tr', {},
    h('th', { scope: 'row' }, label),
    categories.map((category) => {
      const figure = entry.disclosure === 'suppressed' ? null : entry.figures.find((f) => f.category === category.code);
      return numberCell(formatShare(figure?.share));
    }),
    numberCell(formatCount(entry.base)),
    h('td', { class: 'note' }, disclosureNote(entry, k) ?? '')));
}

/** A grid question for one segment: a row per grid row, a column per answer. */
export function gridTable({ id, title, tables, segment, k }) {
  const categories = tables[0].categories;
  const items = tables.map((table) => ({ label: table.text, entry: figuresOf(table, segment) }));
  return scrollable(id, title, ['Påstand', ...categories.map((c) => c.text), 'Antall som svarte', 'Merknad'],
    shareRows(items, categories, k));
}

/** One table for every segment: a row per segment, a column per answer. */
export function comparisonTable({ id, title, snapshot, table }) {
  const items = table.segments.map((entry) => ({ label: segmentLabel(snapshot, entry.segment), entry }));
  return scrollable(id, title, ['Utvalg', ...table.categories.map((c) => c.text), 'Antall som svarte', 'Merknad'],
    shareRows(items, table.categories, snapshot.k));
}

/** Invited, completed and the response rate per segment; withheld and carried forward with participation. */
export function responseRateTable({ id, title, snapshot, participation }) {
  const rows = snapshot.responseRates.map((rate) => {
    const entry = figuresOf(participation, rate.segment);
    return h('tr', {},
      h('th', { scope: 'row' }, segmentLabel(snapshot, rate.segment)),
      numberCell(formatCount(rate.invited)),
      numberCell(formatCount(rate.completed)),
      numberCell(formatShare(rate.rate)),
      h('td', { class: 'note' }, disclosureNote(entry, snapshot.k) ?? ''));
  });
  return scrollable(id, title, ['Utvalg', 'Invitert', 'Fullført', 'Svarprosent', 'Merknad'], rows);
}
