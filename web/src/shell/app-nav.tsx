// Navigation: a sidebar on desktop, a tab bar along the bottom on phones.
import type { Route } from '../router/routes.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { LogoutButton } from '../session/logout-button.tsx';
import { useLiveNotifications } from '../notifications/live-notifications.ts';
import { useSession } from '../session/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Icon, type IconName } from '../ui/icons.tsx';

export function AppNav({ route, onShortcuts }: { route: Route; onShortcuts: () => void }) {
  const { user } = useSession();
  const profilePath = user ? paths.profile(user.username) : paths.login();
  const isOwnProfile = route.name === 'profile' && route.username === user?.username;
  const { unread } = useLiveNotifications();
  return (
    <nav className="app-nav" aria-label="Main">
      <Link to={paths.foryou()} className="brand" aria-label="Cliptide home">
        Cliptide
      </Link>
      <NavLink to={paths.foryou()} icon="home" label="For You" current={route.name === 'foryou'} />
      <NavLink to={paths.following()} icon="users" label="Following" current={route.name === 'following'} />
      <NavLink to={paths.upload()} icon="plus" label="Upload" current={route.name === 'upload'} className="nav-upload" />
      <NavLink to={paths.search()} icon="search" label="Search" current={route.name === 'search'} />
      {user && (
        <Link to={paths.inbox()} className={route.name === 'inbox' ? 'nav-link is-current' : 'nav-link'} aria-current={route.name === 'inbox' ? 'page' : undefined}>
          <Icon name="bell" size={26} />
          <span>Inbox</span>
          {unread > 0 && (
            <span className="nav-count" aria-label={`${unread} unread`}>
              {unread > 99 ? '99+' : unread}
            </span>
          )}
        </Link>
      )}
      {user ? (
        <Link to={profilePath} className={isOwnProfile ? 'nav-link is-current' : 'nav-link'} aria-current={isOwnProfile ? 'page' : undefined}>
          <Avatar user={user} size={26} />
          <span>Profile</span>
          {user.followRequests > 0 && (
            <span className="nav-count" aria-label={`${user.followRequests} follow requests`}>
              {user.followRequests}
            </span>
          )}
        </Link>
      ) : (
        <NavLink to={paths.login(window.location.pathname)} icon="user" label="Log in" current={route.name === 'login'} />
      )}
      {user?.operator?.some((g) => g.role === 'moderator') && (
        <Link to={paths.moderation()} className={route.name === 'moderation' ? 'nav-extra link-button is-current' : 'nav-extra link-button'} aria-current={route.name === 'moderation' ? 'page' : undefined}>
          Moderation
        </Link>
      )}
      <Link to={paths.enforcement()} className="nav-extra link-button">
        Enforcement report
      </Link>
      <button type="button" className="nav-shortcuts link-button" onClick={onShortcuts} aria-keyshortcuts="?">
        Keyboard shortcuts
      </button>
      {user && <LogoutButton className="nav-logout link-button" />}
    </nav>
  );
}

function NavLink({ to, icon, label, current, className = '' }: { to: string; icon: IconName; label: string; current: boolean; className?: string }) {
  return (
    <Link to={to} className={`nav-link ${current ? 'is-current' : ''} ${className}`} aria-current={current ? 'page' : undefined}>
      <Icon name={icon} size={26} />
      <span>{label}</span>
    </Link>
  );
}
