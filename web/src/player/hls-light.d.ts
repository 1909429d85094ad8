// hls.js ships the light build (no subtitles, alternate audio or DRM — none of which Cliptide uses)
// without its own typings; it has the same API as the full build.
declare module 'hls.js/light' {
  export { default } from 'hls.js';
}
