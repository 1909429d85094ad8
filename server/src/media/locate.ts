// Finds ffmpeg and ffprobe: an explicit path from config first, then the system's (PATH),
// then the static binaries of the npm packages @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

export type ToolName = 'ffmpeg' | 'ffprobe';

/**
 * 'modern': ffmpeg 5.1 or later (`-fps_mode`, `var_stream_map` names). 'legacy': older builds such as
 * the npm fallback's static binary (2018), which need `-vsync` and index-named renditions.
 */
export type FfmpegDialect = 'modern' | 'legacy';

export interface ToolPaths {
  ffmpeg: string;
  ffprobe: string;
}

export interface LocateDeps {
  /** Whether `command -version` runs and exits 0 (spawn resolves a bare name through PATH). */
  runs: (command: string) => boolean;
  /** The path the npm fallback package offers, or null when it is not installed or unsupported here. */
  bundled: (name: ToolName) => string | null;
}

const require = createRequire(import.meta.url);
const bundledPackage: Record<ToolName, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};

export const systemLocateDeps: LocateDeps = {
  runs: (command) => {
    const result = spawnSync(command, ['-version'], { stdio: 'ignore', timeout: 10_000, shell: false });
    return result.status === 0;
  },
  bundled: (name) => {
    try {
      const found = require(bundledPackage[name]) as { path?: unknown };
      return typeof found.path === 'string' ? found.path : null;
    } catch {
      return null;
    }
  },
};

/** Asks the binary itself: `-fps_mode` (ffmpeg 5.1+) appears in its long help. */
export function detectDialect(ffmpeg: string): FfmpegDialect {
  const help = spawnSync(ffmpeg, ['-hide_banner', '-h', 'long'], { encoding: 'utf8', timeout: 10_000, shell: false, maxBuffer: 8 * 1024 * 1024 });
  return /^-fps_mode\b/m.test(help.stdout ?? '') ? 'modern' : 'legacy';
}

export class ToolNotFound extends Error {
  override readonly name = 'ToolNotFound';
}

/** The command to spawn for `name`. Throws ToolNotFound with a message an operator can act on. */
export function locateTool(name: ToolName, explicitPath?: string, deps: LocateDeps = systemLocateDeps): string {
  if (explicitPath) {
    if (!deps.runs(explicitPath)) throw new ToolNotFound(`${name} at ${explicitPath} (from configuration) does not run`);
    return explicitPath;
  }
  if (deps.runs(name)) return name;
  const bundled = deps.bundled(name);
  if (bundled && deps.runs(bundled)) return bundled;
  throw new ToolNotFound(`${name} was not found on PATH nor in ${bundledPackage[name]}; install ffmpeg or set its path`);
}

export function locateTools(
  opts: { ffmpegPath?: string; ffprobePath?: string } = {},
  deps: LocateDeps = systemLocateDeps,
): ToolPaths {
  return { ffmpeg: locateTool('ffmpeg', opts.ffmpegPath, deps), ffprobe: locateTool('ffprobe', opts.ffprobePath, deps) };
}
