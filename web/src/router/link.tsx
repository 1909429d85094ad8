import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './history.ts';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; replace?: boolean };

/** An anchor that navigates in-app on a plain left click and behaves normally otherwise. */
export function Link({ to, replace, onClick, ...rest }: LinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to, { replace });
  }
  return <a href={to} onClick={handleClick} {...rest} />;
}
