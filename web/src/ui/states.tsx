// The loading, error and empty states every view shows, so they look the same everywhere.
import type { ReactNode } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import { ApiError } from '../api/problem.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
/** Not allowed (403): trying again would not help either. */
export const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

/**
 * A failed load, with "Try again" — except when the thing does not exist (404): trying again
 * would not help, so it says so (`notFound`, e.g. "This account doesn’t exist") and offers For You.
 */
export function ErrorState({ error, onRetry, notFound }: { error: unknown; onRetry?: () => void; notFound?: string }) {
  if (isNotFound(error)) {
    return (
      <div className="state state-empty">
        <h1>{notFound ?? 'Not found'}</h1>
        <p className="muted-text">{friendlyMessage(error)}</p>
        <Link className="button button-primary" to={paths.foryou()}>
          Back to For You
        </Link>
      </div>
    );
  }
  return (
    <div className="state state-error" role="alert">
      <p>{friendlyMessage(error)}</p>
      {onRetry && !isForbidden(error) && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}
