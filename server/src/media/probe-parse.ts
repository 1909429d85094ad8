// Reads ffprobe's JSON (-show_format -show_streams) into a MediaInfo. Pure: no I/O.
import type { MediaInfo } from './media.types.ts';

interface RawStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  pix_fmt?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string | undefined>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}

interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string; bit_rate?: string };
}

/** "30000/1001" → 29.97; "0/0", "N/A" or garbage → 0. */
export function parseRate(rate: string | undefined): number {
  const [num, den] = (rate ?? '').split('/').map(Number);
  if (num === undefined || !Number.isFinite(num)) return 0;
  if (den === undefined) return num > 0 ? num : 0;
  return den > 0 && num > 0 ? num / den : 0;
}

const positiveNumber = (value: string | undefined): number | null => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : null;
};

/**
 * Clockwise rotation the player applies: tags.rotate (clockwise) when present, else the
 * display matrix (ffprobe's `rotation`, counter-clockwise). Both 90 and 270 swap width and height.
 */
export function rotationOf(stream: RawStream): 0 | 90 | 180 | 270 {
  const tag = stream.tags?.rotate;
  const matrix = stream.side_data_list?.find((s) => s.side_data_type === 'Display Matrix')?.rotation;
  let degrees = 0;
  if (tag !== undefined && Number.isFinite(Number(tag))) degrees = Number(tag);
  else if (typeof matrix === 'number' && Number.isFinite(matrix)) degrees = -matrix;
  const quarter = ((Math.round(degrees / 90) % 4) + 4) % 4;
  return ([0, 90, 180, 270] as const)[quarter]!;
}

const isPicture = (s: RawStream) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1;

/** Whether the JSON has the shape of ffprobe output at all. */
export function looksLikeProbe(raw: unknown): raw is RawProbe {
  return typeof raw === 'object' && raw !== null && ('format' in raw || 'streams' in raw);
}

export function parseProbe(raw: unknown): MediaInfo {
  const probe: RawProbe = looksLikeProbe(raw) ? raw : {};
  const streams = probe.streams ?? [];
  const video = streams.find(isPicture);
  const audio = streams.find((s) => s.codec_type === 'audio');

  const storedWidth = video?.width ?? 0;
  const storedHeight = video?.height ?? 0;
  const rotation = video ? rotationOf(video) : 0;
  const sar = parseRate(video?.sample_aspect_ratio?.replace(':', '/'));
  const sampledWidth = sar > 0 && sar !== 1 ? Math.round(storedWidth * sar) : storedWidth;
  const swap = rotation === 90 || rotation === 270;

  const avg = parseRate(video?.avg_frame_rate);
  const real = parseRate(video?.r_frame_rate);
  const durationSeconds = positiveNumber(probe.format?.duration) ?? positiveNumber(video?.duration);
  const frameCount = positiveNumber(video?.nb_frames);

  return {
    formatName: probe.format?.format_name ?? '',
    durationMs: durationSeconds === null ? null : Math.round(durationSeconds * 1000),
    width: swap ? storedHeight : sampledWidth,
    height: swap ? sampledWidth : storedHeight,
    storedWidth,
    storedHeight,
    rotation,
    fps: Math.round(avg * 1000) / 1000,
    variableFrameRate: avg > 0 && real > 0 && Math.abs(avg - real) / real > 0.001,
    hasVideo: video !== undefined,
    hasAudio: audio !== undefined,
    videoCodec: video?.codec_name ?? null,
    audioCodec: audio?.codec_name ?? null,
    pixelFormat: video?.pix_fmt ?? null,
    bitrate: positiveNumber(probe.format?.bit_rate),
    frameCount: frameCount === null ? null : Math.round(frameCount),
  };
}
