// How figures read in Norwegian (Bokmål): shares as whole percentages («42 %»), counts with thin grouping
// («12 345»), times in Norwegian time, and why a figure is withheld. A withheld figure reads «skjult», never 0.

const percent = new Intl.NumberFormat('nb-NO', { style: 'percent', maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('nb-NO');
const dateTime = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Oslo' });

/** What a suppressed figure reads as, wherever it would have stood. */
export const SUPPRESSED = 'skjult';

export function formatShare(share) {
  return share === null || share === undefined ? SUPPRESSED : percent.format(share);
}

export function formatCount(count) {
  return count === null || count === undefined ? SUPPRESSED : number.format(count);
}

export function formatInstant(iso) {
  return dateTime.format(new Date(iso));
}

/** Why figures are not published fresh, with the k in force (docs/aggregation.md, «Disclosure control»). */
export function reasonText(reason, k) {
  switch (reason) {
    case 'base-below-k': return `Færre enn ${k} svar i grunnlaget.`;
    case 'small-increment': return `Færre enn ${k} nye svar siden tallene sist ble publisert.`;
    case 'complement': return 'Holdt tilbake fordi et skjult tall ellers kunne regnes ut av de publiserte tallene.';
    default: return 'Holdt tilbake av personvernhensyn.';
  }
}

/**
 * What a segment's figures of a table are, in one sentence: nothing for fresh figures; for carried-forward ones,
 * where they come from and why; for suppressed ones, that they are hidden and why.
 */
export function disclosureNote(entry, k) {
  if (entry.disclosure === 'published') return null;
  if (entry.disclosure === 'carried-forward') {
    return `Tall fra ${formatInstant(entry.from.computedAt)} vises igjen. ${reasonText(entry.reason, k)}`;
  }
  return `Skjult. ${reasonText(entry.reason, k)}`;
}
