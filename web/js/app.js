// Wires the respondent app to the page: the token from the link, the API, the screen, the browser history, and
// the controller that does the rest (controller.js).

import { createApi } from './api.js';
import { createController } from './controller.js';
import { createHistory, recordedView } from './navigation.js';
import { createScreen } from './screen.js';
import { establishToken } from './token.js';

const screen = createScreen({
  document,
  main: document.getElementById('main'),
  live: document.getElementById('live-status'),
  siteTitle: document.getElementById('site-title'),
  organisation: document.getElementById('organisation'),
  delay: (callback, ms) => window.setTimeout(callback, ms),
});

const token = establishToken(window.location, window.history, window.sessionStorage);
const controller = createController({
  api: createApi({ base: document.querySelector('meta[name="barometer-api-base"]')?.content ?? '', token }),
  screen,
  history: createHistory(window.history),
  formEntries: (form) => new FormData(form),
});

window.addEventListener('popstate', (event) => controller.returnTo(recordedView(event.state)));

if (token) controller.start();
else controller.refuseLink();
