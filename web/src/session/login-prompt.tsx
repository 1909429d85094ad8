import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Dialog } from '../ui/dialog.tsx';

/** `onClose`: dismissed (the pending action is dropped); `onLeave`: off to log in or sign up. */
export function LoginPrompt({ reason, onClose, onLeave }: { reason: string; onClose: () => void; onLeave: () => void }) {
  const here = window.location.pathname + window.location.search;
  return (
    <Dialog label="Log in to Cliptide" onClose={onClose}>
      <div className="prompt">
        <p>{reason}</p>
        <Link className="button button-primary" to={paths.login(here)} onClick={onLeave}>
          Log in
        </Link>
        <Link className="button" to={paths.signup(here)} onClick={onLeave}>
          Sign up
        </Link>
      </div>
    </Dialog>
  );
}
