// Pages of the web app answered by the server with their own head: Open Graph and Twitter card tags
// (what a shared link unfurls into), the oEmbed discovery link, and the title. The values come from
// the sharing module (platform.ts passes it in); everything is escaped here.

export interface PageHead {
  title: string;
  description: string;
  url: string;
  type: string;
  image: { url: string; width?: number; height?: number } | null;
  player: { url: string; width: number; height: number } | null;
  oembed: string;
}

export interface PageAnswer {
  status: 200 | 404;
  meta: PageHead | null;
  /** Other sites may frame this page (the embeddable player). */
  frameable: boolean;
}

export type PageLookup = (path: string, origin: string) => Promise<PageAnswer>;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function headTags(meta: PageHead): string {
  const tag = (attr: 'property' | 'name', key: string, value: string | number) => `<meta ${attr}="${key}" content="${escape(String(value))}">`;
  return [
    `<link rel="canonical" href="${escape(meta.url)}">`,
    `<meta name="description" content="${escape(meta.description)}">`,
    tag('property', 'og:site_name', 'Cliptide'),
    tag('property', 'og:type', meta.type),
    tag('property', 'og:title', meta.title),
    tag('property', 'og:description', meta.description),
    tag('property', 'og:url', meta.url),
    ...(meta.image
      ? [
          tag('property', 'og:image', meta.image.url),
          ...(meta.image.width ? [tag('property', 'og:image:width', meta.image.width)] : []),
          ...(meta.image.height ? [tag('property', 'og:image:height', meta.image.height)] : []),
        ]
      : []),
    ...(meta.player
      ? [
          tag('name', 'twitter:card', 'player'),
          tag('name', 'twitter:player', meta.player.url),
          tag('name', 'twitter:player:width', meta.player.width),
          tag('name', 'twitter:player:height', meta.player.height),
        ]
      : [tag('name', 'twitter:card', 'summary')]),
    tag('name', 'twitter:title', meta.title),
    tag('name', 'twitter:description', meta.description),
    ...(meta.image ? [tag('name', 'twitter:image', meta.image.url)] : []),
    `<link rel="alternate" type="application/json+oembed" href="${escape(meta.oembed)}" title="${escape(meta.title)}">`,
  ].join('\n    ');
}

/** The app's index.html with the page's title and tags in its head. */
export function withHead(html: string, meta: PageHead): string {
  const titled = html.replace(/<title>[^<]*<\/title>/, `<title>${escape(meta.title)}</title>`);
  return titled.replace('</head>', `    ${headTags(meta)}\n  </head>`);
}
