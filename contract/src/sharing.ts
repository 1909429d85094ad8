// Sharing: oEmbed (https://oembed.com) for links to videos and profiles.
import { z } from 'zod';

export const oembedQuery = z.object({
  url: z.string().min(1).max(2048).meta({ description: 'a link to a video (/v/:id) or a profile (/@username) on this site' }),
  maxwidth: z.coerce.number().int().min(1).max(4096).optional(),
  maxheight: z.coerce.number().int().min(1).max(4096).optional(),
  format: z.literal('json').optional().meta({ description: 'only json is offered' }),
});

export const oembed = z
  .object({
    version: z.literal('1.0'),
    type: z.enum(['video', 'link']),
    title: z.string(),
    author_name: z.string(),
    author_url: z.string(),
    provider_name: z.string(),
    provider_url: z.string(),
    thumbnail_url: z.string().optional(),
    thumbnail_width: z.number().int().optional(),
    thumbnail_height: z.number().int().optional(),
    html: z.string().optional().meta({ description: 'an iframe of the embeddable player (/embed/:id), for public videos' }),
    width: z.number().int().optional(),
    height: z.number().int().optional(),
  })
  .meta({ id: 'OEmbed' });

export type OEmbed = z.output<typeof oembed>;
