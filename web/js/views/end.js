// The end of a response: sent in, declined, or the invitation reached the wrong person. Nothing moves the
// respondent on by itself (a timed redirect is hard to follow).

import { h, prose } from '../render.js';
import { heading } from './parts.js';

/** The end page of a response with `status` COMPLETED, DECLINED or WRONG_RECIPIENT. */
export function endView({ definition, status, organisationName }) {
  if (status === 'COMPLETED') {
    return {
      title: 'Svarene er sendt inn',
      content: [
        h('div', { class: 'end-panel end-panel-done' },
          heading('Svarene er sendt inn'),
          h('p', {}, prose(definition.closing ?? 'Takk for ditt bidrag.', organisationName))),
        h('p', {}, 'Svarene er lagret, og du kan lukke denne siden. ',
          h('a', { href: 'https://www.ks.no/' }, 'Gå til KS\' hjemmeside')),
      ],
      focusId: null,
      announcement: 'Svarene er sendt inn.',
    };
  }
  const title = status === 'DECLINED' ? 'Du deltar ikke i undersøkelsen' : 'Takk for beskjeden';
  return {
    title,
    content: [
      h('div', { class: 'end-panel' },
        heading(title),
        h('p', {}, prose(definition.endings?.[status] ?? '', organisationName))),
    ],
    focusId: null,
    announcement: title,
  };
}
