import { useEffect } from 'react';
import { navigate } from './history.ts';

/** Replaces the current entry once rendered (navigating during render is not allowed). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
