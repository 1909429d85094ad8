import { friendlyMessage } from '../api/error-messages.ts';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { useToast } from '../ui/toast.tsx';
import { useSession } from './session.tsx';

export function LogoutButton({ className = 'button' }: { className?: string }) {
  const { logout } = useSession();
  const toast = useToast();
  async function run() {
    try {
      await logout();
      navigate(paths.foryou());
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }
  return (
    <button type="button" className={className} onClick={() => void run()}>
      Log out
    </button>
  );
}
