import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Dialog } from '../ui/dialog.tsx';

export function LoginPrompt({ reason, onClose }: { reason: string; onClose: () => void }) {
  const here = window.location.pathname + window.location.search;
  return (
    <Dialog label="Log in to Cliptide" onClose={onClose}>
      <div className="prompt">
        <p>{reason}</p>
        <Link className="button button-primary" to={paths.login(here)} onClick={onClose}>
          Log in
        </Link>
        <Link className="button" to={paths.signup(here)} onClick={onClose}>
          Sign up
        </Link>
      </div>
    </Dialog>
  );
}
