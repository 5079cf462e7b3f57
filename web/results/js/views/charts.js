// Charts as plain SVG, drawn from the snapshot in the browser. A chart is a picture of the table beside it, which
// carries every figure for screen readers and keyboard users; the chart says so in its accessible name. Colours
// come from CSS classes (no style attributes, for the Content-Security-Policy), and a withheld bar is drawn as
// withheld with the word «skjult», never as an empty bar that would read as zero.

import { h } from '../../../js/render.js';
import { formatShare, SUPPRESSED } from '../format.js';
import { shorten } from '../../../js/views/parts.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const BAR_MAX = 560;
const LABEL_CHARACTERS = 80;
/** A share narrower than this gets its figure outside the stacked bar's segment, in the table only. */
const LABEL_INSIDE_FROM = 0.08;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return element;
}

function chart(height, name, ...children) {
  return svg('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', focusable: 'false',
    'aria-label': `${name} Tallene står i tabellen.`,
  }, ...children);
}

/** The class that colours category `index` of a table; «Vet ikke» is always grey. */
export function fillClass(index, dontKnow) {
  return dontKnow ? 'fill-dont-know' : `fill-${index % 8}`;
}

/**
 * One bar per category. `bars`: { text, share } with share null when withheld; `withheld`: the text shown
 * instead of bars when the segment's figures are not shown at all.
 */
export function barChart({ name, bars, withheld = null }) {
  if (withheld) {
    return chart(48, `Stolpediagram: ${name}. Skjult.`,
      svg('rect', { class: 'withheld', x: 1, y: 8, width: WIDTH - 2, height: 32, rx: 2 }),
      svg('text', { class: 'withheld-text', x: WIDTH / 2, y: 29, 'text-anchor': 'middle' }, `${SUPPRESSED} – ${withheld}`));
  }
  const rowHeight = 48;
  return chart(bars.length * rowHeight, `Stolpediagram: ${name}.`, bars.map((bar, i) => {
    const y = i * rowHeight;
    const width = Math.max(0, Math.min(1, bar.share ?? 0)) * BAR_MAX;
    return svg('g', { class: 'bar' },
      svg('text', { class: 'bar-label', x: 0, y: y + 15 }, shorten(bar.text, LABEL_CHARACTERS)),
      bar.share === null
        ? svg('rect', { class: 'withheld', x: 1, y: y + 21, width: BAR_MAX, height: 20 })
        : svg('rect', { class: fillClass(0, bar.dontKnow), x: 0, y: y + 21, width, height: 20 }),
      svg('text', { class: 'bar-value', x: bar.share === null ? 8 : width + 6, y: y + 36 }, formatShare(bar.share)));
  }));
}

/**
 * One bar per row, split into its categories. `categories`: { text, dontKnow }; `rows`: { text, shares } with
 * shares null when the row is withheld (then `withheld` says why in a word or two).
 */
export function stackedBarChart({ name, categories, rows }) {
  const rowHeight = 56;
  return chart(rows.length * rowHeight, `Stablet stolpediagram: ${name}.`, rows.map((row, i) => {
    const y = i * rowHeight;
    const label = svg('text', { class: 'bar-label', x: 0, y: y + 15 }, shorten(row.text, LABEL_CHARACTERS));
    if (row.shares === null) {
      return svg('g', { class: 'bar' }, label,
        svg('rect', { class: 'withheld', x: 1, y: y + 21, width: WIDTH - 2, height: 26 }),
        svg('text', { class: 'withheld-text', x: WIDTH / 2, y: y + 39, 'text-anchor': 'middle' }, `${SUPPRESSED} – ${row.withheld}`));
    }
    let x = 0;
    const parts = row.shares.map((share, c) => {
      const width = Math.max(0, share ?? 0) * WIDTH;
      const part = svg('g', {},
        svg('rect', { class: fillClass(c, categories[c].dontKnow), x, y: y + 21, width, height: 26 }),
        (share ?? 0) >= LABEL_INSIDE_FROM
          ? svg('text', { class: 'segment-value', x: x + width / 2, y: y + 39, 'text-anchor': 'middle' }, formatShare(share))
          : null);
      x += width;
      return part;
    });
    return svg('g', { class: 'bar' }, label, parts);
  }));
}

/** What the colours of a stacked chart stand for. */
export function legend(categories) {
  return h('ul', { class: 'legend' }, categories.map((category, i) => h('li', {},
    svg('svg', { class: 'swatch', viewBox: '0 0 12 12', 'aria-hidden': 'true', focusable: 'false' },
      svg('rect', { class: fillClass(i, category.dontKnow), width: 12, height: 12 })),
    category.text)));
}
