// Puts a view's screen on the page: the content in <main>, the document title, focus, and what the live region
// says. The one place that knows the page's fixed elements (index.html).

/**
 * `document`, and the page's elements: `main`, `live` (the polite live region), `siteTitle` and `organisation`
 * (the header lines). `delay(callback, ms)` schedules the live region's text.
 */
export function createScreen({ document, main, live, siteTitle, organisation, delay }) {
  let questionnaireTitle = null;
  let firstView = true;

  function announce(text) {
    live.textContent = '';
    // A changed text node is what screen readers announce; clearing first makes a repeated message heard again.
    delay(() => { live.textContent = text; }, 50);
  }

  // A link in an error summary moves focus to its field, not just scrolls there.
  main.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[data-focus-target]');
    if (!link) return;
    const target = document.getElementById(link.dataset.focusTarget);
    if (!target) return;
    event.preventDefault();
    target.focus();
    target.scrollIntoView({ block: 'center' });
  });

  return {
    /** The questionnaire and the organisation answering it, in the header and the document title. */
    header(title, organisationName) {
      questionnaireTitle = title;
      siteTitle.textContent = title;
      organisation.textContent = organisationName;
    },

    /**
     * Shows a view's screen. Focus moves to its `focusId`, else to its heading, except on the first view of a
     * page load, which leaves focus where the browser put it.
     */
    show({ title, content, focusId, announcement }) {
      main.replaceChildren(...content.flat().filter(Boolean));
      document.title = questionnaireTitle ? `${title} – ${questionnaireTitle}` : title;
      const first = firstView;
      firstView = false;
      if (announcement) announce(announcement);
      if (first && !focusId) return;
      const target = (focusId && document.getElementById(focusId)) || main.querySelector('h1');
      target?.focus();
    },

    announce,
  };
}
