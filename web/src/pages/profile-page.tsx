import { useCallback, useState } from 'react';
import type { PublicUser, Video } from '@cliptide/contract';
import { fetchUser, fetchUserVideos } from '../api/users.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Avatar } from '../ui/avatar.tsx';
import { formatCount } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { usePagedList } from '../ui/use-paged-list.ts';
import { useResource } from '../ui/use-resource.ts';
import { VideoGrid } from '../ui/video-grid.tsx';
import { FollowButton } from '../video/follow-button.tsx';
import { LogoutButton } from '../session/logout-button.tsx';
import { useSession } from '../session/session.tsx';
import { deleteVideo, retryVideo } from '../api/videos.ts';
import { friendlyMessage } from '../api/error-messages.ts';
import { listOf, videoList } from '../feed/video-lists.ts';
import { useToast } from '../ui/toast.tsx';
import { ProfileMenu, useBlock } from './profile-menu.tsx';

export function ProfilePage({ username }: { username: string }) {
  const profile = useResource(`user:${username}`, (signal) => fetchUser(username, signal).then((r) => r.user));
  if (profile.loading) return <Loading label="Loading profile" />;
  if (!profile.data) return <ErrorState error={profile.error} onRetry={profile.retry} notFound={`@${username} doesn’t exist`} />;
  return <Profile user={profile.data} onChange={profile.set} />;
}

function Profile({ user, onChange }: { user: PublicUser; onChange: (user: PublicUser) => void }) {
  const { user: me } = useSession();
  // A private account shows its videos only to its owner and approved followers (the server's rule; here, the words).
  const closed = user.private && !user.viewer.isSelf && !user.viewer.following;
  return (
    <div className="page profile">
      <header className="profile-header">
        <Avatar user={user} size={96} />
        <div className="profile-names">
          <h1>{user.displayName || user.username}</h1>
          <p className="muted-text">@{user.username}</p>
          {user.viewer.isSelf ? (
            <div className="row">
              <Link className="button" to={paths.editProfile()}>
                Edit profile
              </Link>
              <Link className="button" to={paths.feedSettings()}>
                For You settings
              </Link>
              <Link className="button" to={paths.privacySettings()}>
                Privacy
              </Link>
              <Link className="button" to={paths.securitySettings()}>
                Security
              </Link>
              <Link className="button" to={paths.wellbeingSettings()}>
                Wellbeing
              </Link>
              {(user.private || (me?.followRequests ?? 0) > 0) && (
                <Link className="button" to={paths.followRequests()}>
                  Follow requests{me && me.followRequests > 0 ? ` (${me.followRequests})` : ''}
                </Link>
              )}
              <Link className="button button-primary" to={paths.upload()}>
                Upload
              </Link>
              <LogoutButton />
            </div>
          ) : user.viewer.blocking ? (
            <div className="row">
              <UnblockButton user={user} onChange={onChange} />
              <ProfileMenu user={user} onChange={onChange} />
            </div>
          ) : (
            <div className="row">
              <FollowButton
                username={user.username}
                following={user.viewer.following}
                requested={user.viewer.requested}
                isPrivate={user.private}
                onChange={(following, followers, requested) =>
                  onChange({
                    ...user,
                    viewer: { ...user.viewer, following, requested },
                    counts: { ...user.counts, followers },
                  })
                }
              />
              {me && <ProfileMenu user={user} onChange={onChange} />}
            </div>
          )}
        </div>
      </header>
      <dl className="profile-counts">
        <div>
          <Count label="Following" value={user.counts.following} to={closed || user.viewer.blocking ? null : paths.people(user.username, 'following')} />
        </div>
        <div>
          <Count label="Followers" value={user.counts.followers} to={closed || user.viewer.blocking ? null : paths.people(user.username, 'followers')} testId="followers-count" />
        </div>
        <div>
          <dt>Likes</dt>
          <dd>{formatCount(user.counts.likes)}</dd>
        </div>
      </dl>
      {user.bio && <p className="profile-bio">{user.bio}</p>}
      {user.viewer.blocking ? (
        <div className="card private-notice" role="note">
          <h2>You blocked @{user.username}</h2>
          <p className="muted-text">You don’t see each other’s videos or comments. Unblock them to see their videos again.</p>
        </div>
      ) : closed ? (
        <div className="card private-notice" role="note">
          <h2>This account is private</h2>
          <p className="muted-text">
            {user.viewer.requested
              ? `You asked to follow @${user.username}. You’ll see their videos once they approve.`
              : `Follow @${user.username} to ask to see their videos.`}
          </p>
        </div>
      ) : (
        <ProfileCollections user={user} />
      )}
    </div>
  );
}

