// What a shared link shows before anyone opens it: Open Graph / Twitter card tags for video and
// profile pages, oEmbed, and which videos the embeddable player may show. Everything here is what an
// anonymous visitor may see (the visibility rule): a private or followers-only video is never
// described, embedded or unfurled.
import type { OEmbed, PublicUser, Video } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';

export interface PageMeta {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  type: 'video.other' | 'profile';
  image: { url: string; width?: number; height?: number } | null;
  /** The embeddable player (for a video), absolute. */
  player: { url: string; width: number; height: number } | null;
  /** The oEmbed discovery link, absolute. */
  oembed: string;
}

/** A page of the web app as the server answers it. */
export interface PageAnswer {
  status: 200 | 404;
  meta: PageMeta | null;
  /** Other sites may frame it (the embeddable player of a public video). */
  frameable: boolean;
}

export interface SharingDeps {
  /** The video as an anonymous visitor may see it; throws not_found otherwise. */
  publicVideo: (id: string) => Promise<Video>;
  /** The profile as an anonymous visitor sees it; throws not_found otherwise. */
  publicProfile: (username: string) => Promise<PublicUser>;
}

const SITE = 'Cliptide';
/** The embedded player's box: a 9:16 video at a width most pages have room for. */
const EMBED_WIDTH = 325;
const EMBED_HEIGHT = 578;

const abs = (origin: string, path: string) => new URL(path, origin).href;
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/** `/v/:id`, `/@username` or `/embed/:id` of a path, or null. */
export function pageOf(path: string): { kind: 'video' | 'embed'; id: string } | { kind: 'profile'; username: string } | null {
  const match = /^\/(?:(v|embed)\/([^/]+)|@([^/]+))\/?$/.exec(path);
  if (!match) return null;
  if (match[3] !== undefined) {
    const username = decoded(match[3]);
    return username ? { kind: 'profile', username } : null;
  }
  const id = decoded(match[2]!);
  return id ? { kind: match[1] === 'v' ? 'video' : 'embed', id } : null;
}

export function createSharingService(deps: SharingDeps) {
  const found = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'validation_failed')) return null;
      throw error;
    }
  };
  const videoIfPublic = async (id: string) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const video = await found(() => deps.publicVideo(id));
    return video && video.visibility === 'public' && video.status === 'ready' ? video : null;
  };

  function videoMeta(video: Video, origin: string): PageMeta {
    const by = video.author.displayName || `@${video.author.username}`;
    const url = abs(origin, `/v/${video.id}`);
    return {
      title: video.caption ? `${clip(video.caption, 70)} — ${by} on ${SITE}` : `A video by ${by} on ${SITE}`,
      description: video.caption ? clip(video.caption, 200) : `Watch @${video.author.username}’s video on ${SITE}.`,
      url,
      type: 'video.other',
      image: video.poster ? { url: abs(origin, video.poster), ...(video.width && video.height ? { width: video.width, height: video.height } : {}) } : null,
      player: { url: abs(origin, `/embed/${video.id}`), width: EMBED_WIDTH, height: EMBED_HEIGHT },
      oembed: abs(origin, `/api/v1/oembed?url=${encodeURIComponent(url)}`),
    };
  }

  function profileMeta(user: PublicUser, origin: string): PageMeta {
    const url = abs(origin, `/@${user.username}`);
    return {
      title: `${user.displayName} (@${user.username}) on ${SITE}`,
      description: user.private ? 'This account is private.' : clip(user.bio || `${user.counts.videos} videos, ${user.counts.followers} followers.`, 200),
      url,
      type: 'profile',
      image: user.avatarUrl ? { url: abs(origin, user.avatarUrl) } : null,
      player: null,
      oembed: abs(origin, `/api/v1/oembed?url=${encodeURIComponent(url)}`),
    };
  }

  return {
    /** The meta tags and status of a page of the web app, and whether others may frame it. */
    async page(path: string, origin: string): Promise<PageAnswer> {
      const page = pageOf(path);
      if (!page) return { status: 200, meta: null, frameable: false };
      if (page.kind === 'profile') {
        const user = await found(() => deps.publicProfile(page.username));
        return { status: 200, meta: user ? profileMeta(user, origin) : null, frameable: false };
      }
      const video = await videoIfPublic(page.id);
      if (page.kind === 'embed') return video ? { status: 200, meta: videoMeta(video, origin), frameable: true } : { status: 404, meta: null, frameable: false };
      return { status: 200, meta: video ? videoMeta(video, origin) : null, frameable: false };
    },

    /** oEmbed for a link to a public video or a profile on this site; not_found for anything else. */
    async oembed(link: string, origin: string, max: { width?: number | undefined; height?: number | undefined }): Promise<OEmbed> {
      let url: URL;
      try {
        url = new URL(link);
      } catch {
        throw new DomainError('validation_failed', 'url is not a link', [{ path: 'query.url', message: 'is not a URL' }]);
      }
      if (url.origin !== new URL(origin).origin) throw new DomainError('not_found', 'That link is not to this site');
      const page = pageOf(url.pathname);
      const base = { version: '1.0' as const, provider_name: SITE, provider_url: abs(origin, '/') };
      if (page?.kind === 'profile') {
        const user = await found(() => deps.publicProfile(page.username));
        if (!user) throw new DomainError('not_found', 'No such profile');
        return { ...base, type: 'link', title: `${user.displayName} (@${user.username})`, author_name: user.displayName, author_url: abs(origin, `/@${user.username}`) };
      }
      const video = page ? await videoIfPublic(page.id) : null;
      if (!video) throw new DomainError('not_found', 'No public video at that link');
      const scale = Math.min(1, (max.width ?? Infinity) / EMBED_WIDTH, (max.height ?? Infinity) / EMBED_HEIGHT);
      const width = Math.max(1, Math.floor(EMBED_WIDTH * scale));
      const height = Math.max(1, Math.floor(EMBED_HEIGHT * scale));
      const src = abs(origin, `/embed/${video.id}`);
      const title = video.caption || `A video by @${video.author.username}`;
      return {
        ...base,
        type: 'video',
        title,
        author_name: video.author.displayName || video.author.username,
        author_url: abs(origin, `/@${video.author.username}`),
        ...(video.poster ? { thumbnail_url: abs(origin, video.poster), ...(video.width && video.height ? { thumbnail_width: video.width, thumbnail_height: video.height } : {}) } : {}),
        html: `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" title="${escapeAttribute(title)}" style="border:0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen></iframe>`,
        width,
        height,
      };
    },
  };
}
export type SharingService = ReturnType<typeof createSharingService>;

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
}
