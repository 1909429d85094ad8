// The app: a shell (navigation) around the page the URL names.
import { useEffect, type ReactElement } from 'react';
import { FeedPage } from './feed/feed-page.tsx';
import { EditProfilePage } from './pages/edit-profile-page.tsx';
import { FeedSettingsPage } from './pages/feed-settings-page.tsx';
import { FollowRequestsPage } from './pages/follow-requests-page.tsx';
import { InboxPage } from './notifications/inbox-page.tsx';
import { EnforcementPage } from './moderation/enforcement-page.tsx';
import { ModerationPage } from './moderation/moderation-page.tsx';
import { MyDecisionsPage } from './moderation/my-decisions-page.tsx';
import { MyReportsPage } from './moderation/my-reports-page.tsx';
import { PrivacySettingsPage } from './pages/privacy-settings-page.tsx';
import { SecuritySettingsPage } from './account/security-settings-page.tsx';
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './account/email-link-pages.tsx';
import { OutboxPage } from './account/outbox-page.tsx';
import { WellbeingSettingsPage } from './pages/wellbeing-settings-page.tsx';
import { PauseScreen } from './wellbeing/pause-screen.tsx';
import { BreakReminder } from './wellbeing/break-reminder.tsx';
import { startWellbeing, stopWellbeing, useWellbeing } from './wellbeing/wellbeing-store.ts';
import { BlockedSettingsPage } from './pages/blocked-settings-page.tsx';
import { CommentSettingsPage } from './pages/comment-settings-page.tsx';
import { HashtagPage } from './pages/hashtag-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ProfilePage } from './pages/profile-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { SignupPage } from './pages/signup-page.tsx';
import { VideoPage } from './pages/video-page.tsx';
import { EmbedPage } from './pages/embed-page.tsx';
import { PeoplePage } from './pages/people-page.tsx';
import { useLocation } from './router/history.ts';
import { parseRoute, titleOf, type Route } from './router/routes.ts';
import { AppNav } from './shell/app-nav.tsx';
import { startLiveNotifications, stopLiveNotifications } from './notifications/live-notifications.ts';
import { useSession } from './session/session.tsx';
import { ShortcutsSheet, useShortcutsSheet } from './shell/shortcuts-sheet.tsx';
import { UploadStudioPage } from './upload/upload-studio-page.tsx';
import { TransparencyPage } from './transparency/transparency-page.tsx';
import { OperatorAccountsPage } from './transparency/operator-accounts-page.tsx';

function page(route: Route): ReactElement {
  switch (route.name) {
    case 'foryou':
      return <FeedPage kind="foryou" />;
    case 'following':
      return <FeedPage kind="following" />;
    case 'video':
      return <VideoPage key={`${route.id}:${route.from ?? ''}`} id={route.id} from={route.from} />;
    case 'profile':
      return <ProfilePage key={route.username} username={route.username} />;
    case 'hashtag':
      return <HashtagPage key={route.tag} tag={route.tag} />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'login':
      return <LoginPage next={route.next} />;
    case 'signup':
      return <SignupPage next={route.next} />;
    case 'upload':
      return <UploadStudioPage />;
    case 'editProfile':
      return <EditProfilePage />;
    case 'feedSettings':
      return <FeedSettingsPage />;
    case 'privacySettings':
      return <PrivacySettingsPage />;
    case 'wellbeingSettings':
      return <WellbeingSettingsPage />;
    case 'blockedSettings':
      return <BlockedSettingsPage />;
    case 'commentSettings':
      return <CommentSettingsPage />;
    case 'followRequests':
      return <FollowRequestsPage />;
    case 'inbox':
      return <InboxPage />;
    case 'transparency':
      return <TransparencyPage region={route.region} />;
    case 'operatorAccounts':
      return <OperatorAccountsPage />;
    case 'embed':
      return <EmbedPage id={route.id} />;
    case 'people':
      return <PeoplePage key={`${route.username}:${route.direction}`} username={route.username} direction={route.direction} />;
    case 'securitySettings':
      return <SecuritySettingsPage />;
    case 'verifyEmail':
      return <VerifyEmailPage token={route.token} />;
    case 'forgotPassword':
      return <ForgotPasswordPage />;
    case 'resetPassword':
      return <ResetPasswordPage token={route.token} />;
    case 'outbox':
      return <OutboxPage />;
    case 'moderation':
      return <ModerationPage />;
    case 'myReports':
      return <MyReportsPage />;
    case 'myDecisions':
      return <MyDecisionsPage />;
    case 'enforcement':
      return <EnforcementPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

/** The skip link's target: the current video of a feed (its first control), else the page. */
function skipToMain() {
  const main = document.getElementById('main');
  const current = main?.querySelector<HTMLElement>('.feed-item.is-current');
  if (current) current.focus();
  else main?.focus();
}

export function App() {
  const route = parseRoute(useLocation());
  const title = titleOf(route);
  useEffect(() => {
    document.title = title;
  }, [title]);
  // notifications arrive live for whoever is signed in, on every page
  const signedIn = useSession().user?.id;
  useEffect(() => {
    if (signedIn) startLiveNotifications();
    else stopLiveNotifications();
    if (signedIn) void startWellbeing();
    else stopWellbeing();
  }, [signedIn]);
  const { paused } = useWellbeing();
  const immersive = route.name === 'foryou' || route.name === 'following' || route.name === 'video';
  const [shortcuts, setShortcuts] = useShortcutsSheet();
  // the embeddable player is framed by other sites: the video alone, no navigation
  if (route.name === 'embed') return page(route);
  return (
    <div className={immersive ? 'shell is-immersive' : 'shell'}>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          skipToMain();
        }}
      >
        {immersive ? 'Skip to the video' : 'Skip to content'}
      </a>
      <AppNav route={route} onShortcuts={() => setShortcuts(true)} />
      <main className="main" id="main" tabIndex={-1}>
        {page(route)}
      </main>
      {shortcuts && <ShortcutsSheet onClose={() => setShortcuts(false)} />}
      {signedIn && <BreakReminder />}
      {signedIn && paused && immersive && <PauseScreen />}
    </div>
  );
}
