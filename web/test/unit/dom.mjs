// A DOM for the unit tests of the views, the screen and the controller: linkedom's document stands in for the
// browser's as the global `document` that render.js creates elements with. Linkedom has no checkedness and does
// not track focus: here `checked` follows the attribute, and the element last focused is kept.
import { parseHTML } from 'linkedom';

const { document, window } = parseHTML(`<!doctype html><html lang="nb"><head><title>Spørreundersøkelse</title></head><body>
  <p id="site-title"></p><p id="organisation"></p>
  <main id="main"><h1 tabindex="-1">Laster undersøkelsen …</h1></main>
  <div id="live-status" role="status"></div>
</body></html>`);

globalThis.document = document;

Object.defineProperty(window.HTMLInputElement.prototype, 'checked', {
  get() { return this.hasAttribute('checked'); },
  set(value) { this.toggleAttribute('checked', Boolean(value)); },
});

let focused = null;
window.HTMLElement.prototype.focus = function focus() {
  focused = this;
};
window.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};

export { document, window };

export function focusedElement() {
  return focused;
}

export function forgetFocus() {
  focused = null;
}

/** What a form would submit, as [name, value] pairs: checked radios and checkboxes, text fields, textareas. */
export function formEntries(form) {
  return Array.from(form.querySelectorAll('input, textarea'))
    .filter((field) => field.name && !field.disabled
      && (field.tagName === 'TEXTAREA' || !['radio', 'checkbox'].includes(field.type) || field.checked))
    .map((field) => [field.name, field.value]);
}

/** Checks the option `code` of `questionId` on a rendered page, as a click would. */
export function choose(root, questionId, code) {
  const input = root.querySelector(`#q-${questionId}-o${code}`);
  input.checked = true;
  input.dispatchEvent(new window.Event('change', { bubbles: true }));
}

export function submit(form) {
  form.dispatchEvent(new window.Event('submit', { cancelable: true }));
}

export function text(node) {
  return node.textContent.replace(/\s+/g, ' ').trim();
}
