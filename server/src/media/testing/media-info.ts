// A MediaInfo for unit tests: a plausible phone clip, overridden per case.
import type { MediaInfo } from '../media.types.ts';

export function mediaInfo(overrides: Partial<MediaInfo> = {}): MediaInfo {
  return {
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationMs: 8000,
    width: 1080,
    height: 1920,
    storedWidth: 1080,
    storedHeight: 1920,
    rotation: 0,
    fps: 30,
    variableFrameRate: false,
    hasVideo: true,
    hasAudio: true,
    videoCodec: 'h264',
    audioCodec: 'aac',
    pixelFormat: 'yuv420p',
    bitrate: 8_000_000,
    frameCount: 240,
    ...overrides,
  };
}
