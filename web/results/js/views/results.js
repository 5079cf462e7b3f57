// The results page for one snapshot: what the snapshot is, the response rates of every segment, the choice of
// segment, and every question's figures for that segment, each as a chart with its table beside it. A view is a
// function from what it shows to a screen, as in the respondent app: { title, content, focusId, announcement }.

import { h } from '../../../js/render.js';
import { heading } from '../../../js/views/parts.js';
import { disclosureNote, formatCount, formatInstant, reasonText, SUPPRESSED } from '../format.js';
import { categoryFigures, figuresOf, participation, questions, segmentLabel } from '../snapshot.js';
import { barChart, legend, stackedBarChart, WIDEST } from './charts.js';
import { comparisonTable, figuresTable, gridTable, responseRateTable } from './tables.js';

export const SEGMENT_RESULTS_ID = 'segment-results';

function facts(snapshot) {
  const item = (term, value) => [h('dt', {}, term), h('dd', {}, value)];
  return h('dl', { class: 'facts' },
    item('Beregnet', formatInstant(snapshot.computedAt)),
    item('Øyeblikksbilde', snapshot.snapshotId),
    item('Spørreskjema', `${snapshot.questionnaire.id}, versjon ${snapshot.questionnaire.version}`),
    item('Fullførte svar', snapshot.completed === null
      ? `${SUPPRESSED} – ${reasonText(figuresOf(participation(snapshot), 'alle')?.reason, snapshot.k)}`
      : formatCount(snapshot.completed)));
}

function aboutWithheld(snapshot) {
  return h('p', { class: 'about-withheld' },
    `Et tall som bygger på færre enn ${snapshot.k} svar, vises ikke, og heller ikke tall det kunne regnes ut av. `
    + 'Slike tall står som «skjult» med grunnen, og betyr ikke null. Kommer det bare noen få nye svar, vises '
    + 'tallene fra forrige publisering til det er kommet nok nye; de er merket med når de ble beregnet.');
}

function chartAndTable(chart, table, extra = null) {
  return h('div', { class: 'chart-and-table' }, h('div', { class: 'chart-box' }, extra, chart), table);
}

function responseRates(snapshot, chartWidth) {
  const table = participation(snapshot);
  const bars = snapshot.responseRates.map((rate) => ({ text: segmentLabel(snapshot, rate.segment), share: rate.rate, dontKnow: false }));
  return h('section', { class: 'question', 'aria-labelledby': 'response-rates-title' },
    h('h2', { id: 'response-rates-title' }, 'Svarprosent per utvalg'),
    chartAndTable(barChart({ name: 'Svarprosent per utvalg', bars, width: chartWidth }),
      responseRateTable({ id: 'response-rates', title: 'Svarprosent per utvalg', snapshot, participation: table })));
}

/** The segments to choose between: native radio buttons, so the arrow keys move between segments. */
export function segmentPicker(snapshot, chosen, onChoose) {
  const fieldset = h('fieldset', { class: 'segment-picker' },
    h('legend', {}, 'Vis tall for'),
    h('div', { class: 'segment-options' }, snapshot.segments.map((segment) => h('div', { class: 'segment-option' },
      h('input', { type: 'radio', name: 'utvalg', id: `utvalg-${segment.code}`, value: segment.code, checked: segment.code === chosen }),
      h('label', { for: `utvalg-${segment.code}` }, segment.label)))));
  fieldset.addEventListener('change', (event) => {
    if (event.target.name === 'utvalg') onChoose(event.target.value);
  });
  return fieldset;
}

function choiceQuestion(snapshot, question, segment, chartWidth) {
  const [table] = question.tables;
  const entry = figuresOf(table, segment);
  const shown = entry.disclosure !== 'suppressed';
  const bars = categoryFigures(table, entry).map(({ category, figure }) => ({
    text: category.text, share: figure?.share ?? null, dontKnow: category.dontKnow,
  }));
  const note = disclosureNote(entry, snapshot.k);
  return [
    shown || table.perChoice ? h('p', { class: 'base' }, shown ? `${formatCount(entry.base)} svarte.` : null,
      table.perChoice ? ' Flere svar var mulig; andelen er av dem som svarte.' : null) : null,
    note ? h('p', { class: `disclosure disclosure-${entry.disclosure}` }, note) : null,
    chartAndTable(barChart({ name: table.text, bars, withheld: shown ? null : note, width: chartWidth }),
      figuresTable({ id: `figures-${table.key}`, title: `${table.text} (${segmentLabel(snapshot, segment)})`, table, entry, k: snapshot.k })),
    h('details', { class: 'comparison', 'data-key': table.key },
      h('summary', {}, 'Sammenlign utvalgene'),
      comparison(snapshot, table, chartWidth)),
  ];
}

