// oEmbed: what other sites ask to embed or describe a link to us.
import { oembed, oembedQuery } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { SharingService } from './sharing.service.ts';

export function sharingRoutes(route: Router, sharing: SharingService, publicOrigin: string | null) {
  route({
    method: 'GET',
    url: '/api/v1/oembed',
    summary: 'oEmbed for a link to a public video or a profile',
    tag: 'sharing',
    auth: 'none',
    query: oembedQuery,
    response: oembed,
    errors: ['not_found'],
    handler: async ({ query, request }) =>
      sharing.oembed(query.url, publicOrigin ?? `${request.protocol}://${request.host}`, { width: query.maxwidth, height: query.maxheight }),
  });
}
