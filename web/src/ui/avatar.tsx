import type { UserSummary } from '@cliptide/contract';

/** A round avatar: the uploaded picture, or the first letter of the name on a colour from the username. */
export function Avatar({ user, size = 48 }: { user: Pick<UserSummary, 'username' | 'displayName' | 'avatarUrl'>; size?: number }) {
  const style = { width: size, height: size, fontSize: size * 0.42 };
  if (user.avatarUrl) return <img className="avatar" src={user.avatarUrl} alt="" style={style} />;
  let hue = 0;
  for (const ch of user.username) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  return (
    <span className="avatar avatar-letter" aria-hidden="true" style={{ ...style, background: `hsl(${hue} 55% 42%)` }}>
      {(user.displayName || user.username).charAt(0).toUpperCase()}
    </span>
  );
}
