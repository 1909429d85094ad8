// Every page of the app as a typed route, parsed from the URL and built back into one.

export type Route =
  | { name: 'foryou' }
  | { name: 'following' }
  /** `from`: the grid it was opened from (`profile:ana`, `tag:cats`, `search:dogs`): a feed of that list. */
  | { name: 'video'; id: string; from: string | null }
  /** The embeddable player other sites frame. */
  | { name: 'embed'; id: string }
  | { name: 'profile'; username: string }
  | { name: 'people'; username: string; direction: 'followers' | 'following' }
  | { name: 'hashtag'; tag: string }
  | { name: 'search'; q: string }
  | { name: 'login'; next: string }
  | { name: 'signup'; next: string }
  | { name: 'upload' }
  | { name: 'editProfile' }
  | { name: 'feedSettings' }
  | { name: 'privacySettings' }
  | { name: 'wellbeingSettings' }
  | { name: 'blockedSettings' }
  | { name: 'commentSettings' }
  | { name: 'followRequests' }
  | { name: 'inbox' }
  | { name: 'transparency'; region: string | null }
  | { name: 'operatorAccounts' }
  | { name: 'securitySettings' }
  | { name: 'verifyEmail'; token: string }
  | { name: 'forgotPassword' }
  | { name: 'resetPassword'; token: string }
  | { name: 'outbox' }
  | { name: 'moderation' }
  | { name: 'myReports' }
  | { name: 'myDecisions' }
  | { name: 'enforcement' }
  | { name: 'notFound' };

