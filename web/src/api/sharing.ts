import type { OEmbed } from '@cliptide/contract';
import { get } from './http.ts';

/** The server's oEmbed for a link: the embed code of a public video comes from here, not from the page. */
export const fetchOEmbed = (url: string, signal?: AbortSignal) => get<OEmbed>(`/oembed?url=${encodeURIComponent(url)}`, signal);