/**
 * Every segment's figures of a table. A single-choice question's distributions are compared as a stacked bar per
 * segment; a multiple-choice one's shares do not add up to a whole, so it is compared in the table alone.
 */
function comparison(snapshot, table, chartWidth) {
  const figures = comparisonTable({ id: `comparison-${table.key}`, title: `${table.text}: alle utvalg`, snapshot, table });
  if (table.perChoice) return figures;
  const rows = table.segments.map((entry) => stackedRow(segmentLabel(snapshot, entry.segment), table, entry, snapshot.k));
  return chartAndTable(stackedBarChart({ name: `${table.text}: alle utvalg`, categories: table.categories, rows, width: chartWidth }),
    figures, legend(table.categories));
}

/** A bar of a stacked chart: a segment's distribution over a table's categories, or why it is withheld. */
function stackedRow(text, table, entry, k) {
  return entry.disclosure === 'suppressed'
    ? { text, shares: null, withheld: disclosureNote(entry, k) }
    : { text, shares: categoryFigures(table, entry).map(({ figure }) => figure?.share ?? null) };
}

function gridQuestion(snapshot, question, segment, chartWidth) {
  const categories = question.tables[0].categories;
  const rows = question.tables.map((table) => stackedRow(table.text, table, figuresOf(table, segment), snapshot.k));
  const title = `Spørsmål ${question.key} (${segmentLabel(snapshot, segment)})`;
  return [chartAndTable(stackedBarChart({ name: `Spørsmål ${question.key}`, categories, rows, width: chartWidth }),
    gridTable({ id: `figures-${question.key}`, title, tables: question.tables, segment, k: snapshot.k }),
    legend(categories))];
}

/** Every question's figures for one segment, with charts drawn `chartWidth` CSS pixels wide. */
export function segmentResults(snapshot, segment, chartWidth = WIDEST) {
  return [
    h('h2', { id: 'segment-title' }, `Tall for ${segmentLabel(snapshot, segment)}`),
    questions(snapshot).map((question) => h('section', { class: 'question', 'data-question': question.key, 'aria-labelledby': `title-${question.key}` },
      h('h3', { id: `title-${question.key}` }, question.text ?? `Spørsmål ${question.key}`),
      question.grid ? gridQuestion(snapshot, question, segment, chartWidth)
        : choiceQuestion(snapshot, question, segment, chartWidth))),
  ];
}

/** `onChoose(segment)` is called when another segment is chosen; charts are drawn `chartWidth` CSS pixels wide. */
export function resultsView(snapshot, segment, { onChoose, chartWidth = WIDEST }) {
  return {
    title: 'Resultater',
    content: [
      heading('Resultater'),
      facts(snapshot),
      aboutWithheld(snapshot),
      responseRates(snapshot, chartWidth),
      segmentPicker(snapshot, segment, onChoose),
      h('div', { id: SEGMENT_RESULTS_ID }, segmentResults(snapshot, segment, chartWidth)),
    ],
    focusId: null,
    announcement: null,
  };
}

function statusScreen(title, text) {
  return { title, content: [heading(title), h('p', {}, text)], focusId: null, announcement: null };
}

export function noSnapshotView() {
  return statusScreen('Ingen resultater ennå', 'Det er ikke publisert noen resultater her ennå. Prøv igjen senere.');
}

export function unreadableView() {
  return statusScreen('Resultatene kan ikke vises', 'Filen med resultater har et format denne siden ikke kan lese.');
}

export function connectionView() {
  return statusScreen('Ingen kontakt med tjenesten', 'Resultatene kunne ikke hentes. Sjekk nettforbindelsen og last siden på nytt.');
}
