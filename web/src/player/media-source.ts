// Attaches an HLS stream to a <video>: hls.js where Media Source Extensions exist, the browser's
// own HLS on Apple devices and wherever MSE is missing (docs/decisions/005-web-client.md).
import Hls from 'hls.js/light';

export interface MediaSourceHandle {
  /** Preloading buffers a few seconds; the playing video buffers normally. */
  setPriority(priority: 'preload' | 'play'): void;
  destroy(): void;
}

const PRELOAD_BUFFER_S = 4;
const PLAY_BUFFER_S = 30;

function prefersNativeHls(video: HTMLVideoElement): boolean {
  const native = video.canPlayType('application/vnd.apple.mpegurl') !== '';
  if (!Hls.isSupported()) return native;
  return native && /apple/i.test(navigator.vendor);
}

export function attachSource(video: HTMLVideoElement, url: string, priority: 'preload' | 'play'): MediaSourceHandle {
  if (prefersNativeHls(video)) {
    video.preload = 'auto';
    video.src = url;
    return {
      setPriority() {},
      destroy() {
        video.removeAttribute('src');
        video.load();
      },
    };
  }
  const buffer = (p: 'preload' | 'play') => (p === 'play' ? PLAY_BUFFER_S : PRELOAD_BUFFER_S);
  const hls = new Hls({
    maxBufferLength: buffer(priority),
    maxMaxBufferLength: 60,
    capLevelToPlayerSize: true,
    startFragPrefetch: true,
    backBufferLength: 30,
  });
  hls.on(Hls.Events.ERROR, (_event, data) => {
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.NETWORK_ERROR) hls.startLoad();
    else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) hls.recoverMediaError();
    else console.warn('playback failed', data.details);
  });
  hls.loadSource(url);
  hls.attachMedia(video);
  return {
    setPriority(p) {
      hls.config.maxBufferLength = buffer(p);
    },
    destroy() {
      hls.destroy();
    },
  };
}
