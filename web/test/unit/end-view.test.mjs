import assert from 'node:assert/strict';
import { test } from 'node:test';
import { text } from './dom.mjs';
import { endView } from '../../js/views/end.js';
import { connectionProblemView, invalidLinkView, surveyClosedView, unexpectedView } from '../../js/views/status.js';
import { smallDefinition as definition } from './small-definition.mjs';

const contentText = (screen) => screen.content.filter(Boolean).map(text).join(' ');

test('a completed response thanks with the closing text and links on instead of moving on by itself', () => {
  const screen = endView({ definition, status: 'COMPLETED', organisationName: 'Halden kommune' });
  assert.equal(screen.title, 'Svarene er sendt inn');
  assert.match(contentText(screen), /Takk\./);
  assert.equal(screen.content[1].querySelector('a').getAttribute('href'), 'https://www.ks.no/');
  assert.equal(screen.announcement, 'Svarene er sendt inn.');
});

test('a declined response and a wrong recipient get the questionnaire\'s own ending', () => {
  const declined = endView({ definition, status: 'DECLINED', organisationName: 'Halden kommune' });
  assert.equal(declined.title, 'Du deltar ikke i undersøkelsen');
  assert.match(contentText(declined), /Du deltar ikke\./);
  const wrong = endView({ definition, status: 'WRONG_RECIPIENT', organisationName: 'Halden kommune' });
  assert.equal(wrong.title, 'Takk for beskjeden');
  assert.match(contentText(wrong), /Feil mottaker\./);
});

test('pages that say why nothing can be shown', () => {
  assert.equal(invalidLinkView().title, 'Lenken er ugyldig eller utløpt');
  assert.match(contentText(surveyClosedView({ detail: 'Undersøkelsen stengte 1. mars.' })), /stengte 1\. mars/);
  let retried = 0;
  const connection = connectionProblemView(() => { retried += 1; });
  connection.content[2].querySelector('button').click();
  assert.equal(retried, 1);
  assert.match(contentText(unexpectedView({ title: 'Uventet svar' }, () => {})), /Uventet svar/);
  assert.match(contentText(unexpectedView(null, () => {})), /Tjenesten svarte ikke som ventet\./);
});
