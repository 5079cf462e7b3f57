// Loads the snapshot the address names, shows it, and redraws the figures when another segment is chosen: the
// address follows the choice (a reload or a shared link shows the same segment), the choice stays where it is for
// the arrow keys, and the live region says what is shown.

import { loadSnapshot } from './api.js';
import { formatInstant } from './format.js';
import { chosenSegment, snapshotAddress, withSegment } from './navigation.js';
import { segmentLabel } from './snapshot.js';
import { connectionView, noSnapshotView, resultsView, SEGMENT_RESULTS_ID, segmentResults, unreadableView } from './views/results.js';

/**
 * `fetch`, `screen` (../../js/screen.js), `document`, `location` ({ search }), `replaceSearch(search)` (the address
 * without a new history entry), `defaultSurvey`, and `chartWidth()`, the width the charts have now.
 */
export function createController({ fetch, screen, document, location, replaceSearch, defaultSurvey, chartWidth }) {
  let snapshot = null;

  function choose(segment) {
    const results = document.getElementById(SEGMENT_RESULTS_ID);
    // The comparisons are of every segment, so those the reader opened stay open.
    const open = new Set(Array.from(results.querySelectorAll('details[open]'), (details) => details.dataset.key));
    results.replaceChildren(...segmentResults(snapshot, segment, chartWidth()).flat());
    for (const details of results.querySelectorAll('details')) details.toggleAttribute('open', open.has(details.dataset.key));
    replaceSearch(withSegment(location.search, segment));
    screen.announce(`Viser tall for ${segmentLabel(snapshot, segment)}.`);
  }

  return {
    async start() {
      const outcome = await loadSnapshot(fetch, snapshotAddress(location.search, defaultSurvey));
      if (outcome.kind === 'missing') return screen.show(noSnapshotView());
      if (outcome.kind === 'unreadable') return screen.show(unreadableView());
      if (outcome.kind === 'offline') return screen.show(connectionView());
      snapshot = outcome.snapshot;
      screen.header(snapshot.questionnaire.id, `Beregnet ${formatInstant(snapshot.computedAt)}`);
      return screen.show(resultsView(snapshot, chosenSegment(location.search, snapshot), { onChoose: choose, chartWidth: chartWidth() }));
    },
  };
}
