import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, test } from 'node:test';
import { document, text } from './dom.mjs';
import { createScreen } from '../../js/screen.js';
import { createController } from '../../results/js/controller.js';
import { chosenSegment, snapshotAddress, withSegment } from '../../results/js/navigation.js';

const fixture = readFileSync(new URL('../fixtures/snapshot.json', import.meta.url), 'utf8');
const snapshot = JSON.parse(fixture);

let announced;
let screen;

beforeEach(() => {
  document.getElementById('main').replaceChildren();
  announced = [];
  screen = createScreen({
    document,
    main: document.getElementById('main'),
    live: document.getElementById('live-status'),
    siteTitle: document.getElementById('site-title'),
    organisation: document.getElementById('organisation'),
    delay: (callback) => { callback(); announced.push(document.getElementById('live-status').textContent); },
  });
});

function controller({ reply, search = '' }) {
  const fetched = [];
  const addresses = [];
  const location = { search };
  const made = createController({
    fetch: async (address) => { fetched.push(address); return reply(); },
    screen,
    document,
    location,
    replaceSearch: (next) => { addresses.push(next); location.search = next; },
    defaultSurvey: 'innovasjonsbarometer-2024',
    chartWidth: () => 300,
  });
  return { controller: made, fetched, addresses };
}

const ok = () => new Response(fixture, { status: 200, headers: { 'Content-Type': 'application/json' } });
const h1 = () => text(document.querySelector('main h1'));
const segmentTitle = () => text(document.getElementById('segment-title'));

test('the page reads the published snapshot beside it by default, or the one the address names', () => {
  assert.equal(snapshotAddress('', 'innovasjonsbarometer-2024'), 'data/innovasjonsbarometer-2024/latest.json');
  assert.equal(snapshotAddress('?survey=annen', 'innovasjonsbarometer-2024'), 'data/annen/latest.json');
  assert.equal(snapshotAddress('?snapshot=/results/data/x/2024-09-02.json', 'innovasjonsbarometer-2024'), '/results/data/x/2024-09-02.json');
});

test('the segment comes from the address when it is one of the snapshot\'s, else all', () => {
  assert.equal(chosenSegment('?utvalg=landsdel-trondelag', snapshot), 'landsdel-trondelag');
  assert.equal(chosenSegment('?utvalg=ukjent', snapshot), 'alle');
  assert.equal(withSegment('?snapshot=a.json&utvalg=alle', 'kommune'), '?snapshot=a.json&utvalg=kommune');
});

test('a loaded snapshot shows the segment the address names with its radio button chosen', async () => {
  const { controller: c, fetched } = controller({ reply: ok, search: '?utvalg=kommune' });
  await c.start();
  assert.deepEqual(fetched, ['data/innovasjonsbarometer-2024/latest.json']);
  assert.equal(h1(), 'Resultater');
  assert.equal(document.title, 'Resultater – innovasjonsbarometer-2024');
  assert.equal(segmentTitle(), 'Tall for Kommuner');
  assert.ok(document.getElementById('utvalg-kommune').checked);
  assert.equal(document.querySelectorAll('input[name="utvalg"]').length, snapshot.segments.length);
});

test('choosing another segment redraws its figures, keeps the address and the open comparisons, and says what is shown', async () => {
  const { controller: c, addresses } = controller({ reply: ok });
  await c.start();
  document.querySelector('details[data-key="Q4"]').setAttribute('open', '');
  const picker = document.querySelector('.segment-picker');
  const radio = document.getElementById('utvalg-fylkeskommune');
  radio.checked = true;
  radio.dispatchEvent(new (document.defaultView.Event)('change', { bubbles: true }));
  assert.equal(segmentTitle(), 'Tall for Fylkeskommuner');
  assert.equal(document.querySelector('.segment-picker'), picker, 'the radio buttons stay, so focus stays on them');
  assert.deepEqual(addresses, ['?utvalg=fylkeskommune']);
  assert.deepEqual(Array.from(document.querySelectorAll('details[open]'), (d) => d.dataset.key), ['Q4'],
    'the comparison the reader opened stays open');
  assert.deepEqual(announced, ['Viser tall for Fylkeskommuner.']);
  const q2 = document.querySelector('#segment-results [data-question="Q2"]');
  assert.match(text(q2.querySelector('.disclosure')), /Skjult\. Færre enn 5 svar i grunnlaget\./);
  assert.match(text(q2.querySelector('svg')), /^Skjult\. Færre enn 5 svar/);
  assert.equal(q2.querySelector('svg').getAttribute('viewBox'), '0 0 300 48', 'charts are drawn for the width they have');
});

test('no published snapshot, an unreadable one and no connection each get a page that says so', async () => {
  await controller({ reply: () => new Response('', { status: 404 }) }).controller.start();
  assert.equal(h1(), 'Ingen resultater ennå');
  await controller({ reply: () => new Response('{"formatVersion":2}', { status: 200 }) }).controller.start();
  assert.equal(h1(), 'Resultatene kan ikke vises');
  await controller({ reply: () => { throw new TypeError('Failed to fetch'); } }).controller.start();
  assert.equal(h1(), 'Ingen kontakt med tjenesten');
});
