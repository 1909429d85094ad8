// What we take: a decodable video of sane size and length. Pure; the reasons are sentences
// the uploader reads.
import type { MediaInfo, MediaLimits, ProbeFailure, Refusal, RefusalCode } from './media.types.ts';

export const MIN_DURATION_MS = 500;
export const MIN_SHORT_SIDE = 64;
export const MAX_LONG_SIDE = 8192;
export const MAX_ASPECT = 4;
/** Frames per second assumed when a file does not say. */
const FALLBACK_FPS = 60;

/** Containers that hold another list of files: never followed, always refused. */
const PLAYLIST_FORMATS = new Set(['hls', 'applehttp', 'concat', 'ffconcat', 'dash', 'webm_dash_manifest']);
/** Text that ffmpeg will happily "play" (tty renders text files as video). */
const TEXT_FORMATS = new Set(['tty', 'srt', 'webvtt', 'ass', 'subviewer', 'microdvd', 'sami', 'lrc', 'jacosub']);
const IMAGE_FORMATS = new Set(['image2', 'png_pipe', 'jpeg_pipe', 'webp_pipe', 'bmp_pipe', 'tiff_pipe', 'svg_pipe', 'gif_pipe', 'jpegxl_pipe']);
/** Video codecs we decode and take. */
export const VIDEO_CODECS = new Set([
  'h264', 'hevc', 'vp8', 'vp9', 'av1', 'mpeg4', 'mpeg2video', 'mpeg1video', 'h263', 'prores', 'dnxhd',
  'mjpeg', 'theora', 'wmv2', 'wmv3', 'vc1', 'msmpeg4v3', 'gif', 'rawvideo', 'ffv1', 'flv1', 'vp6f', 'cfhd',
]);

const refuse = (code: RefusalCode, reason: string): Refusal => ({ code, reason });
const formats = (name: string) => name.split(',');
const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`);
const minutes = (ms: number) => (ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000} min` : seconds(ms));

export function isProbeFailure(input: MediaInfo | ProbeFailure): input is ProbeFailure {
  return 'failed' in input && input.failed === true;
}

export function validateMedia(input: MediaInfo | ProbeFailure, limits: MediaLimits): Refusal | null {
  if (isProbeFailure(input)) {
    switch (input.cause) {
      case 'empty':
        return refuse('corrupt', 'The file is empty.');
      case 'text':
        return refuse('not_a_video', 'This is a text file, not a video.');
      case 'playlist':
        return refuse('playlist', 'This is a playlist, not a video. Upload the video file itself.');
      case 'unreadable':
        return refuse('corrupt', 'We could not read this file: it may be damaged or not a video.');
    }
  }
  const info = input;
  const names = formats(info.formatName);
  if (names.some((n) => PLAYLIST_FORMATS.has(n))) {
    return refuse('playlist', 'This is a playlist, not a video. Upload the video file itself.');
  }
  if (names.some((n) => TEXT_FORMATS.has(n))) return refuse('not_a_video', 'This is a text file, not a video.');
  if (names.some((n) => IMAGE_FORMATS.has(n))) return refuse('still_image', 'This is a picture, not a video.');
  if (!info.hasVideo) {
    return info.hasAudio
      ? refuse('audio_only', 'This file has sound but no picture. Upload a video.')
      : refuse('no_video_stream', 'This file has no video in it.');
  }
  const stillGif = names.includes('gif') && (info.durationMs === null || info.durationMs < MIN_DURATION_MS);
  if (info.frameCount === 1 || stillGif) return refuse('still_image', 'This is a picture, not a video.');
  if (!info.videoCodec || !VIDEO_CODECS.has(info.videoCodec)) {
    return refuse('unsupported_codec', `We can't play video encoded as ${info.videoCodec ?? 'an unknown codec'}. Try exporting it as H.264 (MP4).`);
  }
  if (info.durationMs === null) {
    return refuse('corrupt', 'We could not tell how long this video is: the file may be damaged.');
  }
  if (info.durationMs < MIN_DURATION_MS) {
    return refuse('too_short', `This video is too short: it needs to be at least ${seconds(MIN_DURATION_MS)}.`);
  }
  if (info.durationMs > limits.maxDurationMs) {
    return refuse('too_long', `This video is too long: the limit is ${minutes(limits.maxDurationMs)}.`);
  }
  const short = Math.min(info.width, info.height);
  const long = Math.max(info.width, info.height);
  if (short < MIN_SHORT_SIDE || long > MAX_LONG_SIDE || long > short * MAX_ASPECT) {
    return refuse(
      'dimensions_out_of_range',
      `A ${info.width}×${info.height} picture is outside what we take: at least ${MIN_SHORT_SIDE} px on the short side, at most ${MAX_LONG_SIDE} px on the long side, and no wider than ${MAX_ASPECT}:1.`,
    );
  }
  // the work a transcode does: every pixel of every frame (a container's frame count may understate it)
  const frames = Math.max(info.frameCount ?? 0, (info.durationMs / 1000) * (info.fps > 0 ? info.fps : FALLBACK_FPS));
  if (info.width * info.height * frames > limits.maxPixelFrames) {
    const fps = Math.round(frames / (info.durationMs / 1000));
    return refuse(
      'too_much_work',
      `This video is too big to process: ${minutes(info.durationMs)} of ${info.width}×${info.height} at ${fps} fps. Make it shorter, smaller or at a lower frame rate.`,
    );
  }
  return null;
}
