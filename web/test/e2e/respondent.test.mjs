// End-to-end journeys of a respondent through the real local stack (docs/local-stack.md) in Chromium.
// The test starts `local/target/barometer-local.jar` itself, reads the links file, and stops it at the end.
// Each journey uses its own organisation's link, so journeys do not disturb each other.

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  expectCleanRun, expectNoAxeViolations, expectNoHorizontalScroll, NARROW, openPage as openPageIn, resultsDir,
  startStackAndBrowser, STARTUP_TIMEOUT_MS, stopStackAndBrowser, waitForView, WIDE,
} from './harness.mjs';

const JOURNEY_TIMEOUT_MS = 180_000;

let session;
let links;
let definition;
let browser;
const usedLinks = new Set();

function openPage(url, options) {
  return openPageIn(browser, url, options);
}

/** The link of an organisation of `type` that no other journey has used. */
function linkFor(type) {
  const invitation = links.invitations.find((i) => i.type === type && !usedLinks.has(i.url));
  assert.ok(invitation, `the links file has no unused ${type}`);
  usedLinks.add(invitation.url);
  return invitation;
}

async function questionsShown(page) {
  return page.locator('main [data-question]').evaluateAll((sections) => sections.map((s) => s.dataset.question));
}

async function heading(page) {
  return (await page.locator('main h1').textContent()).trim();
}

/** Clicks Neste and waits until the app has drawn its next view (a page, the same page with errors, an end page). */
async function next(page) {
  const shownHeading = await page.locator('main h1').elementHandle();
  await page.getByRole('button', { name: 'Neste', exact: true }).click();
  await page.waitForFunction((h1) => !h1.isConnected || document.querySelector('#save-problem [role="alert"]'), shownHeading);
  await shownHeading.dispose();
}

/** Steps for `walk` through pages of one choice question each: `[questionId, ...codes]` per page. */
function choices(...pages) {
  return pages.map(([questionId, ...codes]) => [[questionId], (p) => choose(p, questionId, ...codes)]);
}

async function choose(page, questionId, ...codes) {
  for (const code of codes) await page.locator(`#q-${questionId}-o${code}`).check();
}

async function answerGrid(page, questionId, column) {
  const rows = page.locator(`#q-${questionId} [role="radiogroup"]`);
  const count = await rows.count();
  for (let index = 0; index < count; index += 1) {
    await rows.nth(index).locator(`input[value="${column}"]`).check();
  }
  return count;
}

async function offeredCodes(page, questionId) {
  return page.locator(`#q-${questionId} input[name="${questionId}"]`).evaluateAll((inputs) => inputs.map((i) => Number(i.value)));
}

/**
 * Walks through pages: each step names the questions the page must show and answers them. Fails if the
 * app shows any other page, so the steps are also the expected routing.
 */
async function walk(page, steps, { onPage } = {}) {
  for (const [expected, answer] of steps) {
    assert.deepEqual(await questionsShown(page), expected, `expected the page with ${expected.join(', ')}`);
    await answer(page);
    if (onPage) await onPage(page, expected);
    await next(page);
    assert.equal(await page.locator('.error-summary').count(), 0, `no errors after answering ${expected.join(', ')}`);
  }
}

