// A caption with its #hashtags and @mentions turned into links.
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';

const TOKEN = /([#@][\p{L}\p{N}_.]*[\p{L}\p{N}_])/gu;

export function Caption({ text }: { text: string }) {
  const parts = text.split(TOKEN);
  return (
    <p className="caption">
      {parts.map((part, i) => {
        if (i % 2 === 0) return part;
        const name = part.slice(1);
        return part.startsWith('#') ? (
          <Link key={i} to={paths.hashtag(name.toLowerCase())} className="caption-link" onClick={(e) => e.stopPropagation()}>
            {part}
          </Link>
        ) : (
          <Link key={i} to={paths.profile(name)} className="caption-link" onClick={(e) => e.stopPropagation()}>
            {part}
          </Link>
        );
      })}
    </p>
  );
}
