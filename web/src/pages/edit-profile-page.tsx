import { useState, type ChangeEvent, type FormEvent } from 'react';
import { updateProfile, uploadAvatar } from '../api/auth.ts';
import type { Me } from '@cliptide/contract';
import { MAX_AVATAR_BYTES, MAX_BIO_LENGTH, MAX_DISPLAY_NAME_LENGTH } from '@cliptide/contract/limits';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { navigate } from '../router/history.ts';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Field } from '../ui/field.tsx';
import { Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';

export function EditProfilePage() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.editProfile())} />;
  return <EditProfile user={user} />;
}

function EditProfile({ user }: { user: Me }) {
  const { setUser } = useSession();
  const toast = useToast();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [bio, setBio] = useState(user.bio);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'displayName' | 'bio'>>(noFormErrors);
  const setError = (general: string | null) => setErrors({ fields: {}, general });

  async function changeAvatar(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!['image/jpeg', 'image/png', 'image/webp'].includes(file.type)) return setError('Choose a JPEG, PNG or WebP picture.');
    if (file.size > MAX_AVATAR_BYTES) return setError('That picture is larger than 5 MB.');
    setBusy(true);
    setError(null);
    try {
      setUser((await uploadAvatar(file)).user);
      toast('Picture updated');
    } catch (err) {
      setErrors(formErrors(err, []));
    } finally {
      setBusy(false);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setUser((await updateProfile({ displayName: displayName.trim(), bio: bio.trim() })).user);
      toast('Profile saved');
      navigate(paths.profile(user.username));
    } catch (err) {
      setErrors(formErrors(err, ['displayName', 'bio']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page">
      <form className="card form" onSubmit={submit}>
        <h1>Edit profile</h1>
        <div className="avatar-edit">
          <Avatar user={user} size={88} />
          <label className="button">
            Change picture
            <input type="file" accept="image/jpeg,image/png,image/webp" className="visually-hidden" onChange={changeAvatar} disabled={busy} />
          </label>
        </div>
        <Field label="Display name" value={displayName} maxLength={MAX_DISPLAY_NAME_LENGTH} onChange={(e) => setDisplayName(e.target.value)} error={errors.fields.displayName} />
        <div className="field">
          <label htmlFor="bio">Bio</label>
          <textarea
            id="bio"
            value={bio}
            maxLength={MAX_BIO_LENGTH}
            rows={3}
            onChange={(e) => setBio(e.target.value)}
            aria-invalid={errors.fields.bio ? true : undefined}
            aria-describedby="bio-hint"
          />
          {errors.fields.bio && (
            <p className="field-error" role="alert">
              {errors.fields.bio}
            </p>
          )}
          <p className="field-hint" id="bio-hint">
            {bio.length}/{MAX_BIO_LENGTH}
          </p>
        </div>
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          Save
        </button>
      </form>
    </div>
  );
}