/** A count, linked to its list when the viewer may see it. */
function Count({ label, value, to, testId }: { label: string; value: number; to: string | null; testId?: string }) {
  const body = (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{formatCount(value)}</dd>
    </>
  );
  return to ? (
    <Link to={to} aria-label={`${formatCount(value)} ${label.toLowerCase()}`}>
      {body}
    </Link>
  ) : (
    body
  );
}

type Tab = 'videos' | 'liked' | 'saved';

/** Videos, and the collections the viewer may see: liked (when shown, or your own) and saved (your own). */
function ProfileCollections({ user }: { user: PublicUser }) {
  const [tab, setTab] = useState<Tab>('videos');
  const tabs: Tab[] = ['videos', ...(user.viewer.isSelf || user.likesPublic ? (['liked'] as const) : []), ...(user.viewer.isSelf ? (['saved'] as const) : [])];
  const names: Record<Tab, string> = { videos: 'Videos', liked: 'Liked', saved: 'Saved' };
  return (
    <>
      {tabs.length > 1 && (
        <div className="feed-tabs profile-tabs" role="tablist" aria-label="Collections">
          {tabs.map((t) => (
            <button key={t} type="button" role="tab" aria-selected={t === tab} className={t === tab ? 'tab is-current' : 'tab'} onClick={() => setTab(t)}>
              {names[t]}
            </button>
          ))}
        </div>
      )}
      {tab === 'videos' ? <ProfileVideos user={user} /> : <CollectionGrid from={tab === 'liked' ? listOf.liked(user.username) : listOf.saved(user.username)} />}
      {tab === 'liked' && user.viewer.isSelf && !user.likesPublic && <p className="field-hint">Only you see your liked videos. You can show them in Privacy settings.</p>}
      {tab === 'saved' && <p className="field-hint">Only you see your saved videos.</p>}
    </>
  );
}

function CollectionGrid({ from }: { from: string }) {
  const list = videoList(from)!;
  const videos = usePagedList<Video>(list.key, list.load, { cache: 'revalidate' });
  return (
    <>
      <h2 className="visually-hidden">{list.title}</h2>
      <VideoGrid videos={videos.items} onEnd={videos.loadMore} from={from} />
      {videos.loading && <Loading label="Loading videos" />}
      {videos.error !== null && <ErrorState error={videos.error} onRetry={videos.retry} />}
      {!videos.loading && !videos.error && videos.items.length === 0 && <Empty>Nothing here yet.</Empty>}
    </>
  );
}

function UnblockButton({ user, onChange }: { user: PublicUser; onChange: (user: PublicUser) => void }) {
  const block = useBlock(user, onChange);
  return (
    <button type="button" className="button button-primary" disabled={block.busy} onClick={() => void block.run(false)}>
      Unblock
    </button>
  );
}

function ProfileVideos({ user }: { user: PublicUser }) {
  const from = listOf.profile(user.username);
  const load = useCallback((cursor: string | null, signal: AbortSignal) => fetchUserVideos(user.username, cursor, signal), [user.username]);
  const videos = usePagedList<Video>(videoList(from)!.key, load, { cache: 'revalidate' });
  const toast = useToast();
  async function deleteFailed(video: Video) {
    try {
      await deleteVideo(video.id);
      videos.remove(video.id);
      toast('Failed upload deleted.');
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }
  async function retryFailed(video: Video) {
    try {
      const { video: again } = await retryVideo(video.id);
      videos.update(video.id, () => again);
      toast('Processing it again.');
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }
  return (
    <>
      <h2 className="section-title">Videos</h2>
      <VideoGrid
        videos={videos.items}
        onEnd={videos.loadMore}
        from={from}
        {...(user.viewer.isSelf ? { onDeleteFailed: (v: Video) => void deleteFailed(v), onRetryFailed: (v: Video) => void retryFailed(v) } : {})}
      />
      {videos.loading && <Loading label="Loading videos" />}
      {videos.error !== null && <ErrorState error={videos.error} onRetry={videos.retry} />}
      {!videos.loading && !videos.error && videos.items.length === 0 && <Empty>No videos yet.</Empty>}
    </>
  );
}
