// Videos: drafts, their processing status, playback URLs and the viewer's relation to them.
import { z } from 'zod';
import { userSummary } from './accounts.ts';
import { page, timestamp } from './common.ts';
import { MAX_CAPTION_LENGTH } from './limits.ts';

export const visibility = z.enum(['public', 'followers', 'private']).meta({ id: 'Visibility' });
export const videoStatus = z.enum(['uploading', 'processing', 'ready', 'failed']).meta({ id: 'VideoStatus' });
export const videoParams = z.object({ id: z.uuid('a video id') });

export const reason = z
  .object({
    code: z.string().meta({ description: 'followed_creator, hashtag_affinity, creator_affinity, sound_affinity, similar_interest, trending_region, new_upload, recent_upload, seen_again' }),
    text: z.string(),
    params: z.record(z.string(), z.string()).meta({ description: 'ids and values a client may use to render its own text' }),
  })
  .meta({ id: 'Reason', description: 'Why a For You item is shown' });

export const video = z
  .object({
    id: z.uuid(),
    author: userSummary,
    caption: z.string(),
    hashtags: z.array(z.string()),
    mentions: z.array(z.string()),
    visibility,
    allowComments: z.boolean(),
    adultOnly: z.boolean().meta({ description: 'for adults (18+): never shown to minors, nor in restricted mode' }),
    status: videoStatus,
    progress: z.number().min(0).max(1),
    error: z
      .object({
        code: z.string(),
        reason: z.string(),
        retryable: z.boolean().meta({ description: 'the failure was ours, not the file’s: POST …/retry processes it again while the upload is kept' }),
      })
      .nullable(),
    durationMs: z.number().int().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    hls: z.string().nullable().meta({ description: 'master playlist URL, once ready: the first playable rendition alone until the rest of the ladder is added' }),
    renditions: z
      .array(z.object({ name: z.string(), width: z.number().int(), height: z.number().int(), status: z.enum(['ready', 'pending', 'failed']) }))
      .meta({ description: 'the HLS ladder: the smallest rendition is playable first, the larger ones follow (pending)' }),
    poster: z.string().nullable(),
    createdAt: timestamp,
    publishedAt: timestamp.nullable(),
    counts: z.object({ likes: z.number().int(), comments: z.number().int(), shares: z.number().int(), saves: z.number().int(), views: z.number().int() }),
    viewer: z.object({ liked: z.boolean(), saved: z.boolean(), followingAuthor: z.boolean() }),
    reasons: z.array(reason).optional().meta({ description: 'For You items only' }),
  })
  .meta({ id: 'Video' });

export const newVideoBody = z.object({
  caption: z.string().max(MAX_CAPTION_LENGTH).default(''),
  visibility: visibility.default('public'),
  allowComments: z.boolean().default(true),
  adultOnly: z.boolean().default(false).meta({ description: 'for adults (18+): never shown to minors, nor in restricted mode' }),
});
export const videoPatchBody = z.object({
  caption: z.string().max(MAX_CAPTION_LENGTH).optional(),
  visibility: visibility.optional(),
  allowComments: z.boolean().optional(),
  adultOnly: z.boolean().optional(),
});

export const uploadTarget = z
  .object({
    url: z.string(),
    protocol: z.literal('tus'),
    metadata: z.object({ videoId: z.uuid() }),
    maxBytes: z.number().int(),
  })
  .meta({ id: 'UploadTarget', description: 'Where to send the file: a tus 1.0 endpoint and the metadata to send with it' });

export const hashtagSummary = z.object({ tag: z.string(), videoCount: z.number().int() }).meta({ id: 'HashtagSummary' });
export const hashtagParams = z.object({ tag: z.string().min(1).max(50) });

export const videoResponse = z.object({ video });
export const videoCreated = z.object({ video, upload: uploadTarget });
export const videoPage = page(video).meta({ id: 'VideoPage' });
export const hashtagResponse = z.object({ hashtag: hashtagSummary });

export type Visibility = z.output<typeof visibility>;
export type VideoStatus = z.output<typeof videoStatus>;
export type Reason = z.output<typeof reason>;
export type Video = z.output<typeof video>;
export type UploadTarget = z.output<typeof uploadTarget>;
export type HashtagSummary = z.output<typeof hashtagSummary>;
export type NewVideo = z.input<typeof newVideoBody>;
export type VideoPatch = z.input<typeof videoPatchBody>;
export type VideoResponse = z.output<typeof videoResponse>;
export type VideoCreated = z.output<typeof videoCreated>;
export type HashtagResponse = z.output<typeof hashtagResponse>;
