// The session cookie is HttpOnly, so the page cannot see it. This flag remembers that this browser
// logged in, so a visitor who never did is not sent to GET /me just to be told 401.
const KEY = 'cliptide:has-session';

export function hasSessionHint(): boolean {
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return true;
  }
}

export function setSessionHint(loggedIn: boolean) {
  try {
    if (loggedIn) window.localStorage.setItem(KEY, '1');
    else window.localStorage.removeItem(KEY);
  } catch {
    // storage unavailable: we simply ask the server every time
  }
}
