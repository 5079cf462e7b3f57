// The invitation link carries the respondent's token in the URL fragment (`#t=…`), which browsers never send
// to a server or put in a Referer. The app takes it from there once, keeps it for the tab, and removes it from
// the address bar so it is not left on screen, in bookmarks or in screenshots.

const STORAGE_KEY = 'barometer.token';

/** The token in a fragment such as `#t=abc`, or null. */
export function tokenFromFragment(hash) {
  const params = new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
  const token = params.get('t');
  return token && token.trim() !== '' ? token.trim() : null;
}

/**
 * The token for this tab: a token in the fragment wins (a newer link) and is stored in `storage`
 * (sessionStorage, so a reload of the same tab still works) and cleared from the address bar; otherwise the
 * stored one. Null when there is neither.
 */
export function establishToken(location, history, storage) {
  const fromLink = tokenFromFragment(location.hash);
  if (fromLink) {
    try {
      storage.setItem(STORAGE_KEY, fromLink);
    } catch {
      // Storage can be disabled (private mode, policies); the token then lives only in memory for this load.
    }
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromLink;
  }
  try {
    return storage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
