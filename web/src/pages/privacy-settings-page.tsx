// Privacy: whether the account is private, with what it means for the person's age band in one
// sentence. 13–15 cannot make their account public (the server says so too: `age_restricted`).
import { useState } from 'react';
import type { AgeBand, Me } from '@cliptide/contract';
import { updateProfile } from '../api/auth.ts';
import { setLikesPublic } from '../api/collections.ts';
import { friendlyMessage } from '../api/error-messages.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { Link } from '../router/link.tsx';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { AccessLogSection } from '../transparency/access-log-section.tsx';

/** What a private account means, said to each age band. */
const explanation: Record<AgeBand, string> = {
  '13-15':
    'Your account stays private until you turn 16: only followers you approve see your videos, and they are never suggested to people who don’t follow you.',
  '16-17':
    'Your account started private so that only followers you approve see your videos; if you make it public, anyone can find and watch them.',
  '18+': 'When your account is private, only followers you approve see your videos; everyone else sees your name, picture, bio and counts.',
};

export function PrivacySettingsPage() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.privacySettings())} />;
  return <PrivacySettings user={user} />;
}

function PrivacySettings({ user }: { user: Me }) {
  const { setUser } = useSession();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'private'>>(noFormErrors);

  async function setPrivate(on: boolean) {
    setBusy(true);
    setErrors(noFormErrors);
    try {
      setUser((await updateProfile({ private: on })).user);
      toast(on ? 'Your account is private' : 'Your account is public');
    } catch (err) {
      setErrors(formErrors(err, ['private']));
    } finally {
      setBusy(false);
    }
  }

  async function showLikes(on: boolean) {
    setBusy(true);
    try {
      const { likesPublic } = await setLikesPublic(on);
      setUser({ ...user, likesPublic });
      toast(likesPublic ? 'Your liked videos are shown on your profile' : 'Your liked videos are private');
    } catch (err) {
      toast(friendlyMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page settings-page">
      <h1>Privacy</h1>
      <section className="card form" aria-labelledby="private-heading">
        <h2 id="private-heading">Private account</h2>
        <label className="switch-row">
          <input
            type="checkbox"
            role="switch"
            checked={user.private}
            disabled={busy || (user.private && !user.mayGoPublic)}
            aria-describedby="private-hint"
            onChange={(e) => void setPrivate(e.target.checked)}
          />
          <span>Private account</span>
        </label>
        {errors.fields.private && (
          <p className="field-error" role="alert">
            {errors.fields.private}
          </p>
        )}
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <p className="field-hint" id="private-hint">
          {explanation[user.ageBand]}
        </p>
        <Link className="button" to={paths.followRequests()}>
          Follow requests{user.followRequests > 0 ? ` (${user.followRequests})` : ''}
        </Link>
      </section>
      <AccessLogSection region={user.homeRegion} />
      <section className="card form" aria-labelledby="likes-heading">
        <h2 id="likes-heading">Liked videos</h2>
        <label className="switch-row">
          <input type="checkbox" role="switch" checked={user.likesPublic} disabled={busy} aria-describedby="likes-hint" onChange={(e) => void showLikes(e.target.checked)} />
          <span>Show my liked videos on my profile</span>
        </label>
        <p className="field-hint" id="likes-hint">
          {user.likesPublic ? 'Anyone who can see your profile sees the videos you liked.' : 'Only you see the videos you liked.'}
        </p>
      </section>
      <section className="card form" aria-labelledby="safety-heading">
        <h2 id="safety-heading">Blocking, muting and comments</h2>
        <p className="field-hint">Block or mute someone from the “…” menu on their profile. Hold comments on your videos by keyword or from new accounts.</p>
        <div className="row">
          <Link className="button" to={paths.blockedSettings()}>
            Blocked and muted
          </Link>
          <Link className="button" to={paths.commentSettings()}>
            Comment filters
          </Link>
        </div>
      </section>
    </div>
  );
}