async function expectSummaryAndSubmit(page, { expectTexts = [], scan = false } = {}) {
  assert.equal(await heading(page), 'Se over og send inn');
  const summary = await page.locator('.summary').textContent();
  for (const text of expectTexts) assert.ok(summary.includes(text), `the summary shows «${text}»`);
  if (scan) await expectNoAxeViolations(page, 'the submit page');
  await page.getByRole('button', { name: 'Send inn', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Svarene er sendt inn');
}

before(async () => {
  session = await startStackAndBrowser();
  ({ browser, stack: { links } } = session);
  const answer = await fetch(`${links.baseUrl}/v1/questionnaires/innovasjonsbarometer-2024`);
  assert.equal(answer.status, 200, 'the questionnaire definition is served');
  definition = await answer.json();
}, { timeout: STARTUP_TIMEOUT_MS + 30_000 });

after(() => stopStackAndBrowser(session));

describe('respondent journeys', { timeout: JOURNEY_TIMEOUT_MS }, () => {
  test('a kommune answers the long branch, every page, and submits', async () => {
    const organisation = linkFor('kommune');
    const page = await openPage(organisation.url, { axe: true });
    assert.ok(!page.url().includes('#t='), 'the token is cleared from the address bar');
    assert.ok((await page.locator('.introduction').textContent()).includes(organisation.name), 'the introduction names the organisation');
    assert.ok(await page.locator('.page-note').isVisible(), 'the every-page note is shown');
    await expectNoAxeViolations(page, 'the introduction with a single-choice question');

    await walk(page, [
      ...choices(['Q0', 1], ['Q1', 1], ['Q2', 1], ['Q3', 2]),
      [['Q4'], async (p) => {
        await expectNoAxeViolations(p, 'a multiple-choice page');
        const other = p.locator('#q-Q4-o10-other');
        assert.equal(await other.isVisible(), false, 'the other-text field is hidden until its option is chosen');
        await choose(p, 'Q4', 1, 10);
        assert.equal(await other.isVisible(), true, 'the other-text field appears with its option');
        await p.getByLabel('Beskriv «Annet»').fill('Eget innovasjonsfond');
        await expectNoAxeViolations(p, 'a page with an other-text field');
      }],
      ...choices(['Q5', 1], ['Q10', 1], ['Q11', 1]),
      [['Q12'], async (p) => {
        const rows = await p.locator('#q-Q12 [role="radiogroup"]').evaluateAll((groups) => groups.map((g) => g.textContent));
        assert.equal(rows.length, 2, 'a kommune sees the kommune row and the shared row of Q12');
        assert.ok(!rows.some((text) => text.includes('fylkeskommuneadministrasjonen')), 'no fylkeskommune row for a kommune');
        await answerGrid(p, 'Q12', 'a');
        await expectNoAxeViolations(p, 'a grid page');
      }],
      ...choices(['Q13', 1], ['Q14', 1, 2], ['Q15', 2], ['Q16', 1, 8]),
      [['Q17'], async (p) => {
        assert.ok(await p.getByText('Velg inntil 3').isVisible(), 'the hint tells the most choices');
        await choose(p, 'Q17', 1, 3, 5);
      }],
      ...choices(['Q17a', 1], ['Q18', 1, 4], ['Q19a', 1, 7, 8]),
      [['Q19'], async (p) => {
        assert.deepEqual(await offeredCodes(p, 'Q19'), [1, 7, 8, 18], 'Q19 offers the areas chosen in Q19a and Vet ikke');
        await choose(p, 'Q19', 7);
      }],
      [['Q20'], async (p) => {
        const offered = await offeredCodes(p, 'Q20');
        assert.ok(offered.includes(1) && offered.includes(2), 'kommune options are offered');
        assert.ok(!offered.includes(3) && !offered.includes(4), 'fylkeskommune options are not');
        await choose(p, 'Q20', 1, 7);
      }],
      [['Q21'], async (p) => {
        assert.ok(await p.locator('.page-info').isVisible(), 'the page info is shown');
        assert.equal(await answerGrid(p, 'Q21', 'b'), 14);
        await p.locator('#q-Q21 [role="radiogroup"]').last().scrollIntoViewIfNeeded();
        const headerTop = await p.locator('#q-Q21 .grid-header').evaluate((header) => header.getBoundingClientRect().top);
        assert.equal(headerTop, 0, 'the column headings stay in view when the last row of a long grid is scrolled to');
        await p.screenshot({ path: path.join(resultsDir, 'screenshot-grid.png'), fullPage: true });
      }],
      [['Q22'], async (p) => {
        await expectNoAxeViolations(p, 'an open-text page');
        const box = p.getByLabel(/Er det andre faktorer som fremmer/);
        assert.equal(await box.getAttribute('maxlength'), '4000');
        await box.fill('Tett samarbeid med innbyggerne');
        assert.ok((await p.locator('#q-Q22-count').textContent()).startsWith('30 av 4000'), 'the counter follows the text');
      }],
      [['Q23'], (p) => answerGrid(p, 'Q23', 'c')],
      [['Q24'], async () => {}],
      ...choices(['Q25', 2], ['Q26', 1, 2], ['Q27', 2]),
      [['Q28'], (p) => p.getByLabel(/kommentarer til undersøkelsen/).fill('Fint skjema')],
    ], {
      onPage: async (p) => {
        assert.ok(await p.locator('progress').isVisible(), 'every page shows the progress bar');
        assert.ok(await p.locator('.page-note').isVisible(), 'every page shows the every-page note');
      },
    });
    await expectSummaryAndSubmit(page, { expectTexts: ['Annet: Eget innovasjonsfond', 'Digitalisering', 'Fint skjema'], scan: true });
    assert.ok((await page.locator('main').textContent()).includes(definition.closing), 'the closing text is shown');
    await expectNoAxeViolations(page, 'the completed end page');
    assert.deepEqual(page.pageErrors, []);
  });

  test('a fylkeskommune that does not work with innovation but plans to answers the short branch', async () => {
    const page = await openPage(linkFor('fylkeskommune').url);
    await walk(page, choices(['Q0', 1], ['Q1', 2], ['Q2', 1], ['Q3', 3]));
    // Q4 is chosen but not saved; going back and forth keeps it.
    await choose(page, 'Q4', 2);
    await page.getByRole('button', { name: 'Tilbake', exact: true }).click();
    await page.waitForSelector('#q-Q3');
    await next(page);
    assert.equal(await page.locator('#q-Q4-o2').isChecked(), true, 'an unsaved choice survives going back');
    await page.getByRole('button', { name: 'Tilbake', exact: true }).click();
    await page.waitForSelector('#q-Q3');
    await page.getByRole('button', { name: 'Tilbake', exact: true }).click();
    await page.waitForSelector('#q-Q2');
    await walk(page, [
      [['Q2'], (p) => choose(p, 'Q2', 2)],
    ]);
    assert.match(await page.locator('.notice').textContent(), /fjernet/, 'the respondent is told that answers that no longer apply were removed');
    await walk(page, [
      [['Q6'], async (p) => {
        assert.ok(await p.getByText('Velg inntil 2').isVisible());
        await choose(p, 'Q6', 1, 4);
      }],
      ...choices(['Q7', 1], ['Q8', 2, 5]),
      [['Q9'], (p) => p.getByLabel(/Hva mener du skal til/).fill('Mer tid og kompetanse')],
      [['Q28'], async (p) => {
        assert.equal(await heading(p), 'Grunner til at det ikke arbeides med innovasjon',
          'Q28 is not headed by a section this respondent never entered');
      }],
    ]);
    assert.equal(await heading(page), 'Se over og send inn');
    assert.deepEqual(await page.locator('.summary h2').allTextContents(),
      ['Innledende spørsmål', 'Innovasjonsarbeid', 'Grunner til at det ikke arbeides med innovasjon'],
      'the summary is grouped under the headings the pages showed; Q28 stays under the last section the respondent entered');
    await page.getByRole('button', { name: /Endre svaret på «Hva mener du skal til/ }).click();
    await page.getByLabel(/Hva mener du skal til/).fill('Mer tid, kompetanse og ledelse');
    await next(page);
    assert.equal(await heading(page), 'Se over og send inn', 'a change made from the summary goes back to the summary');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'summary-Q9', 'focus returns to the changed answer');
    await expectSummaryAndSubmit(page, { expectTexts: ['Mer tid, kompetanse og ledelse'] });
    await expectCleanRun(page);
  });

  test('leaving mid-way and opening the link again resumes at the next page with the answers kept', async () => {
    const { url } = linkFor('kommune');
    const first = await openPage(url);
    await walk(first, choices(['Q0', 1], ['Q1', 3], ['Q2', 1], ['Q3', 4]));
    await first.reload();
    await waitForView(first);
    assert.deepEqual(await questionsShown(first), ['Q4'], 'a reload in the same tab keeps the place');
    await first.context().close();

    const again = await openPage(url);
    assert.deepEqual(await questionsShown(again), ['Q4'], 'the new page load lands on the next unanswered page');
    assert.ok(await again.locator('progress').evaluate((bar) => bar.value > 0), 'progress counts the saved pages');
    await again.getByRole('button', { name: 'Tilbake', exact: true }).click();
    await again.waitForSelector('#q-Q3');
    assert.equal(await again.locator('#q-Q3-o4').isChecked(), true, 'the earlier answer is kept');
    await again.getByRole('button', { name: 'Tilbake', exact: true }).click();
    await again.waitForSelector('#q-Q2');
    assert.equal(await again.locator('#q-Q2-o1').isChecked(), true);
    await expectCleanRun(again);
    await again.context().close();
  });

  test('validation errors are shown beside the question, summarised at the top and linked', async () => {
    const page = await openPage(linkFor('kommune').url, { axe: true });
    await walk(page, [[['Q0'], (p) => choose(p, 'Q0', 1)]]);

    await next(page);
    const summary = page.locator('.error-summary');
    assert.equal(await summary.count(), 1, 'an empty required question gives an error summary');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'focus moves to the summary');
    const message = await page.locator('#q-Q1-error').textContent();
    assert.match(message, /Velg/);
    assert.ok((await page.locator('#q-Q1 fieldset').getAttribute('aria-describedby')).includes('q-Q1-error'));
    assert.equal(await page.locator('#q-Q1-o1').getAttribute('aria-invalid'), 'true');
    await expectNoAxeViolations(page, 'a page with errors');
    await summary.getByRole('link').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-Q1-o1', 'the summary link moves focus to the field');

    await choose(page, 'Q1', 1);
    await next(page);
    await walk(page, [[['Q2'], (p) => choose(p, 'Q2', 1)], [['Q3'], (p) => choose(p, 'Q3', 1)]]);

    await choose(page, 'Q4', 1);
    await choose(page, 'Q4', 11);
    assert.equal(await page.locator('#q-Q4-o1').isChecked(), false, 'choosing Vet ikke unchecks the other options');
    await choose(page, 'Q4', 10);
    assert.equal(await page.locator('#q-Q4-o11').isChecked(), false, 'choosing another option unchecks Vet ikke');
    await next(page);
    const otherError = page.locator('#q-Q4-o10-error');
    assert.match(await otherError.textContent(), /Annet/, 'a missing other-text is reported beside the field');
    assert.equal(await page.locator('#q-Q4-o10-other').getAttribute('aria-describedby'), 'q-Q4-o10-error');
    await page.locator('.error-summary a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-Q4-o10-other');

    // The server is the authority: an answer that slips past the browser's checks comes back as a 422 and is shown
    // the same way. The request is altered on its way to lose the other-text.
    await page.locator('#q-Q4-o10-other').fill('Eget fond');
    await page.route('**/v1/response/pages/q4', async (route) => {
      const body = JSON.parse(route.request().postData());
      delete body.answers.Q4.other;
      await route.continue({ postData: JSON.stringify(body) });
    });
    await next(page);
    await page.unroute('**/v1/response/pages/q4');
    assert.ok(await page.locator('#q-Q4 .error-message').first().isVisible(), 'the server error is shown with the question');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
    await next(page);
    assert.deepEqual(await questionsShown(page), ['Q5']);
  });

  test('consent refused at Q0 ends with the decline page', async () => {
    const page = await openPage(linkFor('kommune').url, { axe: true });
    // Keyboard only: Tab to the first option, arrow to «Nei», Tab to Neste, Enter.
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    for (let presses = 0; presses < 30 && (await focusedId()) !== 'q-Q0-o1'; presses += 1) await page.keyboard.press('Tab');
    assert.equal(await focusedId(), 'q-Q0-o1', 'the first option is reached with Tab');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#q-Q0-o2').isChecked(), true, 'arrow keys choose within the group');
    await page.keyboard.press('Tab');
    const button = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement);
      return { text: document.activeElement.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.equal(button.text, 'Neste', 'Tab moves on to Neste');
    assert.equal(button.outline, 'solid', 'the focused button shows a focus outline');
    assert.ok(button.width >= 2, 'the focus outline is at least 2 px wide');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Du deltar ikke i undersøkelsen');
    assert.ok((await page.locator('main').textContent()).includes(definition.endings.DECLINED), 'the decline text is shown');
    await expectNoAxeViolations(page, 'the decline page');
    await page.reload();
    await waitForView(page);
    assert.equal(await heading(page), 'Du deltar ikke i undersøkelsen', 'the response stays closed');
  });

  test('keyboard alone answers a grid: Tab into each row, arrows and Space choose, Enter saves', async () => {
    const page = await openPage(linkFor('kommune').url);
    await walk(page, choices(['Q0', 1], ['Q1', 1], ['Q2', 1], ['Q3', 2], ['Q4', 1], ['Q5', 1], ['Q10', 1], ['Q11', 1]));
    assert.deepEqual(await questionsShown(page), ['Q12']);
    const focused = () => page.evaluate(() => ({
      id: document.activeElement?.id ?? '',
      text: document.activeElement?.textContent ?? '',
      outline: getComputedStyle(document.activeElement).outlineStyle,
    }));
    for (let presses = 0; presses < 30 && !(await focused()).id.startsWith('q-Q12-r'); presses += 1) await page.keyboard.press('Tab');
    const first = await focused();
    assert.match(first.id, /^q-Q12-r\w+-ca$/, 'Tab reaches the first cell of the first row');
    assert.equal(first.outline, 'solid', 'the focused radio shows its focus');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Tab');
    const second = await focused();
    assert.notEqual(second.id.split('-c')[0], first.id.split('-c')[0], 'Tab moves on to the next row');
    await page.keyboard.press('Space');
    for (let presses = 0; presses < 5 && (await focused()).text !== 'Neste'; presses += 1) await page.keyboard.press('Tab');
    assert.equal((await focused()).text, 'Neste');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#q-Q13');
    await page.keyboard.press('Shift+Tab');
    await page.getByRole('button', { name: 'Tilbake', exact: true }).press('Enter');
    await page.waitForSelector('#q-Q12');
    const chosen = await page.locator('#q-Q12 input:checked').evaluateAll((inputs) => inputs.map((i) => i.id));
    assert.deepEqual(chosen, [first.id.replace(/-ca$/, '-cb'), second.id], 'the arrow chose the second column, Space the first');
    await expectCleanRun(page);
  });

  test('a wrong recipient at Q0 ends with the wrong-recipient page', async () => {
    const page = await openPage(linkFor('fylkeskommune').url, { axe: true });
    await choose(page, 'Q0', 3);
    await next(page);
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Takk for beskjeden');
    assert.ok((await page.locator('main').textContent()).includes(definition.endings.WRONG_RECIPIENT), 'the wrong-recipient text is shown');
    await expectNoAxeViolations(page, 'the wrong-recipient page');
    await page.goBack();
    await page.waitForTimeout(200);
    assert.equal(await heading(page), 'Takk for beskjeden', 'the browser\'s Back does not reopen a closed response');
  });

  test('an invalid link says so', async () => {
    const page = await openPage(`${links.baseUrl}/#t=ikke-en-gyldig-lenke`, { axe: true });
    assert.equal(await heading(page), 'Lenken er ugyldig eller utløpt');
    assert.match(await page.locator('main').textContent(), /Lenken er ugyldig eller utløpt/);
    await expectNoAxeViolations(page, 'the invalid-link page');
    const bare = await openPage(`${links.baseUrl}/`);
    assert.equal(await heading(bare), 'Lenken er ugyldig eller utløpt', 'a visit without a link says the same');
  });

  test('a closed survey says so', async () => {
    const context = await browser.newContext({ viewport: WIDE, bypassCSP: true });
    const page = await context.newPage();
    // The local stack's survey is open, so the closed answer of the API contract is played back here.
    await page.route('**/v1/response', (route) => route.fulfill({
      status: 403,
      contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'urn:barometer:problem:survey-closed', title: 'Undersøkelsen er stengt', status: 403 }),
    }));
    await page.goto(linkFor('kommune').url);
    await waitForView(page);
    assert.equal(await heading(page), 'Undersøkelsen er stengt');
    await expectNoAxeViolations(page, 'the survey-closed page');
    await context.close();
  });

  test('a lost connection while saving loses nothing and can be retried', async () => {
    const page = await openPage(linkFor('kommune').url);
    await choose(page, 'Q0', 1);
    await page.route('**/v1/response/pages/**', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Neste', exact: true }).click();
    const alert = page.locator('#save-problem [role="alert"]');
    await alert.waitFor();
    assert.match(await alert.textContent(), /Ingenting er tapt/);
    assert.equal(await page.locator('#q-Q0-o1').isChecked(), true, 'the answer stays on the page');
    await page.unroute('**/v1/response/pages/**');
    await page.getByRole('button', { name: 'Prøv igjen' }).click();
    await page.waitForSelector('#q-Q1');
    await expectCleanRun(page);
  });

  test('a double-click on Neste saves once and moves one page on', async () => {
    const page = await openPage(linkFor('kommune').url);
    const saves = [];
    page.on('request', (request) => { if (request.method() === 'PUT') saves.push(request.postData()); });
    await choose(page, 'Q0', 1);
    await page.getByRole('button', { name: 'Neste', exact: true }).dblclick();
    await page.waitForSelector('#q-Q1');
    await page.waitForTimeout(300);
    assert.deepEqual(await questionsShown(page), ['Q1'], 'one page on, not two');
    assert.equal(await page.locator('.error-summary').count(), 0, 'the second click did not submit the next page');
    assert.equal(saves.length, 1, `one save: ${saves.join(' | ')}`);

    // The second click of a double-click may land on the next page's Neste, drawn where the first one was.
    const box = await page.getByRole('button', { name: 'Neste', exact: true }).boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down({ clickCount: 2 });
    await page.mouse.up({ clickCount: 2 });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('.error-summary').count(), 0, 'a lone second click is not taken as Neste');
    await page.getByRole('button', { name: 'Neste', exact: true }).click();
    await page.locator('.error-summary').waitFor();
    await expectCleanRun(page);
  });

  test('a slow save shows that it is saving and holds the form until it is done', async () => {
    const page = await openPage(linkFor('kommune').url);
    await walk(page, [[['Q0'], (p) => choose(p, 'Q0', 1)]]);
    await choose(page, 'Q1', 2);
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/v1/response/pages/**', async (route) => { await held; await route.continue(); });
    await page.getByRole('button', { name: 'Neste', exact: true }).click();
    const status = page.locator('.busy-status');
    await status.waitFor({ state: 'visible' });
    assert.match(await status.textContent(), /Lagrer/);
    assert.equal(await page.locator('form').getAttribute('aria-busy'), 'true');
    assert.equal(await page.getByRole('button', { name: 'Neste', exact: true }).isDisabled(), true, 'Neste is disabled');
    assert.equal(await page.getByRole('button', { name: 'Tilbake', exact: true }).isDisabled(), true, 'Tilbake is disabled');
    assert.equal(await page.locator('#q-Q1-o3').isDisabled(), true, 'the answers cannot change under the save');
    await page.goBack();
    assert.deepEqual(await questionsShown(page), ['Q1'], 'the browser\'s Back waits for the save');
    release();
    await page.waitForSelector('#q-Q2');
    await page.unroute('**/v1/response/pages/**');
    await expectCleanRun(page);
  });

  test('the browser\'s Back and Forward move between pages and keep what was typed', async () => {
    const page = await openPage(linkFor('kommune').url);
    await walk(page, choices(['Q0', 1], ['Q1', 3], ['Q2', 1]));
    await choose(page, 'Q3', 2);
    await page.goBack();
    await page.waitForSelector('#q-Q2');
    assert.equal(await page.locator('#q-Q2-o1').isChecked(), true, 'Back shows the previous page with its answer');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new heading');
    await page.goForward();
    await page.waitForSelector('#q-Q3');
    assert.equal(await page.locator('#q-Q3-o2').isChecked(), true, 'an unsaved choice survives Back and Forward');
    await page.goBack();
    await page.waitForSelector('#q-Q2');
    await page.goBack();
    await page.waitForSelector('#q-Q1');
    assert.equal(await page.locator('#q-Q1-o3').isChecked(), true);
    await page.reload();
    await waitForView(page);
    assert.deepEqual(await questionsShown(page), ['Q1'], 'a reload keeps the page on screen');
    await page.getByRole('button', { name: 'Tilbake', exact: true }).click();
    await page.waitForSelector('#q-Q0');
    await page.goBack();
    await page.waitForSelector('#q-Q1');
    assert.equal(new URL(page.url()).hash, '', 'the token never returns to the address bar');
    await expectCleanRun(page);
  });

  test('answers changed in another tab are reloaded and the respondent is told', async () => {
    const { url } = linkFor('kommune');
    const first = await openPage(url);
    const second = await openPage(url);
    // Two saves in the first tab: a save identical to the last one that succeeded would be taken as its retry.
    await walk(first, [[['Q0'], (p) => choose(p, 'Q0', 1)], [['Q1'], (p) => choose(p, 'Q1', 2)]]);
    await choose(second, 'Q0', 1);
    await second.getByRole('button', { name: 'Neste', exact: true }).click();
    const warning = second.locator('.notice-warning');
    await warning.waitFor();
    assert.match(await warning.textContent(), /endret et annet sted/);
    assert.deepEqual(await questionsShown(second), ['Q0'], 'the page is shown again');
    await next(second);
    assert.deepEqual(await questionsShown(second), ['Q1'], 'saving again works with the current version');
    await expectCleanRun(first);
    await expectCleanRun(second);
  });

  test('every page type works at 320 px without horizontal scrolling', async () => {
    const page = await openPage(linkFor('kommune').url, { viewport: NARROW });
    const check = (p, ids) => expectNoHorizontalScroll(p, `the page with ${ids.join(', ')}`);
    await check(page, ['Q0']);
    await walk(page, [
      ...choices(['Q0', 1], ['Q1', 1], ['Q2', 1], ['Q3', 1]),
      [['Q4'], (p) => choose(p, 'Q4', 10).then(() => p.locator('#q-Q4-o10-other').fill('Noe annet'))],
      ...choices(['Q5', 1], ['Q10', 5]),
      [['Q12'], async (p) => {
        assert.ok(await p.locator('#q-Q12 .grid-column-label').first().isVisible(), 'narrow grids show the column text by each radio');
        await answerGrid(p, 'Q12', 'd');
      }],
    ], { onPage: check });
    await next(page);
    assert.ok((await page.locator('.error-summary').count()) === 1, 'an error state at 320 px');
    await check(page, ['Q13', 'errors']);
    await expectCleanRun(page);
  });

  test('the Content-Security-Policy is enforced, so a clean run means the app needs no exception', async () => {
    const page = await openPage(`${links.baseUrl}/`);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'globalThis.inlineScriptRan = true;';
      document.head.append(script);
      return globalThis.inlineScriptRan === true;
    });
    assert.equal(ran, false, 'an inline script is blocked');
    for (let waited = 0; waited < 2_000 && page.cspViolations.length === 0; waited += 50) await page.waitForTimeout(50);
    assert.ok(page.cspViolations.some((v) => v.includes('script-src')), `the violation is reported: ${page.cspViolations}`);
    await page.context().close();
  });
});
