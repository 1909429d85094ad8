import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Empty } from '../ui/states.tsx';

export function NotFoundPage() {
  return (
    <Empty>
      <h1>Page not found</h1>
      <Link className="button button-primary" to={paths.foryou()}>
        Back to For You
      </Link>
    </Empty>
  );
}