export const paths = {
  foryou: () => '/',
  following: () => '/following',
  video: (id: string, from?: string) => `/v/${encodeURIComponent(id)}${from ? `?from=${encodeURIComponent(from)}` : ''}`,
  embed: (id: string) => `/embed/${encodeURIComponent(id)}`,
  profile: (username: string) => `/@${encodeURIComponent(username)}`,
  people: (username: string, direction: 'followers' | 'following') => `/@${encodeURIComponent(username)}/${direction}`,
  hashtag: (tag: string) => `/tag/${encodeURIComponent(tag)}`,
  search: (q = '') => (q ? `/search?q=${encodeURIComponent(q)}` : '/search'),
  login: (next?: string) => (next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  signup: (next?: string) => (next && next !== '/' ? `/signup?next=${encodeURIComponent(next)}` : '/signup'),
  upload: () => '/upload',
  editProfile: () => '/settings/profile',
  feedSettings: () => '/settings/feed',
  privacySettings: () => '/settings/privacy',
  wellbeingSettings: () => '/settings/wellbeing',
  blockedSettings: () => '/settings/blocked',
  commentSettings: () => '/settings/comments',
  followRequests: () => '/follow-requests',
  inbox: () => '/inbox',
  transparency: (region?: string) => (region ? `/transparency?region=${encodeURIComponent(region)}` : '/transparency'),
  operatorAccounts: () => '/operator/accounts',
  securitySettings: () => '/settings/security',
  verifyEmail: (token: string) => `/verify-email?token=${encodeURIComponent(token)}`,
  forgotPassword: () => '/forgot-password',
  resetPassword: (token: string) => `/reset-password?token=${encodeURIComponent(token)}`,
  outbox: () => '/operator/outbox',
  moderation: () => '/moderation',
  myReports: () => '/settings/reports',
  myDecisions: () => '/settings/decisions',
  enforcement: () => '/transparency/enforcement',
};

/** Only same-site paths are allowed as a post-login destination. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(url: URL): Route {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'foryou' };
  if (path === '/following') return { name: 'following' };
  if (path === '/upload') return { name: 'upload' };
  if (path === '/settings/profile') return { name: 'editProfile' };
  if (path === '/settings/feed') return { name: 'feedSettings' };
  if (path === '/settings/privacy') return { name: 'privacySettings' };
  if (path === '/settings/wellbeing') return { name: 'wellbeingSettings' };
  if (path === '/settings/blocked') return { name: 'blockedSettings' };
  if (path === '/settings/comments') return { name: 'commentSettings' };
  if (path === '/follow-requests') return { name: 'followRequests' };
  if (path === '/inbox') return { name: 'inbox' };
  if (path === '/transparency') return { name: 'transparency', region: url.searchParams.get('region') || null };
  if (path === '/operator/accounts') return { name: 'operatorAccounts' };
  if (path === '/settings/security' || path === '/settings/account') return { name: 'securitySettings' };
  if (path === '/verify-email') return { name: 'verifyEmail', token: url.searchParams.get('token') ?? '' };
  if (path === '/forgot-password') return { name: 'forgotPassword' };
  if (path === '/reset-password') return { name: 'resetPassword', token: url.searchParams.get('token') ?? '' };
  if (path === '/operator/outbox') return { name: 'outbox' };
  if (path === '/moderation') return { name: 'moderation' };
  if (path === '/settings/reports') return { name: 'myReports' };
  if (path === '/settings/decisions') return { name: 'myDecisions' };
  if (path === '/transparency/enforcement') return { name: 'enforcement' };
  if (path === '/search') return { name: 'search', q: url.searchParams.get('q') ?? '' };
  if (path === '/login') return { name: 'login', next: safeNext(url.searchParams.get('next')) };
  if (path === '/signup') return { name: 'signup', next: safeNext(url.searchParams.get('next')) };
  const segments = path.split('/').slice(1);
  const [first, second] = segments;
  if (segments.length === 1 && first?.startsWith('@')) {
    const username = decode(first.slice(1));
    if (username) return { name: 'profile', username };
  }
  if (segments.length === 2 && first?.startsWith('@') && (second === 'followers' || second === 'following')) {
    const username = decode(first.slice(1));
    if (username) return { name: 'people', username, direction: second };
  }
  if (segments.length === 2 && second) {
    const value = decode(second);
    if (value && first === 'v') return { name: 'video', id: value, from: url.searchParams.get('from') || null };
    if (value && first === 'tag') return { name: 'hashtag', tag: value };
    if (value && first === 'embed') return { name: 'embed', id: value };
  }
  return { name: 'notFound' };
}

/** The browser tab's title for a route (a video's caption is not known here: it says "Video"). */
export function titleOf(route: Route): string {
  const page = ((): string | null => {
    switch (route.name) {
      case 'foryou':
        return null;
      case 'following':
        return 'Following';
      case 'video':
      case 'embed':
        return 'Video';
      case 'profile':
        return `@${route.username}`;
      case 'people':
        return `@${route.username} · ${route.direction === 'followers' ? 'Followers' : 'Following'}`;
      case 'hashtag':
        return `#${route.tag}`;
      case 'search':
        return route.q ? `Search: ${route.q}` : 'Search';
      case 'login':
        return 'Log in';
      case 'signup':
        return 'Sign up';
      case 'upload':
        return 'Upload';
      case 'editProfile':
        return 'Edit profile';
      case 'feedSettings':
        return 'For You settings';
      case 'privacySettings':
        return 'Privacy';
      case 'wellbeingSettings':
        return 'Wellbeing';
      case 'blockedSettings':
        return 'Blocked and muted';
      case 'commentSettings':
        return 'Comments';
      case 'followRequests':
        return 'Follow requests';
      case 'inbox':
        return 'Inbox';
      case 'transparency':
        return 'Transparency';
      case 'operatorAccounts':
        return 'Account lookup';
      case 'securitySettings':
        return 'Security';
      case 'verifyEmail':
        return 'Confirm email';
      case 'forgotPassword':
        return 'Forgot password';
      case 'resetPassword':
        return 'New password';
      case 'outbox':
        return 'Outbox';
      case 'moderation':
        return 'Moderation';
      case 'myReports':
        return 'Your reports';
      case 'myDecisions':
        return 'Decisions about you';
      case 'enforcement':
        return 'Enforcement report';
      case 'notFound':
        return 'Not found';
    }
  })();
  return page ? `${page} · Cliptide` : 'Cliptide — For You';
}
