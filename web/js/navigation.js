// Where the respondent can go, from what the server says the saved state shows (the response's `visible` pages and
// `nextPage`), and the browser history that records each view.

const ENDED = new Set(['COMPLETED', 'DECLINED', 'WRONG_RECIPIENT']);

export function hasEnded(response) {
  return ENDED.has(response.status);
}

function pageIds(response) {
  return response.visible.pages.map((page) => page.id);
}

/** Visible, and not after the next page to answer: the pages the server lets the respondent save. */
export function isReachable(response, pageId) {
  const pages = pageIds(response);
  const index = pages.indexOf(pageId);
  if (index < 0) return false;
  return response.nextPage == null || index <= pages.indexOf(response.nextPage);
}

/** The previous and following visible pages around `pageId`, for the Tilbake and Neste buttons. */
export function neighbours(response, pageId) {
  const pages = pageIds(response);
  const index = pages.indexOf(pageId);
  return {
    previous: index > 0 ? pages[index - 1] : null,
    following: index >= 0 && index < pages.length - 1 ? pages[index + 1] : null,
  };
}

/** "Side n av m": the page's place among the visible pages. */
export function position(response, pageId) {
  const pages = pageIds(response);
  return { number: pages.indexOf(pageId) + 1, total: pages.length };
}

/**
 * The view the response calls for: its end, the preferred page if it can be reached, else the next page to answer,
 * else the summary. A view is { kind: 'end' | 'page' | 'summary', pageId? }.
 */
export function viewFor(response, preferredPage = null) {
  if (hasEnded(response)) return { kind: 'end' };
  if (preferredPage && isReachable(response, preferredPage)) return { kind: 'page', pageId: preferredPage };
  if (response.nextPage) return { kind: 'page', pageId: response.nextPage };
  return { kind: 'summary' };
}

/**
 * Each view is a history entry whose state names it; the address itself never changes. `push` when the respondent
 * moves to another view (so the browser's Back returns to the one left), `replace` when the same view is drawn again
 * or the app chose it by itself.
 */
export function createHistory(history) {
  return {
    remember(view, mode) {
      const current = history.state?.barometerView;
      const same = current && current.kind === view.kind && current.pageId === view.pageId;
      const entry = { barometerView: { kind: view.kind, pageId: view.pageId ?? null } };
      if (mode === 'push' && !same) history.pushState(entry, '');
      else history.replaceState(entry, '');
    },
    /** The view of the current entry (a reload keeps it), or null. */
    current() {
      return recordedView(history.state);
    },
  };
}

/** The view a history entry's state records, or null. */
export function recordedView(state) {
  return state?.barometerView ?? null;
}
