// What the page's address says: which snapshot to read and which segment to show. The snapshot is the published
// one of the survey the page names (`data/<survey>/latest.json` beside the page), unless `?snapshot=` names
// another file; `?survey=` picks another survey, `?utvalg=` the segment.

export function snapshotAddress(search, defaultSurvey) {
  const params = new URLSearchParams(search);
  const named = params.get('snapshot');
  if (named) return named;
  return `data/${encodeURIComponent(params.get('survey') || defaultSurvey)}/latest.json`;
}

/** The segment the address asks for, if it is one of the snapshot's; else the first (all). */
export function chosenSegment(search, snapshot) {
  const asked = new URLSearchParams(search).get('utvalg');
  return snapshot.segments.some((segment) => segment.code === asked) ? asked : snapshot.segments[0].code;
}

/** The address's query with `segment` chosen, everything else kept. */
export function withSegment(search, segment) {
  const params = new URLSearchParams(search);
  params.set('utvalg', segment);
  return `?${params}`;
}
