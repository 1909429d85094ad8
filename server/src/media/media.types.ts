// The media module's vocabulary: what a probe tells us, what we refuse, what a transcode writes.

/** What ffprobe told us about an upload, reduced to what the pipeline decides on. */
export interface MediaInfo {
  /** ffprobe's format name, e.g. 'mov,mp4,m4a,3gp,3g2,mj2'. */
  formatName: string;
  /** null when the container does not say how long it is. */
  durationMs: number | null;
  /** Display size: after rotation and sample aspect ratio; 0 without a video stream. */
  width: number;
  height: number;
  /** Stored (coded) size of the video stream, before rotation. */
  storedWidth: number;
  storedHeight: number;
  /** Clockwise degrees the player turns the stored picture: 0, 90, 180 or 270. */
  rotation: 0 | 90 | 180 | 270;
  /** Average frames per second (avg_frame_rate); 0 when unknown. */
  fps: number;
  /** r_frame_rate differs from avg_frame_rate: timestamps are irregular. */
  variableFrameRate: boolean;
  hasVideo: boolean;
  hasAudio: boolean;
  videoCodec: string | null;
  audioCodec: string | null;
  pixelFormat: string | null;
  /** Overall bit rate in bits per second, when known. */
  bitrate: number | null;
  /** Frames in the video stream when the container says (nb_frames). */
  frameCount: number | null;
}

/** Why a probe could not produce a MediaInfo. */
export interface ProbeFailure {
  failed: true;
  cause: 'empty' | 'text' | 'playlist' | 'unreadable';
  /** For logs, not for the uploader. */
  detail: string;
}

export interface MediaLimits {
  /** Longest accepted video (config MAX_VIDEO_SECONDS; default 10 min). */
  maxDurationMs: number;
  /**
   * Most pixels decoded in all (width × height × frames), which is what a transcode's time follows
   * (config MAX_VIDEO_GIGAPIXELS; default 160 billion: 10 min of 4K at 30 fps).
   */
  maxPixelFrames: number;
}

export const DEFAULT_MEDIA_LIMITS: MediaLimits = { maxDurationMs: 10 * 60 * 1000, maxPixelFrames: 160e9 };

export type RefusalCode =
  | 'not_a_video'
  | 'no_video_stream'
  | 'audio_only'
  | 'still_image'
  | 'playlist'
  | 'corrupt'
  | 'too_long'
  | 'too_short'
  | 'dimensions_out_of_range'
  | 'too_much_work'
  | 'unsupported_codec';

export interface Refusal {
  code: RefusalCode;
  /** A sentence the uploader sees. */
  reason: string;
}

/** One rendition of the HLS ladder. */
export interface Rung {
  /** Rendition name, also its folder: '720p' (named after the short side). */
  name: string;
  width: number;
  height: number;
  /** Target video bit rate, bits per second. */
  videoBitrate: number;
  /** Peak video bit rate (x264 VBV), bits per second. */
  maxBitrate: number;
}

/** A command as data: the logical tool and its argument array. Spawned without a shell. */
export interface ToolCommand {
  command: 'ffmpeg' | 'ffprobe';
  args: string[];
}

export interface TranscodeResult {
  /** The master playlist written ('master.m3u8', or 'first.m3u8'/'rest.m3u8' for a part), relative to outDir. */
  master: string;
  /** 'poster.jpg', relative to outDir; null for the rest of a ladder. */
  poster: string | null;
  renditions: { name: string; width: number; height: number; bandwidth: number }[];
  /** Every file written, relative to outDir, sorted. */
  files: string[];
}
