// The transcode as data: one ffmpeg run that decodes once, evens out the frame rate, and
// writes every rung of the ladder as HLS (fMP4) plus the poster. Choices: docs/decisions/002.
import { join } from 'node:path';
import { ladderFor } from './ladder.ts';
import type { FfmpegDialect } from './locate.ts';
import type { MediaInfo, Rung, ToolCommand } from './media.types.ts';
import { fileUrl } from './probe.ts';

export const SEGMENT_SECONDS = 2;
export const X264_PRESET = 'veryfast';
export const MAX_OUTPUT_FPS = 30;
export const AUDIO_BITRATE = 128_000;
export const MASTER_PLAYLIST = 'master.m3u8';
/** The master playlist of the first playable rung alone, published before the rest of the ladder. */
export const FIRST_MASTER_PLAYLIST = 'first.m3u8';
/** The master playlist ffmpeg writes for the rest of the ladder (merged into MASTER_PLAYLIST). */
export const REST_MASTER_PLAYLIST = 'rest.m3u8';
export const POSTER_FILE = 'poster.jpg';
/** Per-rendition media playlist, under a folder named after the rung. */
export const MEDIA_PLAYLIST = 'index.m3u8';

/**
 * Which part of the ladder a run writes: all of it (one run), or — to be playable sooner — first the
 * smallest rung with the poster, then the rest (docs/decisions/026).
 */
export type LadderPart = 'all' | 'first' | 'rest';

/** The rungs a part holds, largest first. A ladder of one rung has no 'rest'. */
export function rungsOf(ladder: readonly Rung[], part: LadderPart): Rung[] {
  if (part === 'all' || ladder.length <= 1) return part === 'rest' ? [] : [...ladder];
  return part === 'first' ? ladder.slice(-1) : ladder.slice(0, -1);
}

/** The master playlist a part's run writes: a one-rung ladder's first part is already the whole. */
export function masterNameOf(ladder: readonly Rung[], part: LadderPart): string {
  if (part === 'all' || ladder.length <= 1) return MASTER_PLAYLIST;
  return part === 'first' ? FIRST_MASTER_PLAYLIST : REST_MASTER_PLAYLIST;
}

export interface TranscodeCommandInput {
  inputPath: string;
  outDir: string;
  info: MediaInfo;
  /** Default 'all'. */
  part?: LadderPart;
  /** Threads for decoding, filtering and each encoder; omitted: ffmpeg decides. */
  threads?: number;
  /**
   * 'legacy' (ffmpeg before 5.1, e.g. the npm fallback binary): `-vsync cfr` and renditions written
   * to folders named by index ('0', '1', …), which the caller renames (see `renameLegacyRenditions`).
   */
  dialect?: FfmpegDialect;
}

/**
 * Constant output frame rate: the source's average rounded, divided by the smallest whole
 * number that brings it to MAX_OUTPUT_FPS or below (60 → 30, 50 → 25, 120 → 30, 29.97 → 30).
 */
export function outputFps(info: Pick<MediaInfo, 'fps'>): number {
  if (!(info.fps > 0)) return MAX_OUTPUT_FPS;
  const divisor = Math.max(1, Math.ceil(info.fps / MAX_OUTPUT_FPS - 1e-6));
  return Math.max(1, Math.round(info.fps / divisor));
}

/** The poster frame: 1 s in, or 10 % in for clips under 10 s. */
export function posterTimeMs(info: Pick<MediaInfo, 'durationMs'>): number {
  return Math.min(1000, Math.floor((info.durationMs ?? 0) / 10));
}

const kbps = (bps: number) => `${Math.round(bps / 1000)}k`;
const secondsText = (ms: number) => String(Math.round(ms) / 1000);

/** How long the poster branch runs before it closes (it needs one frame; this bounds its work). */
const POSTER_WINDOW_SECONDS = 0.5;

/**
 * One decode → constant frame rate → the top rendition → each smaller rendition scaled from the
 * one above it (cheaper than scaling every rung from the source) → and a poster branch that takes
 * frames for half a second from the poster time, then closes: from the top rendition when the
 * poster has its size, else (a first part of small rungs) trimmed from the source, then scaled to
 * the poster's size. `poster` null: no poster (the rest of a ladder).
 */
