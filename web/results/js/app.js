// Wires the results page to the browser: the screen (shared with the respondent app), the address, the controller.

import { createScreen } from '../../js/screen.js';
import { createController } from './controller.js';

const screen = createScreen({
  document,
  main: document.getElementById('main'),
  live: document.getElementById('live-status'),
  siteTitle: document.getElementById('site-title'),
  organisation: document.getElementById('site-subtitle'),
  delay: (callback, ms) => window.setTimeout(callback, ms),
});

createController({
  fetch: (...args) => window.fetch(...args),
  screen,
  document,
  location: window.location,
  replaceSearch: (search) => window.history.replaceState(window.history.state, '', search),
  defaultSurvey: document.querySelector('meta[name="barometer-survey"]')?.content ?? '',
  // The width of <main>'s content: a chart is never wider, and on a narrow screen it is that wide.
  chartWidth: () => {
    const main = document.getElementById('main');
    const style = window.getComputedStyle(main);
    return main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  },
}).start();
