// The browser's history as the app uses it (state, pushState, replaceState), kept in memory for the tests.
export function fakeBrowserHistory() {
  const entries = [null];
  return {
    entries,
    get state() { return entries.at(-1); },
    pushState(value) { entries.push(value); },
    replaceState(value) { entries[entries.length - 1] = value; },
  };
}