export function filterGraph(rungs: readonly Rung[], fps: number, posterAtMs: number, poster: Pick<Rung, 'width' | 'height'> | null = rungs[0] ?? null): string {
  const top = rungs[0];
  if (!top) throw new RangeError('a transcode needs at least one rung');
  const last = rungs.length - 1;
  const posterFromTop = poster !== null && poster.width === top.width && poster.height === top.height;
  const posterFromSource = poster !== null && !posterFromTop;
  const chain = rungs.map((r, i) => {
    const from = i === 0 ? (posterFromSource ? '[src]' : `[0:v:0]fps=${fps},`) : `[r${i - 1}]`;
    const format = i === 0 ? ',format=yuv420p' : '';
    const outs = `[v${i}]${i < last ? `[r${i}]` : ''}${i === 0 && posterFromTop ? '[p]' : ''}`;
    const fanOut = outs.split('][').length;
    return `${from}scale=${r.width}:${r.height}${format},setsar=1${fanOut > 1 ? `,split=${fanOut}` : ''}${outs}`;
  });
  const window = `trim=start=${secondsText(posterAtMs)}:duration=${POSTER_WINDOW_SECONDS},setpts=PTS-STARTPTS`;
  if (posterFromTop) return [...chain, `[p]${window}[poster]`].join(';');
  if (!poster) return chain.join(';');
  // the first chain reads [src]: the source at the output rate, split off for the poster
  return [
    `[0:v:0]fps=${fps},split=2[src][ps]`,
    ...chain,
    `[ps]${window},scale=${poster.width}:${poster.height},format=yuv420p,setsar=1[poster]`,
  ].join(';');
}

export function transcodeCommand({ inputPath, outDir, info, threads, dialect = 'modern', part = 'all' }: TranscodeCommandInput): ToolCommand {
  const ladder = ladderFor(info.width, info.height);
  const rungs = rungsOf(ladder, part);
  if (rungs.length === 0) throw new RangeError('a one-rung ladder has no rest to transcode');
  const poster = part === 'rest' ? null : ladder[0]!;
  const fps = outputFps(info);
  const gop = fps * SEGMENT_SECONDS;
  const audio = info.hasAudio;
  const threadArgs = threads ? ['-threads', String(threads)] : [];

  const maps = rungs.flatMap((_, i) => (audio ? ['-map', `[v${i}]`, '-map', '0:a:0'] : ['-map', `[v${i}]`]));
  const rates = rungs.flatMap((r, i) => [
    `-b:v:${i}`, kbps(r.videoBitrate),
    `-maxrate:v:${i}`, kbps(r.maxBitrate),
    `-bufsize:v:${i}`, kbps(r.videoBitrate * 2),
  ]);
  const legacy = dialect === 'legacy';
  const streamMap = rungs
    .map((r, i) => [`v:${i}`, ...(audio ? [`a:${i}`] : []), ...(legacy ? [] : [`name:${r.name}`])].join(','))
    .join(' ');

  return {
    command: 'ffmpeg',
    args: [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-y',
      ...threadArgs,
      '-protocol_whitelist', 'file,pipe',
      '-i', fileUrl(inputPath),
      ...(threads ? ['-filter_complex_threads', String(threads)] : []),
      '-filter_complex', filterGraph(rungs, fps, posterTimeMs(info), poster),
      // Every rendition, one HLS output.
      ...maps,
      '-c:v', 'libx264', '-preset', X264_PRESET, '-profile:v', 'high',
      ...rates,
      '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0', '-flags', '+cgop',
      '-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`,
      ...(legacy ? ['-vsync', 'cfr'] : ['-fps_mode', 'cfr']),
      ...(audio ? ['-c:a', 'aac', '-b:a', kbps(AUDIO_BITRATE), '-ac', '2', '-ar', '48000'] : []),
      '-map_metadata', '-1', '-map_chapters', '-1', '-metadata:s:v', 'rotate=0',
      ...threadArgs,
      '-f', 'hls',
      '-hls_time', String(SEGMENT_SECONDS),
      '-hls_playlist_type', 'vod',
      '-hls_segment_type', 'fmp4',
      '-hls_flags', 'independent_segments',
      '-hls_fmp4_init_filename', 'init.mp4',
      '-hls_segment_filename', join(outDir, '%v', 'seg_%03d.m4s'),
      '-master_pl_name', masterNameOf(ladder, part),
      '-var_stream_map', streamMap,
      join(outDir, '%v', MEDIA_PLAYLIST),
      // The poster, from the same decode.
      ...(poster ? ['-map', '[poster]', '-frames:v', '1', '-q:v', '3', '-update', '1', ...threadArgs, join(outDir, POSTER_FILE)] : []),
    ],
  };
}
