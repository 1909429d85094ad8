// Who is logged in, loaded once from GET /me, and the prompt shown when a logged-out visitor acts.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, logout as apiLogout } from '../api/auth.ts';
import { ApiError } from '../api/problem.ts';
import type { Me } from '@cliptide/contract';
import { LoginPrompt } from './login-prompt.tsx';
import { forgetAction, rememberAction, type PendingAction } from './pending-action.ts';
import { hasSessionHint, setSessionHint } from './session-hint.ts';

interface Session {
  /** undefined while loading, null when logged out. */
  user: Me | null | undefined;
  setUser: (user: Me | null) => void;
  logout: () => Promise<void>;
  /**
   * True when logged in; otherwise opens the log-in prompt and returns false. `then` is done
   * after the visitor logs in or signs up from the prompt.
   */
  requireAuth: (why?: string, then?: PendingAction) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null | undefined>(undefined);
  const [prompt, setPrompt] = useState<string | null>(null);

  useEffect(() => {
    // a visitor who never logged in on this browser has no session to ask about
    if (!hasSessionHint()) return setUser(null);
    const controller = new AbortController();
    fetchMe(controller.signal)
      .then(({ user }) => setUser(user))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        // 401 is the normal logged-out answer; anything else we also treat as logged out
        if (!(error instanceof ApiError)) console.warn('could not load the session', error);
        setUser(null);
      });
    return () => controller.abort();
  }, []);

  useEffect(() => {
    if (user !== undefined) setSessionHint(user !== null);
  }, [user]);

  const requireAuth = useCallback(
    (why?: string, then?: PendingAction) => {
      if (user) return true;
      if (then) rememberAction(then);
      else forgetAction();
      setPrompt(why ?? 'Log in to like, comment, follow and post.');
      return false;
    },
    [user],
  );

  const logout = useCallback(async () => {
    await apiLogout();
    setUser(null);
  }, []);

  const value = useMemo<Session>(() => ({ user, setUser, logout, requireAuth }), [user, logout, requireAuth]);
  return (
    <SessionContext.Provider value={value}>
      {children}
      {prompt && (
        <LoginPrompt
          reason={prompt}
          onLeave={() => setPrompt(null)}
          onClose={() => {
            forgetAction();
            setPrompt(null);
          }}
        />
      )}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
