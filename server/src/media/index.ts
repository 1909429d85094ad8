// The media module's public surface. Only this module runs ffmpeg/ffprobe.
export { createMedia, type Media, type MediaOptions, type ProbeResult, type TranscodeRequest } from './media.ts';
export { TranscodeFailed, type FaultReason } from './media.errors.ts';
export { DEFAULT_MEDIA_LIMITS } from './media.types.ts';
export type {
  MediaInfo,
  MediaLimits,
  ProbeFailure,
  Refusal,
  RefusalCode,
  Rung,
  ToolCommand,
  TranscodeResult,
} from './media.types.ts';
export { validateMedia } from './validate.ts';
export { ladderFor } from './ladder.ts';
export { probeCommand } from './probe.ts';
export {
  transcodeCommand,
  outputFps,
  posterTimeMs,
  rungsOf,
  masterNameOf,
  MASTER_PLAYLIST,
  FIRST_MASTER_PLAYLIST,
  AUDIO_BITRATE,
  POSTER_FILE,
  type LadderPart,
} from './transcode-command.ts';
export { mergeMasterPlaylists } from './hls-master.ts';
export { detectDialect, locateTools, ToolNotFound, type FfmpegDialect, type ToolPaths } from './locate.ts';
export { synthClip } from './synth.ts';
export { SYNTH_SCENES, SYNTH_TONES, type SynthOptions, type SynthScene, type SynthTone } from './synth-command.ts';
