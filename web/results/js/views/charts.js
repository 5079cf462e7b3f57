// Charts as plain SVG, drawn from the snapshot in the browser. A chart is a picture of the table beside it, which
// carries every figure for screen readers and keyboard users; the chart says so in its accessible name. Colours
// come from CSS classes (no style attributes, for the Content-Security-Policy), and a withheld bar is drawn as
// withheld with the word «skjult», never as an empty bar that would read as zero.

import { h } from '../../../js/render.js';
import { formatShare, SUPPRESSED } from '../format.js';
import { shorten } from '../../../js/views/parts.js';

const SVG = 'http://www.w3.org/2000/svg';
/** The widest a chart is drawn; a wider box scales it up. */
export const WIDEST = 640;
const NARROWEST = 280;
/** Room right of the longest bar for its figure. */
const VALUE_ROOM = 80;
/** About as wide as a character of a 14 px label. */
const CHARACTER_WIDTH = 8;
/** A stacked bar's part narrower than this (in pixels) has no room for its figure, which is then in the table only. */
const ROOM_FOR_FIGURE = 36;

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

/**
 * A chart is drawn for the width it will have (`width`, in CSS pixels, kept between 280 and 640), so that its labels
 * are read at their size on a narrow screen rather than scaled down with the picture.
 */
function layout(width) {
  const drawn = Math.round(Math.max(NARROWEST, Math.min(WIDEST, width)));
  return { width: drawn, barMax: drawn - VALUE_ROOM, characters: Math.floor(drawn / CHARACTER_WIDTH) };
}

function chart(width, height, name, ...children) {
  return svg('svg', {
    class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', focusable: 'false',
    'aria-label': `${name} Tallene står i tabellen.`,
  }, ...children);
}

/** The class that colours category `index` of a table; «Vet ikke» is always grey. */
export function fillClass(index, dontKnow) {
  return dontKnow ? 'fill-dont-know' : `fill-${index % 8}`;
}

/**
 * One bar per category. `bars`: { text, share } with share null when withheld; `withheld`: the text shown
 * instead of bars when the segment's figures are not shown at all (it says «Skjult» and why).
 */
export function barChart({ name, bars, withheld = null, width: available = WIDEST }) {
  const { width: chartWidth, barMax, characters } = layout(available);
  if (withheld) {
    return chart(chartWidth, 48, `Stolpediagram: ${name}. Skjult.`,
      svg('rect', { class: 'withheld', x: 1, y: 8, width: chartWidth - 2, height: 32, rx: 2 }),
      svg('text', { class: 'withheld-text', x: 8, y: 29 }, shorten(withheld, characters)));
  }
  const rowHeight = 48;
  return chart(chartWidth, bars.length * rowHeight, `Stolpediagram: ${name}.`, bars.map((bar, i) => {
    const y = i * rowHeight;
    const width = Math.max(0, Math.min(1, bar.share ?? 0)) * barMax;
    return svg('g', { class: 'bar' },
      svg('text', { class: 'bar-label', x: 0, y: y + 15 }, shorten(bar.text, characters)),
      bar.share === null
        ? svg('rect', { class: 'withheld', x: 1, y: y + 21, width: barMax, height: 20 })
        : svg('rect', { class: fillClass(0, bar.dontKnow), x: 0, y: y + 21, width, height: 20 }),
      svg('text', { class: 'bar-value', x: bar.share === null ? 8 : width + 6, y: y + 36 }, formatShare(bar.share)));
  }));
}

/**
 * One bar per row, split into its categories. `categories`: { text, dontKnow }; `rows`: { text, shares } with
 * shares null when the row is withheld (then `withheld` says «Skjult» and why).
 */
export function stackedBarChart({ name, categories, rows, width: available = WIDEST }) {
  const { width: chartWidth, characters } = layout(available);
  const rowHeight = 56;
  return chart(chartWidth, rows.length * rowHeight, `Stablet stolpediagram: ${name}.`, rows.map((row, i) => {
    const y = i * rowHeight;
    const label = svg('text', { class: 'bar-label', x: 0, y: y + 15 }, shorten(row.text, characters));
    if (row.shares === null) {
      return svg('g', { class: 'bar' }, label,
        svg('rect', { class: 'withheld', x: 1, y: y + 21, width: chartWidth - 2, height: 26 }),
        svg('text', { class: 'withheld-text', x: 8, y: y + 39 }, shorten(row.withheld, characters)));
    }
    let x = 0;
    const parts = row.shares.map((share, c) => {
      const width = Math.max(0, share ?? 0) * chartWidth;
      const part = svg('g', {},
        svg('rect', { class: fillClass(c, categories[c].dontKnow), x, y: y + 21, width, height: 26 }),
        width >= ROOM_FOR_FIGURE
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
